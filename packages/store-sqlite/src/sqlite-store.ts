import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  ClientErrorCode,
  deserializeOutboxEntry,
  type SerializedOutboxEntry,
  type Store,
  serializeOutboxEntry,
} from '@birdtalk/client';
import { type BirdTalkError, DecodeError, InvalidArgumentError, StateError } from '@birdtalk/errors';
import { createGroupCommit } from '@birdtalk/runtime/node';
import Database from 'better-sqlite3';
import { migrations, SCHEMA_VERSION, schema } from './schema.js';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /**
   * The database file. Created (mode 0600, its directory 0700) when missing; a looser mode on an existing file
   * is tightened and reported. SQLite keeps `-wal` and `-shm` files beside it, with the same mode.
   */
  readonly path: string;
  /**
   * How long a statement waits for another connection's lock before failing (two processes on one file).
   * @defaultValue 5000
   */
  readonly busyTimeoutMs?: number;
  /**
   * How many pages the WAL may hold before a commit checkpoints it into the database file (`PRAGMA
   * wal_autocheckpoint`). A checkpoint syncs the disk twice inside the commit that triggers it, so SQLite's
   * default of 1000 pages (4 MiB) makes a busy bot wait for the disk every hundred messages or so; a larger WAL
   * waits less often, uses more disk, and leaves more commits to a crash of the OS before the next checkpoint.
   * @defaultValue 4000 (8 MiB with the 2 KiB pages of a new database)
   */
  readonly walAutocheckpointPages?: number;
  /**
   * Told about every problem that did not stop the store: a damaged outbox row (skipped), a file whose mode had
   * to be tightened. Warnings never hold message content.
   */
  readonly onWarning?: (warning: BirdTalkError) => void;
}

/** The defaults of {@link SqliteStoreOptions}. */
export const DEFAULT_SQLITE_STORE_OPTIONS: {
  readonly busyTimeoutMs: number;
  readonly walAutocheckpointPages: number;
} = { busyTimeoutMs: 5000, walAutocheckpointPages: 4000 };

/** The stable codes of the errors this package raises itself (the others are the client's `STORE_*` codes). */
export const SqliteStoreErrorCode = {
  /** `StateError`: the database could not be opened or prepared (not a database, no permission, …). */
  STORE_OPEN_FAILED: 'STORE_OPEN_FAILED',
  /** `StateError`: the database was written by a newer version of this package. */
  STORE_NEWER_SCHEMA: 'STORE_NEWER_SCHEMA',
} as const;

/** File modes mean nothing on Windows. */
const enforceModes = process.platform !== 'win32';

/**
 * The page size of a new database: every commit writes each page it changed to the WAL whole, and a handled
 * message changes two, so smaller pages cost less to commit (4 KiB, SQLite's default, cost a handled message
 * 31 µs of CPU, 2 KiB 28 µs). An existing database keeps the page size it was created with.
 */
export const PAGE_SIZE = 2048;

/** The key of the send-id mark in the `counters` table. */
const SEND_ID_MARK = 'sendIdMark';

/**
 * A {@link Store} in a SQLite database (better-sqlite3), for bots that must resume exactly where they stopped
 * and may share one file between several of their parts.
 *
 * - WAL journal: readers never block the writer, and a crash leaves every committed transaction intact.
 * - Group commit: the mutations asked for in one run of microtasks are one transaction, committed by a
 *   microtask before anything queued after them runs; each promise resolves once its commit did. Commits use
 *   `synchronous = NORMAL` (they survive a crash of the process, and an OS crash after the next checkpoint);
 *   {@link Store.reserveSendIds}, {@link Store.setIfAbsent} and {@link Store.compareAndSet} commit with `synchronous = FULL`, and
 *   {@link Store.flush} checkpoints the WAL, so that what they promise survives an OS crash too.
 * - The file is 0600 and its directory 0700.
 *
 * @throws StateError `STORE_OPEN_FAILED` when the file cannot be opened as a database;
 * `STORE_NEWER_SCHEMA` when a newer version of this package wrote it.
 */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const path = resolve(options.path);
  const warn = (warning: BirdTalkError): void => {
    try {
      options.onWarning?.(warning);
    } catch {
      // A failing warning handler must not turn a tolerated problem into a failure.
    }
  };
  const db = openDatabase(path, options.busyTimeoutMs ?? DEFAULT_SQLITE_STORE_OPTIONS.busyTimeoutMs, warn);
  const checkpointPages =
    options.walAutocheckpointPages ?? DEFAULT_SQLITE_STORE_OPTIONS.walAutocheckpointPages;
  if (!Number.isSafeInteger(checkpointPages) || checkpointPages < 1) {
    db.close();
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'walAutocheckpointPages must be a positive integer');
  }
  db.pragma(`wal_autocheckpoint = ${checkpointPages}`);

  const statements = {
    // `;` follows `:`, so each range holds exactly the keys of its prefix.
    positions: db.prepare<[], { stream: string; position: string }>(
      "SELECT substr(key, 3) AS stream, value AS position FROM delivery WHERE key >= 'p:' AND key < 'p;'",
    ),
    savePosition: db.prepare<[string, string]>(
      "INSERT INTO delivery (key, value) VALUES ('p:' || ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ),
    // Each key once, where its newest row puts it (a key added again has a row of its own).
    seen: db.prepare<[], { key: string }>('SELECT key FROM seen GROUP BY key ORDER BY MAX(seq)'),
    addSeen: db.prepare<[string]>('INSERT INTO seen (key) VALUES (?)'),
    countSeen: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM seen'),
    // Every row but the newest `limit`, as one range of the primary key: trimming costs what it deletes.
    trimSeen: db.prepare<[number]>('DELETE FROM seen WHERE seq <= (SELECT MAX(seq) FROM seen) - ?'),
    handling: db.prepare<[], { key: string }>(
      "SELECT substr(key, 3) AS key FROM delivery WHERE key >= 'h:' AND key < 'h;'",
    ),
    mark: db.prepare<[string]>(
      "INSERT INTO delivery (key, value) VALUES ('h:' || ?, '') ON CONFLICT DO NOTHING",
    ),
    unmark: db.prepare<[string]>("DELETE FROM delivery WHERE key = 'h:' || ?"),
    outbox: db.prepare<[], { send_id: string; entry: string }>('SELECT send_id, entry FROM outbox'),
    putOutbox: db.prepare<[string, string]>(
      'INSERT INTO outbox (send_id, entry) VALUES (?, ?) ON CONFLICT (send_id) DO UPDATE SET entry = excluded.entry',
    ),
    removeOutbox: db.prepare<[string]>('DELETE FROM outbox WHERE send_id = ?'),
    counter: db.prepare<[string], { value: string }>('SELECT value FROM counters WHERE name = ?'),
    setCounter: db.prepare<[string, string]>(
      'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    ),
    get: db.prepare<[string], { value: string }>('SELECT value FROM kv WHERE key = ?'),
    set: db.prepare<[string, string]>(
      'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    insertIfAbsent: db.prepare<[string, string]>(
      'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING',
    ),
  };

  // The rows of the window, kept here so that trimming knows when to run without counting the table; counted
  // again after a failed commit.
  let seenCount = statements.countSeen.get()?.n ?? 0;
  const addSeen = (keys: readonly string[], limit: number): void => {
    for (const key of keys) {
      statements.addSeen.run(key);
      statements.unmark.run(key);
    }
    seenCount += keys.length;
    if (seenCount > limit + trimSlack(limit)) seenCount -= statements.trimSeen.run(limit).changes;
  };
  const reserve = db.transaction((count: number, floor: bigint): bigint => {
    const mark = BigInt(statements.counter.get(SEND_ID_MARK)?.value ?? '0');
    const first = mark + 1n > floor ? mark + 1n : floor;
    statements.setCounter.run(SEND_ID_MARK, (first + BigInt(count) - 1n).toString());
    return first;
  });
  const setIfAbsent = db.transaction((key: string, value: string): string => {
    statements.insertIfAbsent.run(key, value);
    return statements.get.get(key)?.value ?? value;
  });
  // Group commit: the changes asked for while the microtasks already queued run are committed together, in
  // one transaction, by a microtask the first of them queues. So a change is committed before anything queued
  // after it runs (the next handler a finished message lets run, for instance), and before the next turn of the
  // event loop; a crash of the process can only lose changes asked for in the run of microtasks it interrupted.
  const commitBatch = db.transaction((changes: ReadonlyArray<() => void>) => {
    for (const change of changes) change();
  });
  let queued: Array<() => void> = [];

  const compareAndSet = db.transaction(
    (key: string, expected: string | undefined, value: string): boolean => {
      if (statements.get.get(key)?.value !== expected) return false;
      statements.set.run(key, value);
      return true;
    },
  );

  let closed = false;
  /** Runs one operation: refused after close, and its failures typed. */
  const run = async <T>(what: string, operation: () => T): Promise<T> => {
    if (closed) throw new StateError(ClientErrorCode.STORE_CLOSED, 'the store is closed');
    try {
      return operation();
    } catch (cause) {
      if (
        cause instanceof StateError ||
        cause instanceof DecodeError ||
        cause instanceof InvalidArgumentError
      ) {
        throw cause;
      }
      throw new StateError(ClientErrorCode.STORE_WRITE_FAILED, `the store could not ${what}`, {
        cause,
        details: { path },
      });
    }
  };
  const commit = createGroupCommit(() => {
    if (!closed) commitQueued();
  });
  /** Commits the queued changes now; every change of the batch fails with the commit. */
  const commitQueued = (): void => {
    const changes = queued;
    const current = commit.take();
    queued = [];
    if (current === undefined) return;
    try {
      commitBatch.immediate(changes);
    } catch (cause) {
      try {
        seenCount = statements.countSeen.get()?.n ?? 0;
      } catch {
        // The next commit counts on the old figure; at worst the window is trimmed a little early or late.
      }
      current.reject(
        new StateError(ClientErrorCode.STORE_WRITE_FAILED, 'the store could not commit its changes', {
          cause,
          details: { path, changes: changes.length },
        }),
      );
      return;
    }
    current.resolve();
  };
  /**
   * Queues a change for the next group commit; settles when that commit does. A `deferrable` change (a handling
   * mark: nothing needs it before its promise resolves) waits for the next batch, or for the end of the turn
   * when no other change comes.
   */
  const change = (apply: () => void, deferrable = false): Promise<void> => {
    if (closed) return Promise.reject(new StateError(ClientErrorCode.STORE_CLOSED, 'the store is closed'));
    queued.push(apply);
    return commit.join(deferrable);
  };
  /** Runs an operation after committing what is queued, so that it sees every earlier change. */
  const afterQueued = <T>(what: string, operation: () => T): Promise<T> =>
    run(what, () => {
      commitQueued();
      return operation();
    });
  /** Commits with a full sync: for the results the client relies on at once. */
  const durably = <T>(operation: () => T): T => {
    db.pragma('synchronous = FULL');
    try {
      return operation();
    } finally {
      db.pragma('synchronous = NORMAL');
    }
  };

  return {
    loadPositions: () =>
      afterQueued(
        'read positions',
        () => new Map(statements.positions.all().map((row) => [row.stream, row.position])),
      ),
    savePosition: (stream, position) =>
      change(() => {
        statements.savePosition.run(stream, position);
      }),
    loadSeen: () => afterQueued('read seen keys', () => statements.seen.all().map((row) => row.key)),
    addSeen: (keys, limit) => {
      const bounded = Math.max(0, Math.floor(limit));
      return change(() => addSeen(keys, bounded));
    },
    loadHandling: () =>
      afterQueued('read handling marks', () => statements.handling.all().map((row) => row.key)),
    // A commit in WAL mode with synchronous = NORMAL survives a crash of the process, which is what the marks
    // need; an OS crash may lose the newest marks, and then only the redelivery flag of those messages.
    // Deferrable: the client waits for the promise before handing the message over, and asks for the next
    // message's mark while the current one is handled, so it joins the commit of that message's changes.
    markHandling: (keys) =>
      change(() => {
        for (const key of keys) statements.mark.run(key);
      }, true),
    loadOutbox: () =>
      afterQueued('read the outbox', () =>
        statements.outbox.all().flatMap((row) => {
          try {
            return [deserializeOutboxEntry(JSON.parse(row.entry) as SerializedOutboxEntry)];
          } catch (cause) {
            warn(
              new DecodeError(ClientErrorCode.STORE_CORRUPT, 'a damaged outbox row was skipped', {
                cause,
                details: { sendId: row.send_id },
              }),
            );
            return [];
          }
        }),
      ),
    putOutbox: (entry) => {
      const text = JSON.stringify(serializeOutboxEntry(entry));
      return change(() => {
        statements.putOutbox.run(entry.sendId, text);
      });
    },
    removeOutbox: (sendId) =>
      change(() => {
        statements.removeOutbox.run(sendId);
      }),
    reserveSendIds: (count, floor) =>
      afterQueued('reserve send ids', () => {
        if (
          !Number.isSafeInteger(count) ||
          count < 1 ||
          typeof floor !== 'string' ||
          !/^[0-9]{1,19}$/.test(floor)
        ) {
          throw new InvalidArgumentError(
            'INVALID_ARGUMENT',
            'count must be a positive integer and floor an id',
          );
        }
        return durably(() => reserve.immediate(count, BigInt(floor))).toString();
      }),
    get: (key) => afterQueued('read a value', () => statements.get.get(key)?.value),
    set: (key, value) =>
      change(() => {
        statements.set.run(key, value);
      }),
    setIfAbsent: (key, value) =>
      afterQueued('save a value', () => durably(() => setIfAbsent.immediate(key, value))),
    // IMMEDIATE takes the database's write lock before reading, so processes sharing the file take turns.
    compareAndSet: (key, expected, value) =>
      afterQueued('save a value', () => durably(() => compareAndSet.immediate(key, expected, value))),
    flush: () =>
      afterQueued('flush', () => {
        // Commits are already in the WAL; a checkpoint syncs it and moves it into the database file.
        db.pragma('wal_checkpoint(FULL)');
      }),
    async close() {
      if (closed) return;
      commitQueued();
      closed = true;
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Another connection may be using the WAL; the commits are safe in it, and it is checkpointed later.
      }
      try {
        db.close();
      } catch (cause) {
        throw new StateError(ClientErrorCode.STORE_WRITE_FAILED, 'the store could not be closed', {
          cause,
          details: { path },
        });
      }
    },
  };
}

/**
 * How many rows beyond its limit the window may hold before it is trimmed: a sixteenth of the limit. One
 * delete of a range every so many messages costs less than a delete in every commit, and the client reads no
 * more of the window than its limit.
 */
export function trimSlack(limit: number): number {
  return Math.floor(limit / 16);
}

/** Opens (or creates) the database with owner-only modes, WAL, and the current schema. */
function openDatabase(path: string, busyTimeoutMs: number, warn: (warning: BirdTalkError) => void) {
  let db: Database.Database | undefined;
  try {
    prepareFile(path, warn);
    db = new Database(path, { timeout: busyTimeoutMs });
    // Only a database without tables takes a page size; one that has them keeps its own.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const opened = db;
    const version = (): number => {
      const found = opened.pragma('user_version', { simple: true }) as number;
      if (found > SCHEMA_VERSION) {
        throw new StateError(
          SqliteStoreErrorCode.STORE_NEWER_SCHEMA,
          `the database has schema version ${found}; this version of the store knows ${SCHEMA_VERSION}`,
          { details: { path, version: found } },
        );
      }
      return found;
    };
    if (version() < SCHEMA_VERSION) {
      opened
        .transaction(() => {
          // Read again under the write lock: another store on the file may have upgraded it meanwhile.
          const found = version();
          if (found === SCHEMA_VERSION) return;
          if (found === 0) opened.exec(schema);
          for (let from = found; from > 0 && from < SCHEMA_VERSION; from += 1) opened.exec(migrations[from]!);
          opened.pragma(`user_version = ${SCHEMA_VERSION}`);
        })
        .immediate();
    }
    return db;
  } catch (cause) {
    db?.close();
    if (cause instanceof StateError) throw cause;
    throw new StateError(SqliteStoreErrorCode.STORE_OPEN_FAILED, 'the SQLite store could not be opened', {
      cause,
      details: { path },
    });
  }
}

/** Creates the directory (0700) and the file (0600) when missing; tightens a looser mode of the file. */
function prepareFile(path: string, warn: (warning: BirdTalkError) => void): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // `a` creates the file with the mode given, and never truncates an existing one.
  closeSync(openSync(path, 'a', 0o600));
  if (!enforceModes) return;
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    chmodSync(path, 0o600);
    warn(
      new StateError(
        ClientErrorCode.STORE_LOOSE_PERMISSIONS,
        'the store file was readable by others; now 0600',
        {
          details: { path, mode: mode.toString(8) },
        },
      ),
    );
  }
}
