import { createHash } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type BirdTalkError, DecodeError, StateError } from '@birdtalk/errors';
import { type Clock, systemClock } from '@birdtalk/runtime';
import { writeFileAtomic, writeFileIfAbsent } from '@birdtalk/runtime/node';
import { ClientErrorCode } from '../client-errors.js';
import {
  applySeen,
  encodeRecord,
  type FileState,
  type StateRecord,
  serializeSnapshot,
} from './file-state.js';
import { errorCode, journalName, loadDirectory, prepareDirectory, readIfPresent } from './file-store-load.js';
import { createJournalFile, type JournalFile } from './journal-file.js';
import { reservationStart } from './memory-store.js';
import { serializeOutboxEntry } from './outbox-codec.js';
import type { Store } from './store.js';

export { STATE_FILE_FORMAT, STATE_FILE_VERSION } from './file-state.js';

/** Options of {@link createFileStore}. */
export interface FileStoreOptions {
  /** The directory of the state files; created with mode 0700 when missing. */
  readonly directory: string;
  /**
   * Told about every problem that did not stop the store: a damaged state file (the store then starts fresh
   * and keeps the damaged file beside it), damaged journal records (skipped), a failed write, a file or
   * directory whose mode had to be tightened. Warnings never hold message content.
   */
  readonly onWarning?: (warning: BirdTalkError) => void;
  /**
   * Names the copy of a damaged file, and paces a compare-and-set waiting for a value's lock; the system clock
   * by default (and for the waiting, when only `now` is given).
   */
  readonly clock?: Pick<Clock, 'now'> & Partial<Pick<Clock, 'setTimeout'>>;
  /**
   * The journal is compacted into a new snapshot once it holds this many bytes, or as many as the last
   * snapshot if that is larger (so compaction costs a bounded multiple of what is appended).
   * @defaultValue 4 MiB
   */
  readonly compactAfterBytes?: number;
}

/** The defaults of {@link FileStoreOptions}. */
export const DEFAULT_FILE_STORE_OPTIONS: { readonly compactAfterBytes: number } = {
  compactAfterBytes: 4 * 2 ** 20,
};

/** The name of the state file (the snapshot) in the directory. */
export const STATE_FILE_NAME = 'state.json';

/**
 * A {@link Store} in a directory, for Node bots that must resume where they stopped.
 *
 * - Delivery state (positions, the dedup window, handling marks, the outbox, the send-id mark) is a snapshot,
 *   `state.json`, plus an append-only journal of the changes since, `journal-<n>.log`. Each change is one
 *   record framed with its length and a CRC-32; the records of one run of microtasks go to the OS in one
 *   `write(2)` before anything queued after them runs (see `journal-file.ts`; a handling mark waits for the
 *   next write, or the end of the turn), and `fdatasync` runs in the background, one after another.
 * - What a crash can lose: a crash of the process, only the changes asked for in the very run of microtasks it
 *   interrupted — as with SQLite, whose commits work the same way. A crash of the OS or a power loss, the
 *   changes written since the last completed background `fdatasync`; never what `flush()`,
 *   `reserveSendIds()` or `setIfAbsent()` resolved for. A torn last record is ignored on load.
 * - Compaction: once the journal outgrows {@link FileStoreOptions.compactAfterBytes}, new records go to a new
 *   journal while a snapshot of the state at that moment replaces `state.json` atomically (temp file,
 *   `fsync`, rename, directory `fsync`); only then are the older journals removed. A crash at any point
 *   leaves a snapshot and the journals that follow it. Every start compacts once.
 * - Damage in the middle of a journal (a disk error, not a crash) is skipped up to the next valid record: that
 *   change is lost, the later ones are applied, a `STORE_CORRUPT` warning says where, and the damaged journal
 *   is kept as `journal-<n>.log.corrupt-<time>`. A damaged `state.json` is kept as `state.json.corrupt-<time>`
 *   and the journals are applied to an empty state. Neither crashes the client.
 * - `state.json` files of version 1 (the whole state, no journal) are read and replaced at the first start.
 * - Small values (the device id) live in files of their own, created with a hard link so that of two
 *   processes racing to create one, exactly one wins and both read its value. A compare-and-set holds the
 *   value's lock file (`<value>.lock`) while it reads and replaces it.
 * - The directory is 0700 and files are 0600; looser modes are tightened and reported.
 *
 * Only one client may use a directory's delivery state at a time.
 */
export function createFileStore(options: FileStoreOptions): Store {
  const directory = resolve(options.directory);
  const statePath = join(directory, STATE_FILE_NAME);
  const clock = options.clock ?? systemClock;
  const lockClock = {
    now: () => clock.now(),
    setTimeout: options.clock?.setTimeout?.bind(options.clock) ?? systemClock.setTimeout,
  };
  const compactAfterBytes = options.compactAfterBytes ?? DEFAULT_FILE_STORE_OPTIONS.compactAfterBytes;
  let closed = false;
  let state: FileState | undefined;
  let journal: JournalFile | undefined;
  let generation = 0;
  let snapshotBytes = 0;
  /** Journal generations a durable snapshot will make obsolete. */
  const obsolete = new Set<number>();
  let damaged: ReadonlySet<number> = new Set();
  let compacting: Promise<void> | undefined;
  let compactAt = 0;
  // Mutations waiting for the load, in call order: later calls wait behind them.
  let waiting = 0;
  // Mutations under way: a flush covers every mutation called before it, even one still waiting for the load.
  const operations = new Set<Promise<unknown>>();
  const track = <T>(operation: Promise<T>): Promise<T> => {
    operations.add(operation);
    const done = (): void => {
      operations.delete(operation);
    };
    operation.then(done, done);
    return operation;
  };

  const warn = (warning: BirdTalkError): void => {
    try {
      options.onWarning?.(warning);
    } catch {
      // A failing warning handler must not turn a tolerated problem into a crash.
    }
  };

  /** Starts a new journal generation after the current one; the caller writes the snapshot that names it. */
  const startJournal = (): number => {
    let next = generation + 1;
    for (;;) {
      const path = join(directory, journalName(next));
      try {
        if (journal === undefined) journal = createJournalFile(path, warn);
        else journal.rotate(path);
        break;
      } catch (cause) {
        // A generation left behind by another store on the directory: take the next one.
        if (cause instanceof StateError) throw cause;
        if (errorCode(cause) !== 'EEXIST') throw writeFailed(cause, path);
        next += 1;
      }
    }
    if (generation > 0) obsolete.add(generation);
    generation = next;
    return next;
  };

  /** Writes a snapshot naming `next` as its first journal, then removes the journals it made obsolete. */
  const writeSnapshot = async (current: FileState, next: number): Promise<void> => {
    const text = serializeSnapshot(current, next);
    await writeAtomically(statePath, text);
    snapshotBytes = text.length;
    for (const old of [...obsolete]) {
      if (old >= next) continue;
      const path = join(directory, journalName(old));
      // A journal that had damage is kept for diagnosis; the snapshot holds everything it contributed.
      const done = damaged.has(old)
        ? rename(path, `${path}.corrupt-${Math.floor(clock.now())}`)
        : unlink(path).catch((cause: unknown) => {
            if (errorCode(cause) !== 'ENOENT') throw cause;
          });
      // Windows refuses to remove a file still open; the next start removes it.
      const removed = await done.then(
        () => true,
        () => false,
      );
      if (removed) obsolete.delete(old);
    }
  };

  const load = async (): Promise<FileState> => {
    await prepareDirectory(directory, warn);
    let loaded: Awaited<ReturnType<typeof loadDirectory>>;
    try {
      loaded = await loadDirectory(directory, statePath, clock, warn);
    } catch (cause) {
      throw new StateError(ClientErrorCode.STORE_WRITE_FAILED, 'the state directory could not be read', {
        cause,
        details: { path: directory },
      });
    }
    for (const old of loaded.journals) obsolete.add(old);
    damaged = loaded.damaged;
    generation = loaded.lastGeneration;
    snapshotBytes = loaded.bytes;
    const next = startJournal();
    // Every start compacts: the old journals (one may end in a torn record) and an old-format snapshot go.
    // When that fails the journals stay, and the next start applies them again.
    await writeSnapshot(loaded.state, next).catch(warn);
    state = loaded.state;
    return loaded.state;
  };
  const loaded = load();
  // Nothing awaits this until the first call; failures are reported there.
  loaded.catch(() => {});

  const current = async (): Promise<FileState> => {
    if (closed) throw closedError();
    return loaded;
  };

  /** Compacts when the journal has grown enough; at most one compaction at a time. */
  const maybeCompact = (now: FileState): void => {
    const bytes = journal!.bytes;
    if (compacting !== undefined || bytes < Math.max(compactAfterBytes, snapshotBytes, compactAt)) return;
    let next: number;
    try {
      next = startJournal();
    } catch (cause) {
      // Keep appending to the journal there is; try again after as much again.
      compactAt = bytes + compactAfterBytes;
      warn(cause instanceof StateError ? cause : writeFailed(cause, directory));
      return;
    }
    compactAt = 0;
    // The snapshot is the state now, in this turn: every later change is in the new journal.
    compacting = writeSnapshot(now, next)
      .catch((cause: unknown) => {
        warn(cause instanceof StateError ? cause : writeFailed(cause, statePath));
      })
      .finally(() => {
        compacting = undefined;
      });
    // The snapshot is serialized synchronously above, so `now` may change from here on.
  };

  /**
   * Applies a change to the state and appends its record. The promise settles once the record reached the OS
   * (rejecting when it could not be written). Synchronous once loaded, so that changes keep their call order.
   */
  const mutate = (change: (now: FileState) => StateRecord | undefined, deferrable = false): Promise<void> => {
    if (closed) return Promise.reject(closedError());
    if (state !== undefined && waiting === 0) return apply(state, change, deferrable);
    waiting += 1;
    return track(
      loaded.then(
        (now) => {
          // Continuations run in registration order, so these keep the order of the calls.
          waiting -= 1;
          if (closed) throw closedError();
          return apply(now, change, deferrable);
        },
        (error: unknown) => {
          waiting -= 1;
          throw error;
        },
      ),
    );
  };
  const apply = (
    now: FileState,
    change: (now: FileState) => StateRecord | undefined,
    deferrable: boolean,
  ): Promise<void> => {
    maybeCompact(now);
    const record = change(now);
    return record === undefined ? Promise.resolve() : journal!.append(encodeRecord(record), deferrable);
  };
  /** A change whose write failure is reported as a warning and by the next `flush()`, as documented. */
  const mutateLater = (change: (now: FileState) => StateRecord | undefined): Promise<void> =>
    mutate(change).catch((error: unknown) => {
      if (isStateCode(error, ClientErrorCode.STORE_WRITE_FAILED)) return;
      throw error;
    });

  const flushNow = async (): Promise<void> => {
    await Promise.allSettled([...operations]);
    await loaded;
    await journal!.sync();
  };

  const valuePath = (key: string): string =>
    join(directory, `value-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)}.json`);

  const readValue = async (key: string): Promise<string | undefined> => {
    let text: string | undefined;
    try {
      text = (await readIfPresent(valuePath(key), warn))?.toString('utf8');
    } catch (cause) {
      warn(
        new DecodeError(ClientErrorCode.STORE_CORRUPT, 'a stored value could not be read and was ignored', {
          cause,
          details: { path: valuePath(key) },
        }),
      );
      return undefined;
    }
    if (text === undefined) return undefined;
    try {
      const parsed = JSON.parse(text) as { key?: unknown; value?: unknown };
      if (parsed.key === key && typeof parsed.value === 'string') return parsed.value;
    } catch {
      // Reported below.
    }
    warn(
      new DecodeError(ClientErrorCode.STORE_CORRUPT, 'a stored value is damaged and was ignored', {
        details: { path: valuePath(key) },
      }),
    );
    return undefined;
  };

  return {
    async loadPositions() {
      return new Map((await current()).positions);
    },
    savePosition(stream, position) {
      return mutateLater((now) => {
        now.positions.set(stream, position);
        return ['position', stream, position];
      });
    },
    async loadSeen() {
      return [...(await current()).seen];
    },
    addSeen(keys, limit) {
      return mutateLater((now) => {
        const bounded = Math.max(0, Math.floor(limit));
        applySeen(now, keys, bounded);
        return ['seen', [...keys], bounded];
      });
    },
    async loadHandling() {
      return [...(await current()).handling];
    },
    // Durable against a crash of the process once written; the background sync covers an OS crash shortly after.
    // Deferrable: the client waits for the promise before handing the message over, and asks for the next
    // message's mark while the current one is handled, so it joins the write of that message's records.
    markHandling(keys) {
      return mutate((now) => {
        for (const key of keys) now.handling.add(key);
        return ['handling', [...keys]];
      }, true);
    },
    async loadOutbox() {
      return [...(await current()).outbox.values()];
    },
    putOutbox(entry) {
      return mutateLater((now) => {
        now.outbox.set(entry.sendId, entry);
        return ['put', serializeOutboxEntry(entry)];
      });
    },
    removeOutbox(sendId) {
      return mutateLater((now) => (now.outbox.delete(sendId) ? ['remove', sendId] : undefined));
    },
    async reserveSendIds(count, floor) {
      let first = 0n;
      await mutate((now) => {
        first = reservationStart(now.mark, floor);
        now.mark = first + BigInt(Math.max(1, count)) - 1n;
        return ['mark', now.mark.toString()];
      });
      // Ids must never repeat, even after an OS crash: wait for the disk.
      await journal!.sync();
      return first.toString();
    },
    async get(key) {
      await current();
      return readValue(key);
    },
    set(key, value) {
      return track(
        (async () => {
          await current();
          await writeAtomically(valuePath(key), valueText(key, value));
        })(),
      );
    },
    async setIfAbsent(key, value) {
      await current();
      const path = valuePath(key);
      const existing = await readValue(key);
      if (existing !== undefined) return existing;
      try {
        // Of racing writers (two clients sharing the directory), exactly one creates the file.
        if (await writeFileIfAbsent(path, valueText(key, value))) return value;
      } catch (cause) {
        throw writeFailed(cause, path);
      }
      return (await readValue(key)) ?? value;
    },
    async compareAndSet(key, expected, value) {
      await current();
      const path = valuePath(key);
      const lock = `${path}.lock`;
      // Processes sharing the directory take turns through a lock file.
      if (!(await takeLock(lock, lockClock))) return false;
      try {
        if ((await readValue(key)) !== expected) return false;
        await writeAtomically(path, valueText(key, value));
        return true;
      } finally {
        await unlink(lock).catch(() => {});
      }
    },
    async flush() {
      if (closed) throw closedError();
      await flushNow();
    },
    async close() {
      if (closed) return;
      try {
        await flushNow();
      } finally {
        closed = true;
        await compacting;
        await journal?.close();
      }
    },
  };
}

/**
 * A value's lock file older than this was left by a process that died holding it (holding it takes one read and
 * one write), and is taken over. Two processes taking over the same stale lock at the same instant could both
 * proceed: the one race left, and only after a crash.
 */
const STALE_LOCK_MS = 30_000;
/** How often a compare-and-set looks whether a value's lock was released, and how many times at most. */
const LOCK_POLL_MS = 2;
const LOCK_POLLS = 500;

/**
 * Creates the lock file `path`, waiting while another writer holds it; `false` when it is still held after
 * {@link LOCK_POLLS} looks.
 */
async function takeLock(path: string, clock: Pick<Clock, 'now' | 'setTimeout'>): Promise<boolean> {
  for (let poll = 0; poll < LOCK_POLLS; ) {
    try {
      await (await open(path, 'wx', 0o600)).close();
      return true;
    } catch (cause) {
      if (errorCode(cause) !== 'EEXIST') throw writeFailed(cause, path);
    }
    const held = await stat(path).catch(() => undefined);
    // Gone meanwhile: try again at once. Never remove a lock not seen stale: it may be a new holder's.
    if (held === undefined) continue;
    if (clock.now() - held.mtimeMs >= STALE_LOCK_MS) {
      await unlink(path).catch(() => {});
      continue;
    }
    poll += 1;
    await new Promise<void>((resolve) => clock.setTimeout(resolve, LOCK_POLL_MS));
  }
  return false;
}

function closedError(): StateError {
  return new StateError(ClientErrorCode.STORE_CLOSED, 'the store is closed');
}

function writeFailed(cause: unknown, path: string): StateError {
  return new StateError(ClientErrorCode.STORE_WRITE_FAILED, 'a state file could not be written', {
    cause,
    details: { path },
  });
}

function isStateCode(error: unknown, code: string): boolean {
  return error instanceof StateError && error.code === code;
}

function valueText(key: string, value: string): string {
  return `${JSON.stringify({ key, value })}\n`;
}

/** Replaces `path` atomically and privately (see writeFileAtomic), reporting failures as store errors. */
async function writeAtomically(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text, { mode: 0o600 });
  } catch (cause) {
    throw writeFailed(cause, path);
  }
}
