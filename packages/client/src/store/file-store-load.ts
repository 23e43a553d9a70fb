import { constants } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type BirdTalkError, DecodeError, StateError } from '@birdtalk/errors';
import type { Clock } from '@birdtalk/runtime';
import { ClientErrorCode } from '../client-errors.js';
import { applyRecord, emptyState, type FileState, parseSnapshot } from './file-state.js';
import { decodeJournal } from './journal-frame.js';

/** File modes mean nothing on Windows: `chmod` there only toggles read-only. */
export const enforceModes = process.platform !== 'win32';

/** The name of journal generation `generation` in the directory. */
export function journalName(generation: number): string {
  return `journal-${generation}.log`;
}

const journalPattern = /^journal-(0|[1-9][0-9]{0,14})\.log$/;

/** What a directory's snapshot and journals hold. */
export interface LoadedState {
  readonly state: FileState;
  /** Every journal generation present, applied or not: the snapshot written next makes them obsolete. */
  readonly journals: readonly number[];
  /** The highest generation named by the snapshot or a journal. */
  readonly lastGeneration: number;
  /** Journals with damage in the middle (not a torn end): kept as `<name>.corrupt-<time>` once obsolete. */
  readonly damaged: ReadonlySet<number>;
  /** The size of the snapshot read; 0 when there was none. */
  readonly bytes: number;
}

/**
 * Loads the state of a directory: the snapshot (`state.json`), then every journal from the generation it names
 * on, in order. A damaged snapshot is moved aside and the journals are applied to an empty state; a torn end
 * of a journal (a crash in the middle of a write) is ignored silently; damage in the middle of a journal is
 * skipped up to the next valid record and reported. Never throws for bad content.
 */
export async function loadDirectory(
  directory: string,
  statePath: string,
  clock: Pick<Clock, 'now'>,
  warn: (warning: BirdTalkError) => void,
): Promise<LoadedState> {
  const snapshot = await loadSnapshot(statePath, clock, warn);
  const state = snapshot?.state ?? emptyState();
  const from = snapshot?.journal ?? 0;
  const journals = (await readdir(directory))
    .map((name) => journalPattern.exec(name)?.[1])
    .filter((generation) => generation !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const damaged = new Set<number>();
  for (const generation of journals) {
    if (generation < from) continue;
    const path = join(directory, journalName(generation));
    let bytes: Buffer | undefined;
    try {
      bytes = await readIfPresent(path, warn);
    } catch (cause) {
      damaged.add(generation);
      warn(
        new DecodeError(ClientErrorCode.STORE_CORRUPT, 'a journal file could not be read and was skipped', {
          cause,
          details: { path },
        }),
      );
    }
    if (bytes === undefined) continue;
    const decoded = decodeJournal(bytes);
    let unknown = 0;
    for (const record of decoded.records) if (!applyRecord(state, record)) unknown += 1;
    if (decoded.damage.length > 0 || unknown > 0) {
      damaged.add(generation);
      warn(
        new DecodeError(
          ClientErrorCode.STORE_CORRUPT,
          'damaged journal records were skipped; the records after them were applied',
          {
            details: {
              path,
              damage: decoded.damage
                .map((stretch) => `${stretch.bytes} bytes at ${stretch.offset}`)
                .join(', '),
              unreadableRecords: unknown,
            },
          },
        ),
      );
    }
  }
  return {
    state,
    journals,
    lastGeneration: Math.max(from, ...journals),
    damaged,
    bytes: snapshot?.bytes ?? 0,
  };
}

/** The snapshot of the directory, or `undefined` when there is none or it was damaged (then moved aside). */
async function loadSnapshot(
  path: string,
  clock: Pick<Clock, 'now'>,
  warn: (warning: BirdTalkError) => void,
): Promise<{ state: FileState; journal: number; bytes: number } | undefined> {
  let bytes: Buffer | undefined;
  let problem: string | undefined;
  try {
    bytes = await readIfPresent(path, warn);
  } catch (cause) {
    problem = `it could not be read (${errorCode(cause) ?? 'error'})`;
  }
  if (bytes === undefined && problem === undefined) return undefined;
  if (bytes !== undefined) {
    const parsed = parseSnapshot(bytes.toString('utf8'));
    if (typeof parsed !== 'string') {
      if (parsed.skipped > 0) {
        warn(
          new DecodeError(ClientErrorCode.STORE_CORRUPT, 'damaged outbox entries were dropped', {
            details: { path, skipped: parsed.skipped },
          }),
        );
      }
      return { state: parsed.state, journal: parsed.journal, bytes: bytes.length };
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
  return undefined;
}

/** The `code` of a Node system error. */
export function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** Creates the directory (0700) when missing; tightens a looser mode and reports it. */
export async function prepareDirectory(
  directory: string,
  warn: (warning: BirdTalkError) => void,
): Promise<void> {
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

/** A file's bytes, or `undefined` when it does not exist; tightens a loose mode. */
export async function readIfPresent(
  path: string,
  warn: (warning: BirdTalkError) => void,
): Promise<Buffer | undefined> {
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
    return await handle.readFile();
  } finally {
    await handle.close().catch(() => undefined);
  }
}
