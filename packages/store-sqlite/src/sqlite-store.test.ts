import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@birdtalk/client';
import { storeContract } from '@birdtalk/client/testing';
import type { BirdTalkError } from '@birdtalk/errors';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, SCHEMA_VERSION } from './index.js';
import { schema } from './schema.js';
import { PAGE_SIZE } from './sqlite-store.js';

describe('the store contract', () => {
  for (const check of storeContract({
    persistent: true,
    async setup() {
      const dir = await mkdtemp(join(tmpdir(), 'birdtalk-sqlite-'));
      return {
        open: async () => createSqliteStore({ path: join(dir, 'state.sqlite') }),
        teardown: () => rm(dir, { recursive: true, force: true }),
      };
    },
  })) {
    it(check.name, check.run);
  }
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'birdtalk-sqlite-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a store file of an earlier schema `version` with `sql` (its tables and rows), as that version left it. */
function oldFile(version: number, sql: string): string {
  const path = join(dir, 'state.sqlite');
  const old = new Database(path);
  old.exec(sql);
  old.pragma(`user_version = ${version}`);
  old.close();
  return path;
}

type OutboxEntry = Parameters<Store['putOutbox']>[0];
const entry = (sendId: string): OutboxEntry => ({
  sendId,
  createdAt: 1,
  chat: {
    sendId,
    msgId: sendId,
    toId: '10002',
    chatType: 1 as OutboxEntry['chat']['chatType'],
    data: new Uint8Array([1]),
  },
});

describe('the SQLite store', () => {
  it('creates a new database with 2 KiB pages, and keeps the 4 KiB pages of one created before', async () => {
    const fresh = createSqliteStore({ path: join(dir, 'fresh.sqlite') });
    await fresh.addSeen(['m:1'], 10);
    await fresh.close();
    const older = new Database(join(dir, 'older.sqlite'));
    older.pragma('page_size = 4096');
    older.pragma('journal_mode = WAL');
    older.exec(schema);
    older.pragma(`user_version = ${SCHEMA_VERSION}`);
    older.close();
    const kept = createSqliteStore({ path: join(dir, 'older.sqlite') });
    await kept.addSeen(['m:1'], 10);
    expect(await kept.loadSeen()).toEqual(['m:1']);
    await kept.close();
    const pageSize = (file: string): unknown => {
      const peek = new Database(join(dir, file), { readonly: true });
      try {
        return peek.pragma('page_size', { simple: true });
      } finally {
        peek.close();
      }
    };
    expect([pageSize('fresh.sqlite'), pageSize('older.sqlite')]).toEqual([PAGE_SIZE, 4096]);
    expect(PAGE_SIZE).toBe(2048);
  });

  it('creates its directory 0700 and its file 0600, in WAL mode', async () => {
    const path = join(dir, 'nested', 'state.sqlite');
    const store = createSqliteStore({ path });
    await store.savePosition('p2p', '1');
    if (process.platform !== 'win32') {
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'nested'))).mode & 0o777).toBe(0o700);
    }
    const peek = new Database(path, { readonly: true });
    expect(peek.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(peek.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    peek.close();
    await store.close();
    // Closing checkpoints the WAL into the database file.
    expect((await readdir(join(dir, 'nested'))).filter((name) => name.endsWith('-wal'))).toEqual([]);
  });

  it('tightens a file readable by others, and says so', async () => {
    if (process.platform === 'win32') return;
    const path = join(dir, 'state.sqlite');
    await createSqliteStore({ path }).close();
    await chmod(path, 0o644);
    const warnings: BirdTalkError[] = [];
    await createSqliteStore({ path, onWarning: (w) => warnings.push(w) }).close();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(warnings.map((w) => w.code)).toEqual(['STORE_LOOSE_PERMISSIONS']);
  });

  it('skips a damaged outbox row with a warning', async () => {
    const path = join(dir, 'state.sqlite');
    const warnings: BirdTalkError[] = [];
    const store = createSqliteStore({ path, onWarning: (w) => warnings.push(w) });
    await store.putOutbox(entry('5'));
    const raw = new Database(path);
    raw.prepare("INSERT INTO outbox (send_id, entry) VALUES ('6', '{not json')").run();
    raw.close();
    expect((await store.loadOutbox()).map((e) => e.sendId)).toEqual(['5']);
    expect(warnings.map((w) => [w.code, w.details.sendId])).toEqual([['STORE_CORRUPT', '6']]);
    await store.close();
  });

  it('refuses files that are not its databases, with typed errors', async () => {
    const junk = join(dir, 'junk.sqlite');
    await writeFile(junk, 'this is not a database, just some text long enough to have a header');
    expect(() => createSqliteStore({ path: junk })).toThrow(
      expect.objectContaining({ code: 'STORE_OPEN_FAILED' }),
    );
    const newer = join(dir, 'newer.sqlite');
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => createSqliteStore({ path: newer })).toThrow(
      expect.objectContaining({ name: 'StateError', code: 'STORE_NEWER_SCHEMA' }),
    );
  });

  it('shares one file between two stores: reservations never overlap', async () => {
    const path = join(dir, 'state.sqlite');
    const a = createSqliteStore({ path });
    const b = createSqliteStore({ path });
    const ranges = await Promise.all([
      a.reserveSendIds(10, '100'),
      b.reserveSendIds(10, '100'),
      a.reserveSendIds(10, '100'),
    ]);
    expect(new Set(ranges).size).toBe(3);
    expect(ranges.map(BigInt).sort((x, y) => (x < y ? -1 : 1))).toEqual([100n, 110n, 120n]);
    await b.set('deviceId', 'shared');
    expect(await a.get('deviceId')).toBe('shared');
    await a.close();
    await b.close();
  });

  it('commits the changes of one turn in one transaction, before anything queued after them runs', async () => {
    const path = join(dir, 'state.sqlite');
    const store = createSqliteStore({ path });
    await store.flush();
    const raw = new Database(path);
    let seenByThen: unknown;
    const changes: Array<Promise<void>> = [];
    for (let i = 1; i <= 100; i += 1) {
      changes.push(store.savePosition('p2p', String(i)), store.addSeen([`m:${i}`], 1000));
    }
    // A microtask queued after the changes (the next handler, in a client) already finds them committed.
    queueMicrotask(() => {
      seenByThen = raw.prepare('SELECT value AS position FROM delivery WHERE key = ?').get('p:p2p');
    });
    await Promise.all(changes);
    expect(seenByThen).toEqual({ position: '100' });
    // One commit: a handful of WAL frames, not one or more per change.
    const [checkpoint] = raw.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    expect(checkpoint!.log).toBeLessThan(20);
    raw.close();
    await store.close();
  });

  it('lets a handling mark wait for the next commit, or for the end of the turn', async () => {
    const path = join(dir, 'state.sqlite');
    const store = createSqliteStore({ path });
    await store.flush();
    const raw = new Database(path);
    const marks = raw.prepare("SELECT substr(key, 3) AS key FROM delivery WHERE key LIKE 'h:%'");
    const marked = store.markHandling(['m:2']);
    await Promise.resolve();
    await Promise.resolve();
    expect(marks.all()).toEqual([]);
    // The next change (here the position of the message before) commits it, in the same transaction.
    const saved = store.savePosition('p2p', '1');
    let byThen: unknown;
    queueMicrotask(() => {
      byThen = marks.all();
    });
    await Promise.all([marked, saved]);
    expect(byThen).toEqual([{ key: 'm:2' }]);
    // Alone, a mark is committed at the end of the turn.
    await store.markHandling(['m:3']);
    expect(marks.all()).toEqual([{ key: 'm:2' }, { key: 'm:3' }]);
    raw.close();
    await store.close();
  });

  it('trims the window to the limit across reopening, each key once at its newest place', async () => {
    const path = join(dir, 'state.sqlite');
    const store = createSqliteStore({ path });
    await store.addSeen(['a', 'b', 'c', 'd', 'e'], 4);
    await store.close();
    const again = createSqliteStore({ path });
    await again.addSeen(['c', 'f'], 4);
    expect(await again.loadSeen()).toEqual(['d', 'e', 'c', 'f']);
    await again.addSeen(['g'], 2);
    expect(await again.loadSeen()).toEqual(['f', 'g']);
    await again.close();
  });

  it('lets the window grow a sixteenth beyond its limit, then trims it to the limit in one delete', async () => {
    const path = join(dir, 'state.sqlite');
    const store = createSqliteStore({ path });
    const keys = Array.from({ length: 171 }, (_, i) => `m:${i}`);
    // A limit of 160 keys allows 10 more rows before a trim.
    for (const key of keys.slice(0, 170)) await store.addSeen([key], 160);
    expect(await store.loadSeen()).toEqual(keys.slice(0, 170));
    await store.addSeen([keys[170]!], 160);
    expect(await store.loadSeen()).toEqual(keys.slice(11));
    await store.close();
  });

  it('upgrades a version 1 file, keeping its window in order, marks, positions and values', async () => {
    const path = oldFile(
      1,
      `
      CREATE TABLE positions (stream TEXT PRIMARY KEY, position TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE seen (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE);
      CREATE TABLE handling (key TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE outbox (send_id TEXT PRIMARY KEY, entry TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE counters (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO positions VALUES ('p2p', '7300000000000000123');
      INSERT INTO seen (key) VALUES ('m:1'), ('m:2'), ('m:3');
      DELETE FROM seen WHERE key = 'm:1';
      INSERT INTO seen (key) VALUES ('m:1');
      INSERT INTO handling VALUES ('m:4');
      INSERT INTO counters VALUES ('sendIdMark', '1750000000000000099');
      INSERT INTO kv VALUES ('deviceId', 'abc');
    `,
    );

    const store = createSqliteStore({ path });
    expect(await store.loadSeen()).toEqual(['m:2', 'm:3', 'm:1']);
    expect(await store.loadHandling()).toEqual(['m:4']);
    expect((await store.loadPositions()).get('p2p')).toBe('7300000000000000123');
    expect(await store.get('deviceId')).toBe('abc');
    expect(await store.reserveSendIds(1, '0')).toBe('1750000000000000100');
    // New keys go after the old ones, and a trim still cuts the oldest.
    await store.addSeen(['m:4', 'c:x@1'], 4);
    expect(await store.loadSeen()).toEqual(['m:3', 'm:1', 'm:4', 'c:x@1']);
    expect(await store.loadHandling()).toEqual([]);
    await store.close();

    const peek = new Database(path, { readonly: true });
    expect(peek.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // The window has no index beside its primary key any more.
    expect(peek.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all()).toEqual([]);
    peek.close();
  });

  it('upgrades a version 2 file, moving positions and marks into one table', async () => {
    const path = oldFile(
      2,
      `
      CREATE TABLE positions (stream TEXT PRIMARY KEY, position TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE seen (seq INTEGER PRIMARY KEY, key TEXT NOT NULL);
      CREATE TABLE handling (key TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE outbox (send_id TEXT PRIMARY KEY, entry TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE counters (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO positions VALUES ('p2p', '7300000000000000123'), ('group:42', '7300000000000000456');
      INSERT INTO seen (key) VALUES ('m:1'), ('m:2'), ('m:1');
      INSERT INTO handling VALUES ('m:3'), ('m:4');
      INSERT INTO kv VALUES ('deviceId', 'abc');
    `,
    );

    const store = createSqliteStore({ path });
    expect(Object.fromEntries(await store.loadPositions())).toEqual({
      p2p: '7300000000000000123',
      'group:42': '7300000000000000456',
    });
    expect([...(await store.loadHandling())].sort()).toEqual(['m:3', 'm:4']);
    expect(await store.loadSeen()).toEqual(['m:2', 'm:1']);
    expect(await store.get('deviceId')).toBe('abc');
    await store.addSeen(['m:3'], 10);
    await store.savePosition('p2p', '7300000000000000124');
    expect(await store.loadHandling()).toEqual(['m:4']);
    expect((await store.loadPositions()).get('p2p')).toBe('7300000000000000124');
    await store.close();

    const peek = new Database(path, { readonly: true });
    expect(peek.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = peek.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    expect(tables).toEqual(['counters', 'delivery', 'kv', 'outbox', 'seen'].map((name) => ({ name })));
    peek.close();
  });

  it("writes two pages for a handled message's commit: its window rows, and its position beside the next mark", async () => {
    const path = join(dir, 'state.sqlite');
    const store = createSqliteStore({ path });
    const peek = new Database(path, { readonly: true });
    const pageSize = peek.pragma('page_size', { simple: true }) as number;
    peek.close();
    // A WAL file is a 32-byte header, then frames of a 24-byte header and a page each.
    const frames = async (): Promise<number> => ((await stat(`${path}-wal`)).size - 32) / (pageSize + 24);
    // One message after another, as a client hands them over: its keys seen, its position, the next one's mark.
    const handle = (i: number): Promise<unknown> =>
      Promise.all([
        store.markHandling([`m:${i + 1}`]),
        store.addSeen([`m:${i}`, `c:10001:1:10002:${i}:00ff00ff00ff00ff@${i}`], 10_000),
        store.savePosition('p2p', String(i)),
      ]);
    for (let i = 0; i < 5; i += 1) await handle(i);
    const before = await frames();
    await handle(5);
    expect((await frames()) - before).toBe(2);
    await store.close();
  });

  it('upgrades a version 1 file that predates the handling marks', async () => {
    const path = oldFile(
      1,
      `
      CREATE TABLE positions (stream TEXT PRIMARY KEY, position TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE seen (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE);
      CREATE TABLE outbox (send_id TEXT PRIMARY KEY, entry TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE counters (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO seen (key) VALUES ('m:1');
    `,
    );
    const store = createSqliteStore({ path });
    await store.markHandling(['m:2']);
    expect(await store.loadHandling()).toEqual(['m:2']);
    expect(await store.loadSeen()).toEqual(['m:1']);
    await store.close();
  });

  it('checkpoints the WAL after the number of pages it is given', async () => {
    const walPages = async (pages?: number): Promise<number> => {
      const path = join(dir, `wal-${pages ?? 'default'}.sqlite`);
      const store = createSqliteStore({
        path,
        ...(pages === undefined ? {} : { walAutocheckpointPages: pages }),
      });
      for (let i = 0; i < 1200; i += 1) await store.savePosition('p2p', String(i));
      const size = (await stat(`${path}-wal`)).size;
      await store.close();
      return size / PAGE_SIZE;
    };
    // Each commit adds a frame of one page and its header; a checkpoint lets the WAL start over, so the file
    // stays at the size it reached. SQLite's own default (1000 pages) would stop below 1001 frames.
    expect(await walPages(10)).toBeLessThan(20);
    expect(await walPages()).toBeGreaterThan(1100);
    expect(() => createSqliteStore({ path: join(dir, 'x.sqlite'), walAutocheckpointPages: 0 })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
  });

  it('refuses a bad reservation count as a typed error', async () => {
    const store = createSqliteStore({ path: join(dir, 'state.sqlite') });
    await expect(store.reserveSendIds(0, '1')).rejects.toMatchObject({ name: 'InvalidArgumentError' });
    await expect(store.reserveSendIds(1, 'x')).rejects.toMatchObject({ name: 'InvalidArgumentError' });
    await store.close();
  });
});
