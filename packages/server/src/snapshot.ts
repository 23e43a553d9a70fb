import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BirdTalkError } from '@birdtalk/errors';
import { writeFileAtomic } from '@birdtalk/runtime/node';
import type { GroupRow, P2pRow } from './state/chat.js';
import type { FileRecord } from './state/files.js';
import type { GroupInfoData } from './state/groups.js';
import type { OpRecord } from './state/oplog.js';
import type { FriendRow, PermissionRow } from './state/relations.js';
import type { Store } from './state/store.js';
import type { TokenRecord } from './state/tokens.js';
import type { UserRecord } from './state/users.js';

const FORMAT = 'birdtalk-server-snapshot';
const VERSION = 1;

interface SnapshotData {
  format: string;
  version: number;
  users: { lastId: bigint; docs: UserRecord[] };
  relations: {
    following: [bigint, bigint, FriendRow][];
    fans: [bigint, bigint, FriendRow][];
    mutual: [bigint, bigint, FriendRow][];
    permissions: [bigint, bigint, PermissionRow][];
  };
  chat: { p2p: P2pRow[]; groups: GroupRow[] };
  groups: {
    lastId: bigint;
    list: {
      db: GroupInfoData;
      info: GroupInfoData;
      owner: bigint;
      admins: bigint[];
      members: [bigint, { nick: string }][];
    }[];
    membership: [bigint, bigint[]][];
  };
  oplog: { user: OpRecord[]; group: OpRecord[] };
  files: { dirs: string[]; files: [string, Uint8Array][]; records: FileRecord[] };
  tokens: [bigint, TokenRecord][];
}

function flatten<T>(table: Map<bigint, Map<bigint, T>>): [bigint, bigint, T][] {
  const out: [bigint, bigint, T][] = [];
  for (const [a, row] of table) for (const [b, value] of row) out.push([a, b, value]);
  return out;
}

function unflatten<T>(table: Map<bigint, Map<bigint, T>>, rows: readonly [bigint, bigint, T][]): void {
  for (const [a, b, value] of rows) {
    let row = table.get(a);
    if (row === undefined) {
      row = new Map();
      table.set(a, row);
    }
    row.set(b, value);
  }
}

/** JSON with bigints as `{"$big": "…"}` and bytes as `{"$b64": "…"}`. */
function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return { $big: value.toString() };
  if (value instanceof Uint8Array) return { $b64: Buffer.from(value).toString('base64') };
  if (value !== null && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer') {
    return { $b64: Buffer.from((value as { data: number[] }).data).toString('base64') };
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && typeof record.$big === 'string') return BigInt(record.$big);
    if (keys.length === 1 && typeof record.$b64 === 'string')
      return new Uint8Array(Buffer.from(record.$b64, 'base64'));
  }
  return value;
}

/** Serialises the persistent part of the store (caches and connections are not saved, as on a restart). */
export function serializeStore(store: Store): string {
  const data: SnapshotData = {
    format: FORMAT,
    version: VERSION,
    users: { lastId: store.users.lastId, docs: [...store.users.docs.values()] },
    relations: {
      following: flatten(store.relations.following),
      fans: flatten(store.relations.fans),
      mutual: flatten(store.relations.mutual),
      permissions: flatten(store.relations.permissions),
    },
    chat: { p2p: [...store.chat.p2p.values()].flat(), groups: [...store.chat.groups.values()].flat() },
    groups: {
      lastId: store.groups.lastId,
      list: [...store.groups.groups.values()].map((group) => ({
        db: group.db,
        info: group.info,
        owner: group.owner,
        admins: [...group.admins],
        members: [...group.members.entries()],
      })),
      membership: [...store.groups.membership.entries()].map(([uid, set]) => [uid, [...set]]),
    },
    oplog: {
      user: [...store.oplog.user.values()].flatMap((rows) => [...rows.values()]),
      group: [...store.oplog.group.values()].flatMap((rows) => [...rows.values()]),
    },
    files: {
      dirs: [...store.files.dirs],
      files: [...store.files.files.keys()].map((path) => [
        path,
        store.files.read(path.split('/')) ?? new Uint8Array(),
      ]),
      records: store.files.records,
    },
    tokens: [...store.tokens.tokens.entries()],
  };
  return JSON.stringify(data, replacer);
}

/**
 * Loads a snapshot into an empty store.
 *
 * @throws BirdTalkError `SNAPSHOT_INVALID` when the text is not a snapshot of this format.
 */
export function restoreStore(store: Store, text: string): void {
  let data: SnapshotData;
  try {
    data = JSON.parse(text, reviver) as SnapshotData;
  } catch (error) {
    throw new BirdTalkError('SNAPSHOT_INVALID', 'the snapshot is not valid JSON', { cause: error });
  }
  if (data?.format !== FORMAT || data.version !== VERSION) {
    throw new BirdTalkError('SNAPSHOT_INVALID', `not a ${FORMAT} version ${VERSION}`);
  }
  store.users.lastId = data.users.lastId;
  for (const doc of data.users.docs) store.users.docs.set(doc.userId, doc);
  unflatten(store.relations.following, data.relations.following);
  unflatten(store.relations.fans, data.relations.fans);
  unflatten(store.relations.mutual, data.relations.mutual);
  unflatten(store.relations.permissions, data.relations.permissions);
  for (const row of data.chat.p2p) store.chat.saveP2p(row);
  for (const row of data.chat.groups) store.chat.saveGroup(row);
  store.groups.lastId = data.groups.lastId;
  for (const group of data.groups.list) {
    store.groups.groups.set(group.info.groupId, {
      db: group.db,
      info: group.info,
      owner: group.owner,
      admins: new Set(group.admins),
      members: new Map(group.members),
    });
  }
  for (const [uid, gids] of data.groups.membership) for (const gid of gids) store.groups.join(uid, gid);
  for (const record of data.oplog.user) store.oplog.restoreUser(record);
  for (const record of data.oplog.group) store.oplog.saveGroupOp(record);
  for (const dir of data.files.dirs) store.files.dirs.add(dir);
  for (const [path, content] of data.files.files) store.files.restore(path, Buffer.from(content));
  store.files.records.push(...data.files.records);
  for (const [keyPrint, token] of data.tokens) store.tokens.tokens.set(keyPrint, token);
}

/** Reads a snapshot file; `false` when there is none. */
export async function loadSnapshot(store: Store, file: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new BirdTalkError('SNAPSHOT_UNREADABLE', `cannot read ${file}`, { cause: error });
  }
  try {
    restoreStore(store, text);
  } catch (error) {
    // Name the file: the one who has to move it away needs to know which.
    const message = error instanceof Error ? error.message : String(error);
    throw new BirdTalkError('SNAPSHOT_INVALID', `${file}: ${message}`, { cause: error });
  }
  return true;
}

/**
 * Writes a snapshot file atomically (a crash never leaves half a snapshot) and privately (0600: it holds
 * password hashes and tokens), creating its directory (0700) when missing.
 */
export async function saveSnapshot(store: Store, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, serializeStore(store));
}
