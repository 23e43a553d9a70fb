import type { Int64 } from '@birdtalk/proto';
import type { ServerContext } from './context.js';
import { storagePath } from './state/files.js';
import { roleString } from './state/groups.js';
import type { UserRecord } from './state/users.js';

/** A stored user, as a test sees it (ids as decimal strings). */
export interface StoredUser {
  readonly userId: Int64;
  readonly userName: string;
  readonly nickName: string;
  readonly email: string;
  readonly phone: string;
  readonly gender: string;
  readonly age: number;
  readonly region: string;
  readonly icon: string;
  readonly intro: string;
  readonly follows: Int64;
  readonly fans: Int64;
  /** Stored params, the password included. */
  readonly params: Readonly<Record<string, string>>;
}

/** One stored P2P row of a user. */
export interface StoredMessage {
  readonly msgId: Int64;
  /** Who sent it, and to whom. */
  readonly fromId: Int64;
  readonly toId: Int64;
  readonly sendId: Int64;
  /** Server store time (ms). */
  readonly tm: number;
  /** Delivery and read receipt times (server ms), 0 when none. */
  readonly recvTm: number;
  readonly readTm: number;
  readonly msgType: number;
  /** 5 when recalled. */
  readonly status: number;
  readonly refMessageId: Int64;
  readonly data: Uint8Array;
}

/** One stored group message. */
export interface StoredGroupMessage {
  readonly msgId: Int64;
  readonly fromId: Int64;
  readonly sendId: Int64;
  readonly tm: number;
  readonly msgType: number;
  readonly status: number;
  readonly refMessageId: Int64;
  readonly data: Uint8Array;
}

/** A group as held in memory. */
export interface StoredGroup {
  readonly groupId: Int64;
  readonly groupName: string;
  readonly groupType: string;
  readonly tags: readonly string[];
  readonly params: Readonly<Record<string, string>>;
  readonly owner: Int64;
  readonly members: readonly { readonly userId: Int64; readonly nick: string; readonly role: string }[];
}

/** A stored upload record. */
export interface StoredFile {
  readonly storedName: string;
  readonly fileName: string;
  readonly hashCode: string;
  readonly fileSize: Int64;
  readonly userId: Int64;
  /** The bytes on the (in-memory) disk, or `undefined` when the file is missing there. */
  readonly content: Uint8Array | undefined;
}

/** A stored document as a {@link StoredUser}. */
export function storedUser(user: UserRecord): StoredUser {
  return {
    userId: user.userId.toString(),
    userName: user.userName,
    nickName: user.nickName,
    email: user.email,
    phone: user.phone,
    gender: user.gender,
    age: user.age,
    region: user.region,
    icon: user.icon,
    intro: user.intro,
    follows: user.follows.toString(),
    fans: user.fans.toString(),
    params: { ...(user.params ?? {}) },
  };
}

/** The P2P rows of a user as {@link StoredMessage}s. */
export function storedMessages(ctx: ServerContext, userId: bigint): StoredMessage[] {
  return (ctx.store.chat.p2p.get(userId) ?? []).map((row) => ({
    msgId: row.id.toString(),
    fromId: (row.io === 0 ? row.uid1 : row.uid2).toString(),
    toId: (row.io === 0 ? row.uid2 : row.uid1).toString(),
    sendId: row.sendId.toString(),
    tm: row.tm,
    recvTm: row.tm1,
    readTm: row.tm2,
    msgType: row.mt,
    status: row.st,
    refMessageId: row.ref.toString(),
    data: row.data,
  }));
}

/** The rows of a group as {@link StoredGroupMessage}s. */
export function storedGroupMessages(ctx: ServerContext, groupId: bigint): StoredGroupMessage[] {
  return (ctx.store.chat.groups.get(groupId) ?? []).map((row) => ({
    msgId: row.id.toString(),
    fromId: row.uid.toString(),
    sendId: row.sendId.toString(),
    tm: row.tm,
    msgType: row.mt,
    status: row.st,
    refMessageId: row.ref.toString(),
    data: row.data,
  }));
}

/** A group's in-memory state as a {@link StoredGroup}. */
export function storedGroup(ctx: ServerContext, groupId: bigint): StoredGroup | undefined {
  const group = ctx.store.groups.get(groupId);
  if (group === undefined) return undefined;
  return {
    groupId: group.info.groupId.toString(),
    groupName: group.info.groupName,
    groupType: group.info.groupType,
    tags: [...group.info.tags],
    params: { ...(group.info.params ?? {}) },
    owner: group.owner.toString(),
    members: [...group.members.entries()].map(([uid, member]) => ({
      userId: uid.toString(),
      nick: member.nick,
      role: roleString(group, uid),
    })),
  };
}

/** Every upload record with the bytes stored for it. */
export function storedFiles(ctx: ServerContext): StoredFile[] {
  const files = ctx.store.files;
  return files.records.map((record) => {
    const path = storagePath(record.uniqName);
    const content = path === undefined ? undefined : files.read(path);
    return {
      storedName: record.uniqName,
      fileName: record.fileName,
      hashCode: record.hashCode,
      fileSize: record.fileSize.toString(),
      userId: record.userId.toString(),
      content: content === undefined ? undefined : new Uint8Array(content),
    };
  });
}
