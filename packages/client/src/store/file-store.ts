import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, mkdir, open, rename, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type BirdTalkError, DecodeError, StateError } from '@birdtalk/errors';
import { type Int64, isInt64String } from '@birdtalk/proto';
import { type Clock, systemClock } from '@birdtalk/runtime';
import { writeFileAtomic, writeFileIfAbsent } from '@birdtalk/runtime/node';
import type { OutboxEntry } from '@birdtalk/session';
import { ClientErrorCode } from '../client-errors.js';
import { appendBounded, reservationStart } from './memory-store.js';
import { deserializeOutboxEntry, serializeOutboxEntry } from './outbox-codec.js';
import type { Store } from './store.js';

/** Options of {@link createFileStore}. */
export interface FileStoreOptions {
  /** The directory of the state files; created with mode 0700 when missing. */
  readonly directory: string;
  /**
   * Told about every problem that did not stop the store: a damaged state file (the store then starts fresh
   * and keeps the damaged file beside it), a failed background write, a file or directory whose mode had to
   * be tightened. Warnings never hold message content.
   */
  readonly onWarning?: (warning: BirdTalkError) => void;
  /** Names the copy of a damaged file; the system clock by default. */
  readonly clock?: Pick<Clock, 'now'>;
}

/** The `format` field of the state file. */
export const STATE_FILE_FORMAT = 'birdtalk-client-state';
/** The `version` field this code writes and reads. */
export const STATE_FILE_VERSION = 1;
/** The name of the state file in the directory. */
export const STATE_FILE_NAME = 'state.json';

interface State {
  positions: Map<string, Int64>;
  seen: Set<string>;
  handling: Set<string>;
  outbox: Map<Int64, OutboxEntry>;
  mark: bigint;
}

/** File modes mean nothing on Windows: `chmod` there only toggles read-only. */
const enforceModes = process.platform !== 'win32';

/**
 * A {@link Store} in a directory, for Node bots that must resume where they stopped.
 *
 * - Delivery state (positions, the dedup window, the outbox, the send-id mark) lives in one JSON file. Every
 *   write replaces it atomically: a temp file in the same directory, `fsync`, `rename`, then an `fsync` of
 *   the directory. A crash leaves the old state or the new one, never a mix.
 * - Writes are coalesced: mutations change memory and start a write; those arriving while a write is under way
 *   are carried by the next one. So a busy bot writes as often as the disk allows, never once per message.
 * - Small values (the device id) live in files of their own, created with a hard link so that of two
 *   processes racing to create one, exactly one wins and both read its value.
 * - The directory is 0700 and files are 0600; looser modes are tightened and reported.
 * - A state file that cannot be read or parsed never crashes the client: the store starts fresh, keeps the
 *   damaged file as `state.json.corrupt-<time>`, and reports a `STORE_CORRUPT` warning.
 *
 * Only one client may use a directory's delivery state at a time.
 */
export function createFileStore(options: FileStoreOptions): Store {
  const directory = resolve(options.directory);
  const statePath = join(directory, STATE_FILE_NAME);
  const clock = options.clock ?? systemClock;
  let closed = false;
  let dirty = false;
  let writing: Promise<void> | undefined;
  let writeError: unknown;
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

  const prepared = prepareDirectory(directory, warn);
  const loaded: Promise<State> = prepared.then(() => loadState(statePath, clock, warn));
  // Nothing awaits these until the first call; failures are reported there.
  loaded.catch(() => {});

  const state = async (): Promise<State> => {
    if (closed) throw closedError();
    return loaded;
  };

  const writeLoop = async (): Promise<void> => {
    // Let the mutations of the current turn join this write.
    await Promise.resolve();
    const current = await loaded;
    while (dirty) {
      dirty = false;
      try {
        await writeAtomically(statePath, serializeState(current));
        writeError = undefined;
      } catch (cause) {
        dirty = true;
        writeError = cause;
        warn(
          new StateError(ClientErrorCode.STORE_WRITE_FAILED, 'the state file could not be written', {
            cause,
            details: { path: statePath },
          }),
        );
        return;
      }
    }
  };

  const schedule = (): void => {
    dirty = true;
    if (writing !== undefined) return;
    writing = writeLoop().finally(() => {
      writing = undefined;
    });
  };

  const flushNow = async (): Promise<void> => {
    await Promise.allSettled([...operations]);
    await loaded;
    if (writing !== undefined) await writing;
    if (dirty) {
      schedule();
      await writing;
    }
    if (dirty) {
      throw new StateError(ClientErrorCode.STORE_WRITE_FAILED, 'the state file could not be written', {
        cause: writeError,
        details: { path: statePath },
      });
    }
  };

  const valuePath = (key: string): string =>
    join(directory, `value-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)}.json`);

  const readValue = async (key: string): Promise<string | undefined> => {
    let text: string | undefined;
    try {
      text = await readIfPresent(valuePath(key), warn);
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
      return new Map((await state()).positions);
    },
    savePosition(stream, position) {
      return track(
        (async () => {
          (await state()).positions.set(stream, position);
          schedule();
        })(),
      );
    },
    async loadSeen() {
      return [...(await state()).seen];
    },
    addSeen(keys, limit) {
      return track(
        (async () => {
          const current = await state();
          appendBounded(current.seen, keys, limit);
          for (const key of keys) current.handling.delete(key);
          schedule();
        })(),
      );
    },
    async loadHandling() {
      return [...(await state()).handling];
    },
    async markHandling(keys) {
      const current = await state();
      for (const key of keys) current.handling.add(key);
      schedule();
      await flushNow();
    },
    async loadOutbox() {
      return [...(await state()).outbox.values()];
    },
    putOutbox(entry) {
      return track(
        (async () => {
          (await state()).outbox.set(entry.sendId, entry);
          schedule();
        })(),
      );
    },
    removeOutbox(sendId) {
      return track(
        (async () => {
          if ((await state()).outbox.delete(sendId)) schedule();
        })(),
      );
    },
    async reserveSendIds(count, floor) {
      const current = await state();
      const first = reservationStart(current.mark, floor);
      current.mark = first + BigInt(Math.max(1, count)) - 1n;
      schedule();
      await flushNow();
      return first.toString();
    },
    async get(key) {
      await state();
      return readValue(key);
    },
    set(key, value) {
      return track(
        (async () => {
          await state();
          await writeAtomically(valuePath(key), valueText(key, value));
        })(),
      );
    },
    async setIfAbsent(key, value) {
      await state();
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
      }
    },
  };
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

function valueText(key: string, value: string): string {
  return `${JSON.stringify({ key, value })}\n`;
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

async function prepareDirectory(directory: string, warn: (warning: BirdTalkError) => void): Promise<void> {
  let mode: number;
  try {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    mode = (await stat(directory)).mode;
  } catch (cause) {
    throw new StateError(ClientErrorCode.STORE_WRITE_FAILED, 'the state directory could not be created', {
      cause,
      details: { path: directory },
    });
  }
  if (!enforceModes) return;
  if ((mode & 0o077) === 0) return;
  const fixed = await chmod(directory, 0o700).then(
    () => true,
    () => false,
  );
  warn(
    new StateError(
      ClientErrorCode.STORE_LOOSE_PERMISSIONS,
      fixed
        ? 'the state directory was open to others; its mode was tightened'
        : 'the state directory is open to others and its mode could not be changed',
      { details: { path: directory, mode: (mode & 0o777).toString(8), fixed } },
    ),
  );
}

/** A file's text, or `undefined` when it does not exist; tightens a loose mode. */
async function readIfPresent(
  path: string,
  warn: (warning: BirdTalkError) => void,
): Promise<string | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // Non-blocking, so that a FIFO planted at the path cannot hang the load; regular files are unaffected.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (cause) {
    if (errorCode(cause) === 'ENOENT') return undefined;
    throw cause;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error('not a regular file');
    if (enforceModes && (info.mode & 0o077) !== 0) {
      const fixed = await handle.chmod(0o600).then(
        () => true,
        () => false,
      );
      warn(
        new StateError(
          ClientErrorCode.STORE_LOOSE_PERMISSIONS,
          fixed
            ? 'a state file was open to others; its mode was tightened'
            : 'a state file is open to others and its mode could not be changed',
          { details: { path, mode: (info.mode & 0o777).toString(8), fixed } },
        ),
      );
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function emptyState(): State {
  return { positions: new Map(), seen: new Set(), handling: new Set(), outbox: new Map(), mark: 0n };
}

async function loadState(
  path: string,
  clock: Pick<Clock, 'now'>,
  warn: (warning: BirdTalkError) => void,
): Promise<State> {
  let text: string | undefined;
  let problem: string | undefined;
  try {
    text = await readIfPresent(path, warn);
  } catch (cause) {
    problem = `it could not be read (${errorCode(cause) ?? 'error'})`;
  }
  if (text === undefined && problem === undefined) return emptyState();
  if (text !== undefined) {
    const parsed = parseState(text);
    if (typeof parsed !== 'string') {
      if (parsed.skipped > 0) {
        warn(
          new DecodeError(ClientErrorCode.STORE_CORRUPT, 'damaged outbox entries were dropped', {
            details: { path, skipped: parsed.skipped },
          }),
        );
      }
      return parsed.state;
    }
    problem = parsed;
  }
  // Keep the damaged file for diagnosis, out of the way of the next write.
  const kept = `${path}.corrupt-${Math.floor(clock.now())}`;
  const moved = await rename(path, kept).then(
    () => true,
    () => false,
  );
  warn(
    new DecodeError(ClientErrorCode.STORE_CORRUPT, `the state file was ignored: ${problem}; starting fresh`, {
      details: { path, ...(moved ? { keptAs: kept } : {}) },
    }),
  );
  return emptyState();
}

/** The state held by the file's text, or why there is none. */
function parseState(text: string): { state: State; skipped: number } | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'it is not JSON (truncated or damaged)';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a JSON object';
  const file = value as Record<string, unknown>;
  if (file.format !== STATE_FILE_FORMAT) return 'it is not a BirdTalk client state file';
  if (file.version !== STATE_FILE_VERSION) {
    return `format version ${String(file.version).slice(0, 16)} is not supported`;
  }
  const state = emptyState();
  const positions = file.positions;
  if (typeof positions !== 'object' || positions === null || Array.isArray(positions)) return 'positions';
  for (const [stream, position] of Object.entries(positions)) {
    if (typeof position !== 'string' || !isInt64String(position)) return `the position of ${stream}`;
    state.positions.set(stream, position);
  }
  if (!Array.isArray(file.seen) || file.seen.some((key) => typeof key !== 'string')) return 'seen';
  for (const key of file.seen as string[]) state.seen.add(key);
  // Absent in files written before handling marks existed.
  if (file.handling !== undefined) {
    if (!Array.isArray(file.handling) || file.handling.some((key) => typeof key !== 'string'))
      return 'handling';
    for (const key of file.handling as string[]) state.handling.add(key);
  }
  if (typeof file.sendIdMark !== 'string' || !isInt64String(file.sendIdMark)) return 'sendIdMark';
  state.mark = BigInt(file.sendIdMark);
  if (!Array.isArray(file.outbox)) return 'outbox';
  let skipped = 0;
  for (const item of file.outbox) {
    try {
      const entry = deserializeOutboxEntry(item);
      state.outbox.set(entry.sendId, entry);
    } catch {
      skipped += 1;
    }
  }
  return { state, skipped };
}

function serializeState(state: State): string {
  return `${JSON.stringify({
    format: STATE_FILE_FORMAT,
    version: STATE_FILE_VERSION,
    positions: Object.fromEntries(state.positions),
    sendIdMark: state.mark.toString(),
    outbox: [...state.outbox.values()].map(serializeOutboxEntry),
    seen: [...state.seen],
    handling: [...state.handling],
  })}\n`;
}

/** Replaces `path` atomically and privately (see writeFileAtomic), reporting failures as store errors. */
async function writeAtomically(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text, { mode: 0o600 });
  } catch (cause) {
    throw writeFailed(cause, path);
  }
}
