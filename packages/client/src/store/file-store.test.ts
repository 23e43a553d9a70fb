import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BirdTalkError } from '@birdtalk/errors';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClientErrorCode } from '../client-errors.js';
import { createFileStore, STATE_FILE_NAME } from './file-store.js';

const renames = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...original,
    rename: async (...args: Parameters<typeof original.rename>) => {
      renames.count += 1;
      return original.rename(...args);
    },
  };
});

let root: string;
let directory: string;
const posix = process.platform !== 'win32';

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'birdtalk-file-store-'));
  directory = join(root, 'state');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function open(warnings: BirdTalkError[] = []) {
  return createFileStore({
    directory,
    onWarning: (warning) => warnings.push(warning),
    clock: { now: () => 1234 },
  });
}

describe('the file store', () => {
  it('keeps the directory 0700 and its files 0600', async () => {
    const store = open();
    await store.savePosition('p2p', '5');
    await store.setIfAbsent('deviceId', 'abc');
    await store.close();
    if (!posix) return;
    expect((await stat(directory)).mode & 0o777).toBe(0o700);
    for (const name of await readdir(directory)) {
      expect((await stat(join(directory, name))).mode & 0o777, name).toBe(0o600);
    }
  });

  it('tightens a loose directory and a loose state file, and says so', async () => {
    if (!posix) return;
    const first = open();
    await first.savePosition('p2p', '5');
    await first.close();
    await chmod(directory, 0o755);
    await chmod(join(directory, STATE_FILE_NAME), 0o644);
    const warnings: BirdTalkError[] = [];
    const store = open(warnings);
    expect((await store.loadPositions()).get('p2p')).toBe('5');
    await store.close();
    expect(warnings.map((w) => w.code)).toEqual([
      ClientErrorCode.STORE_LOOSE_PERMISSIONS,
      ClientErrorCode.STORE_LOOSE_PERMISSIONS,
    ]);
    expect((await stat(directory)).mode & 0o777).toBe(0o700);
    expect((await stat(join(directory, STATE_FILE_NAME))).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['truncated JSON', '{"format":"birdtalk-client-state","vers'],
    ['another format', '{"format":"something-else","version":1}'],
    ['a future version', '{"format":"birdtalk-client-state","version":99}'],
    [
      'a bad position',
      '{"format":"birdtalk-client-state","version":1,"positions":{"p2p":12},"seen":[],"outbox":[],"sendIdMark":"0"}',
    ],
    ['binary garbage', '\u0000\u0001\u0002'],
  ])('starts fresh from %s, keeps the damaged file, and warns instead of crashing', async (_, text) => {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    await writeFile(join(directory, STATE_FILE_NAME), text, { mode: 0o600 });
    const warnings: BirdTalkError[] = [];
    const store = open(warnings);
    expect((await store.loadPositions()).size).toBe(0);
    expect(await store.loadSeen()).toEqual([]);
    await store.savePosition('p2p', '9');
    await store.close();
    expect(warnings.map((w) => [w.name, w.code])).toEqual([['DecodeError', ClientErrorCode.STORE_CORRUPT]]);
    expect(await readFile(join(directory, `${STATE_FILE_NAME}.corrupt-1234`), 'utf8')).toBe(text);
    const again = open();
    expect((await again.loadPositions()).get('p2p')).toBe('9');
    await again.close();
  });

  it('drops only the damaged outbox entries of an otherwise good file', async () => {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const good = { sendId: '7', createdAt: 1, chat: { sendId: '7', toId: '2', data: btoa('hi') } };
    const bad = { sendId: 'x', createdAt: 1, chat: {} };
    await writeFile(
      join(directory, STATE_FILE_NAME),
      JSON.stringify({
        format: 'birdtalk-client-state',
        version: 1,
        positions: { p2p: '3' },
        seen: ['m:1'],
        outbox: [good, bad],
        sendIdMark: '10',
      }),
      { mode: 0o600 },
    );
    const warnings: BirdTalkError[] = [];
    const store = open(warnings);
    const outbox = await store.loadOutbox();
    expect(outbox.map((entry) => entry.sendId)).toEqual(['7']);
    expect(new TextDecoder().decode(outbox[0]?.chat.data)).toBe('hi');
    expect((await store.loadPositions()).get('p2p')).toBe('3');
    expect(await store.reserveSendIds(1, '0')).toBe('11');
    expect(warnings.map((w) => w.code)).toEqual([ClientErrorCode.STORE_CORRUPT]);
    await store.close();
  });

  it('appends a burst of mutations to the journal without rewriting the state file, and a flush covers all', async () => {
    const store = open();
    await store.flush();
    renames.count = 0;
    for (let i = 1; i <= 200; i += 1) {
      void store.savePosition('p2p', String(i));
      void store.addSeen([`m:${i}`], 1000);
    }
    await store.flush();
    expect(renames.count).toBe(0);
    // Another store reads the snapshot and the journal (a crash leaves no chance to close the first).
    const again = open();
    expect((await again.loadPositions()).get('p2p')).toBe('200');
    expect(await again.loadSeen()).toHaveLength(200);
    await again.close();
    await store.close();
  });

  it('leaves no temp files behind', async () => {
    const store = open();
    for (let i = 0; i < 20; i += 1) await store.savePosition('p2p', String(i));
    await store.set('a', '1');
    await store.setIfAbsent('b', '2');
    await store.close();
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('shares small values between two stores on one directory, first writer wins', async () => {
    const a = open();
    const b = open();
    const [x, y] = await Promise.all([
      a.setIfAbsent('deviceId', 'from-a'),
      b.setIfAbsent('deviceId', 'from-b'),
    ]);
    expect(x).toBe(y);
    expect(await open().get('deviceId')).toBe(x);
    await a.close();
    await b.close();
  });

  it('ignores a damaged value file with a warning', async () => {
    const store = open();
    await store.set('deviceId', 'abc');
    const name = (await readdir(directory)).find((file) => file.startsWith('value-'))!;
    await writeFile(join(directory, name), '{"key":"deviceId"', { mode: 0o600 });
    const warnings: BirdTalkError[] = [];
    const again = open(warnings);
    expect(await again.get('deviceId')).toBeUndefined();
    expect(warnings.map((w) => w.code)).toEqual([ClientErrorCode.STORE_CORRUPT]);
    await store.close();
    await again.close();
  });

  it('refuses an unusable directory with a typed error', async () => {
    await writeFile(join(root, 'file'), 'x');
    const store = createFileStore({ directory: join(root, 'file', 'state') });
    await expect(store.loadPositions()).rejects.toMatchObject({ code: ClientErrorCode.STORE_WRITE_FAILED });
  });

  it('compare-and-set waits for a held value lock, gives up on one held too long, and takes over a stale one', async () => {
    let now = Date.now();
    let polls = 0;
    // Runs (once) at the next poll, before the poll's wait ends: the lock goes while the store waits on it.
    let atNextPoll: (() => Promise<void>) | undefined;
    const store = createFileStore({
      directory,
      // Each poll for the lock moves time on by its delay, without waiting.
      clock: {
        now: () => now,
        setTimeout: (callback, delayMs) => {
          polls += 1;
          now += delayMs;
          const action = atNextPoll;
          atNextPoll = undefined;
          void (action?.() ?? Promise.resolve()).then(() => setImmediate(callback));
          return { timer: undefined };
        },
      },
    });
    await store.set('session:x', 'a');
    const value = (await readdir(directory)).find((file) => file.startsWith('value-'))!;
    const lock = join(directory, `${value}.lock`);
    await writeFile(lock, '', { mode: 0o600 });
    atNextPoll = () => rm(lock);
    expect(await store.compareAndSet('session:x', 'a', 'b')).toBe(true);
    expect(polls).toBeGreaterThan(0);

    await writeFile(lock, '', { mode: 0o600 });
    polls = 0;
    expect(await store.compareAndSet('session:x', 'b', 'c')).toBe(false);
    expect(polls).toBe(500);
    expect(await store.get('session:x')).toBe('b');

    const minuteAgo = new Date(now - 60_000);
    await utimes(lock, minuteAgo, minuteAgo);
    expect(await store.compareAndSet('session:x', 'b', 'c')).toBe(true);
    expect(await store.get('session:x')).toBe('c');
    expect(await readdir(directory)).not.toContain(`${value}.lock`);
    await store.close();
  });
});
