/**
 * A {@link @birdtalk/crypto!KeyStore | KeyStore} that keeps each key in its own JSON file, for Node processes (bots, command-line tools)
 * that want password-less re-login across restarts.
 *
 * @example
 * ```ts
 * import { createFileKeyStore } from '@birdtalk/crypto/file-store';
 *
 * const store = createFileKeyStore({
 *   directory: '/var/lib/my-bot/keys',
 *   onWarning: (warning) => logger.warn('key store', { code: warning.code, reason: warning.message }),
 * });
 * const key = await store.load('wss://chat.example.com:7817/ws', 'bot-1');
 * ```
 *
 * @packageDocumentation
 */

import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CryptoError } from '@birdtalk/errors';
import { type Clock, systemClock } from '@birdtalk/runtime';
import { writeFileAtomic } from '@birdtalk/runtime/node';
import { CryptoErrorCode, cryptoError } from './errors.js';
import { decodeKeyRecord, encodeKeyRecord } from './key-record.js';
import { checkStoredKey, type KeyStore } from './key-store.js';

/** Options of {@link createFileKeyStore}. */
export interface FileKeyStoreOptions {
  /** The directory holding the key files; created with mode 0700 when missing. */
  directory: string;
  /**
   * Told about every problem that did not stop the store: an unreadable or damaged key file (then treated as
   * no key) or a file or directory whose mode had to be tightened. Warnings never contain key material.
   */
  onWarning?: (warning: CryptoError) => void;
  /** Tells the age of temp files left by a crashed writer; {@link systemClock} by default. */
  clock?: Pick<Clock, 'now'>;
}

export { keyFileFormat, keyFileVersion } from './key-record.js';

/** A key file is a few hundred bytes; anything far larger is not one, and is not read into memory. */
const maxKeyFileBytes = 64 * 1024;
/** Temp files older than this were left by a process that died mid-write. */
const staleTempFileMs = 10 * 60 * 1000;
const tempFilePattern = /^\.key-[0-9a-f]{64}\.json\.[0-9]+\.[0-9a-f]{12}\.tmp$/;
/** File modes mean nothing on Windows: `chmod` there only toggles read-only. */
const enforceModes = process.platform !== 'win32';

/**
 * The file name of the key of (`serverUrl`, `account`): a SHA-256 of both, so no URL or account name can
 * reach outside the directory or collide with another pair.
 */
export function keyFileName(serverUrl: string, account: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([serverUrl, account]), 'utf8')
    .digest('hex');
  return `key-${digest}.json`;
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/**
 * A {@link KeyStore} keeping one JSON file per (server, account) in `options.directory`.
 *
 * - Files are written atomically: a temp file in the same directory, flushed with `fsync`, then renamed over
 *   the old one. A reader sees the old key or the new one, never a mix, even with several processes writing.
 * - The directory is 0700 and files are 0600; looser modes on either are tightened and reported.
 * - A file that cannot be read or does not hold a valid key is treated as no key and reported through
 *   `onWarning`; `load` never rejects.
 */
export function createFileKeyStore(options: FileKeyStoreOptions): KeyStore {
  const directory = resolve(options.directory);
  let swept = false;

  const warn = (warning: CryptoError): void => {
    try {
      options.onWarning?.(warning);
    } catch {
      // A failing warning handler must not turn a tolerated problem into a crash.
    }
  };

  const ignore = (path: string, problem: string): undefined => {
    warn(
      cryptoError(CryptoErrorCode.BAD_STORED_KEY, `The key file is ignored: ${problem}`, {
        details: { path },
      }),
    );
    return undefined;
  };

  const pathOf = (serverUrl: string, account: string): string =>
    join(directory, keyFileName(serverUrl, account));

  /** Tells about a key file or directory that others could read, and whether its mode could be tightened. */
  const looseMode = (path: string, mode: number, fixed: boolean): void => {
    warn(
      cryptoError(
        CryptoErrorCode.KEYSTORE_LOOSE_PERMISSIONS,
        fixed
          ? 'A key file or directory was open to others; its mode was tightened'
          : 'A key file or directory is open to others and its mode could not be changed',
        { details: { path, mode: (mode & 0o777).toString(8), fixed } },
      ),
    );
  };

  const prepareDirectory = async (): Promise<void> => {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    if (!enforceModes) return;
    const { mode } = await stat(directory);
    if ((mode & 0o077) === 0) return;
    const fixed = await chmod(directory, 0o700).then(
      () => true,
      () => false,
    );
    looseMode(directory, mode, fixed);
  };

  /** Removes temp files left behind by a process that died between creating and renaming them. */
  const sweepTempFiles = async (): Promise<void> => {
    if (swept) return;
    swept = true;
    try {
      const now = (options.clock ?? systemClock).now();
      for (const name of await readdir(directory)) {
        if (!tempFilePattern.test(name)) continue;
        const path = join(directory, name);
        const info = await stat(path).catch(() => undefined);
        if (info !== undefined && now - info.mtimeMs > staleTempFileMs)
          await unlink(path).catch(() => undefined);
      }
    } catch {
      // Best effort: a leftover temp file holds a key but is 0600 like the real one.
    }
  };

  const readKeyFile = async (path: string): Promise<string | undefined> => {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      // Non-blocking, so that a FIFO planted at the path cannot hang the load; regular files are unaffected.
      handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (cause) {
      if (errorCode(cause) === 'ENOENT') return undefined;
      warn(
        cryptoError(CryptoErrorCode.KEYSTORE_UNREADABLE, 'The key file could not be opened', {
          cause,
          details: { path },
        }),
      );
      return undefined;
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        warn(
          cryptoError(CryptoErrorCode.KEYSTORE_UNREADABLE, 'The key file is not a regular file', {
            details: { path },
          }),
        );
        return undefined;
      }
      if (info.size > maxKeyFileBytes) {
        warn(
          cryptoError(CryptoErrorCode.BAD_STORED_KEY, 'The key file is too large to be a key', {
            details: { path, size: info.size },
          }),
        );
        return undefined;
      }
      if (enforceModes && (info.mode & 0o077) !== 0) {
        const fixed = await handle.chmod(0o600).then(
          () => true,
          () => false,
        );
        looseMode(path, info.mode, fixed);
      }
      return await handle.readFile('utf8');
    } catch (cause) {
      warn(
        cryptoError(CryptoErrorCode.KEYSTORE_UNREADABLE, 'The key file could not be read', {
          cause,
          details: { path },
        }),
      );
      return undefined;
    } finally {
      await handle.close().catch(() => undefined);
    }
  };

  return {
    async load(serverUrl, account) {
      const path = pathOf(serverUrl, account);
      const text = await readKeyFile(path);
      if (text === undefined) return undefined;
      const parsed = decodeKeyRecord(text);
      if (typeof parsed === 'string') return ignore(path, parsed);
      // The name is a hash; a file copied or renamed from another pair must not be used for this one.
      if (parsed.serverUrl !== serverUrl || parsed.account !== account) {
        return ignore(path, 'it belongs to another server or account');
      }
      return parsed;
    },

    async save(key) {
      checkStoredKey(key);
      const path = pathOf(key.serverUrl, key.account);
      try {
        await prepareDirectory();
        await sweepTempFiles();
        // Temp file, fsync, rename, directory fsync: a reader never sees half a key (see writeFileAtomic).
        await writeFileAtomic(path, `${encodeKeyRecord(key, 2)}\n`, { mode: 0o600 });
      } catch (cause) {
        throw cryptoError(CryptoErrorCode.KEYSTORE_WRITE_FAILED, 'The key file could not be written', {
          cause,
          details: { path },
        });
      }
    },

    async remove(serverUrl, account) {
      const path = pathOf(serverUrl, account);
      try {
        await unlink(path);
      } catch (cause) {
        if (errorCode(cause) === 'ENOENT') return;
        throw cryptoError(CryptoErrorCode.KEYSTORE_WRITE_FAILED, 'The key file could not be removed', {
          cause,
          details: { path },
        });
      }
    },
  };
}
