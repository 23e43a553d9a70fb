import { closeSync, constants, fdatasync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { StateError } from '@birdtalk/errors';
import { createGroupCommit, syncDirectory } from '@birdtalk/runtime/node';
import { ClientErrorCode } from '../client-errors.js';
import { encodeFrame } from './journal-frame.js';

/**
 * The append-only file of the file store's journal, with group commit:
 *
 * - Records appended while the microtasks already queued run go to the OS together, in one `write(2)` from a
 *   microtask queued by the first of them. So a record reaches the OS before anything that was queued after its
 *   `append` (the next handler a finished message lets run, for instance) and before the next turn of the event
 *   loop: a crash of the process loses only records whose `append` was called in the same run of microtasks.
 *   The write is synchronous on purpose: an asynchronous one would leave the record in a worker thread that a
 *   SIGKILL takes with it.
 * - `fdatasync` runs in the background, one at a time: each covers every write before it, so a busy store
 *   syncs as often as the disk allows, never once per record. {@link JournalFile.sync} waits for one.
 * - {@link JournalFile.rotate} continues in a new file; the old one is synced and closed in the background.
 */
export interface JournalFile {
  /** Bytes written to the current file. */
  readonly bytes: number;
  /** The path of the current file. */
  readonly path: string;
  /**
   * Queues a record. The promise resolves once its batch reached the OS, and rejects with `StateError
   * STORE_WRITE_FAILED` when that write failed (the batch is kept and written again with the next one).
   *
   * A `deferrable` record — one that nothing needs before its promise resolves — waits for the next batch, or
   * for the end of the turn when no other record comes: a handling mark asked for while the message before is
   * handled then travels in one write with that message's records.
   */
  append(payload: Uint8Array, deferrable?: boolean): Promise<void>;
  /** Resolves once every record appended so far is on disk (`fdatasync`, and the directory entry of new files). */
  sync(): Promise<void>;
  /** Writes what is queued, then continues in a new file at `path` (created with mode 0600). Throws on failure. */
  rotate(path: string): void;
  /** Closes the files once the background sync finished; appends after it are refused. */
  close(): Promise<void>;
}

/** Creates a new journal file (it must not exist) and returns its writer. Throws when it cannot. */
export function createJournalFile(path: string, onError: (error: StateError) => void): JournalFile {
  let fd = createFile(path);
  let currentPath = path;
  let bytes = 0;
  let pending: Buffer[] = [];
  let written = 0;
  let synced = 0;
  let directoryDirty = true;
  const retired: number[] = [];
  let syncing: Promise<void> | undefined;
  let syncError: unknown;
  let closed = false;

  const writePending = (): void => {
    const current = commit.take();
    if (pending.length === 0) {
      current?.resolve();
      return;
    }
    const data = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    try {
      writeAll(fd, data, bytes);
    } catch (cause) {
      // The batch stays queued for the next write; its callers learn of this one's failure.
      const error = writeFailed(cause, currentPath);
      current?.reject(error);
      throw error;
    }
    pending = [];
    bytes += data.length;
    written += 1;
    current?.resolve();
    startSync();
  };

  const commit = createGroupCommit(() => {
    try {
      writePending();
    } catch (error) {
      onError(error as StateError);
    }
  });

  const runSync = async (): Promise<void> => {
    while (synced < written || retired.length > 0 || directoryDirty) {
      const target = written;
      try {
        while (retired.length > 0) {
          await datasync(retired[0]!);
          closeQuietly(retired.shift()!);
        }
        if (directoryDirty) {
          directoryDirty = false;
          await syncDirectory(dirname(currentPath));
        }
        await datasync(fd);
      } catch (cause) {
        syncError = cause;
        onError(writeFailed(cause, currentPath));
        return;
      }
      synced = target;
      syncError = undefined;
    }
  };

  const startSync = (): void => {
    if (syncing !== undefined || closed) return;
    syncing = runSync().finally(() => {
      syncing = undefined;
    });
  };

  return {
    get bytes() {
      return bytes;
    },
    get path() {
      return currentPath;
    },
    append(payload, deferrable = false) {
      if (closed) return Promise.reject(new StateError(ClientErrorCode.STORE_CLOSED, 'the store is closed'));
      pending.push(encodeFrame(payload));
      return commit.join(deferrable);
    },
    async sync() {
      writePending();
      const target = written;
      while (synced < target || retired.length > 0) {
        startSync();
        await syncing;
        if (syncError !== undefined && synced < target) throw writeFailed(syncError, currentPath);
      }
    },
    rotate(next) {
      writePending();
      const opened = createFile(next);
      retired.push(fd);
      fd = opened;
      currentPath = next;
      bytes = 0;
      directoryDirty = true;
    },
    async close() {
      if (closed) return;
      await syncing;
      closed = true;
      for (const old of retired.splice(0)) closeQuietly(old);
      closeQuietly(fd);
    },
  };
}

/** Opens a new file for appending, private from the start. */
function createFile(path: string): number {
  return openSync(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_APPEND,
    0o600,
  );
}

/** Writes all of `data`; on failure cuts the file back to `size`, so no torn record stays in the middle. */
function writeAll(fd: number, data: Buffer, size: number): void {
  let offset = 0;
  try {
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
  } catch (error) {
    if (offset > 0) {
      try {
        ftruncateSync(fd, size);
      } catch {
        // Then the torn record stays; a reader skips it as damage and reports it.
      }
    }
    throw error;
  }
}

function datasync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => {
    fdatasync(fd, (error) => (error ? reject(error) : resolve()));
  });
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed or gone; nothing is left to lose.
  }
}

function writeFailed(cause: unknown, path: string): StateError {
  if (cause instanceof StateError) return cause;
  return new StateError(ClientErrorCode.STORE_WRITE_FAILED, 'the journal could not be written', {
    cause,
    details: { path },
  });
}
