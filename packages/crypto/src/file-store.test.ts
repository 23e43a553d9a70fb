import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CryptoError } from '@birdtalk/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyForWriter, writerAccount, writerServerUrl } from '../test/fixtures/writer-keys.js';
import { expectCryptoRejection, fromHex } from '../test/helpers.js';
import { createFileKeyStore, type FileKeyStoreOptions, keyFileName } from './file-store.js';
import { CryptoErrorCode, keyPrintOf, type StoredKey } from './index.js';

const posix = process.platform !== 'win32';
const sharedKey = fromHex('fd33e61a5cb15e5a5c1c949a294aab420ae2888f08b023e1dce7a4abc4e11162');
const key: StoredKey = {
  serverUrl: 'wss://chat.example.com:7817/ws',
  account: 'bot-1',
  keyPrint: keyPrintOf(sharedKey),
  sharedKey,
  encType: 'chacha20',
  userId: '10001',
  createdAt: 1_750_000_000_000,
};

let root: string;
let directory: string;
let warnings: CryptoError[];

function store(options: Partial<FileKeyStoreOptions> = {}) {
  return createFileKeyStore({ directory, onWarning: (warning) => warnings.push(warning), ...options });
}

function keyPath(serverUrl = key.serverUrl, account = key.account): string {
  return join(directory, keyFileName(serverUrl, account));
}

async function mode(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'birdtalk-keys-'));
  directory = join(root, 'keys');
  warnings = [];
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createFileKeyStore', () => {
  it('saves, loads and removes keys per server and account', async () => {
    const keys = store();
    expect(await keys.load(key.serverUrl, key.account)).toBeUndefined();
    await keys.save(key);
    expect(await keys.load(key.serverUrl, key.account)).toEqual(key);
    expect(await store().load(key.serverUrl, key.account)).toEqual(key);
    expect(await keys.load(key.serverUrl, 'bot-2')).toBeUndefined();
    const { userId: _, ...withoutUser } = key;
    await keys.save(withoutUser);
    expect(await keys.load(key.serverUrl, key.account)).toEqual(withoutUser);
    await keys.remove(key.serverUrl, key.account);
    expect(await keys.load(key.serverUrl, key.account)).toBeUndefined();
    await keys.remove(key.serverUrl, key.account);
    expect(await readdir(directory)).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('writes a versioned JSON file with the key in base64', async () => {
    await store().save(key);
    const file = JSON.parse(await readFile(keyPath(), 'utf8'));
    expect(file).toEqual({
      format: 'birdtalk-key',
      version: 1,
      serverUrl: key.serverUrl,
      account: key.account,
      keyPrint: key.keyPrint,
      encType: 'chacha20',
      sharedKey: Buffer.from(sharedKey).toString('base64'),
      userId: '10001',
      createdAt: 1_750_000_000_000,
    });
  });

  it('names files by a hash, so names cannot reach outside the directory', async () => {
    const hostile = { ...key, serverUrl: '../../../etc', account: '../passwd\0' };
    await store().save(hostile);
    const names = await readdir(directory);
    expect(names).toEqual([keyFileName(hostile.serverUrl, hostile.account)]);
    expect(names[0]).toMatch(/^key-[0-9a-f]{64}\.json$/);
    expect(await readdir(root)).toEqual(['keys']);
    expect(keyFileName('a:b', 'c')).not.toBe(keyFileName('a', 'b:c'));
  });

  it('refuses inconsistent keys without writing', async () => {
    await expectCryptoRejection(store().save({ ...key, keyPrint: '42' }), CryptoErrorCode.BAD_STORED_KEY);
    await expect(stat(directory)).rejects.toThrow();
  });
});

describe.skipIf(!posix)('file modes', () => {
  it('creates the directory 0700 and files 0600, whatever the umask', async () => {
    const previous = process.umask(0);
    try {
      await store().save(key);
    } finally {
      process.umask(previous);
    }
    expect(await mode(directory)).toBe(0o700);
    expect(await mode(keyPath())).toBe(0o600);
    expect(warnings).toEqual([]);
  });

  it('tightens an existing directory open to others, and says so', async () => {
    await mkdir(directory, { mode: 0o755 });
    await chmod(directory, 0o755);
    await store().save(key);
    expect(await mode(directory)).toBe(0o700);
    expect(warnings.map((w) => w.code)).toEqual([CryptoErrorCode.KEYSTORE_LOOSE_PERMISSIONS]);
    expect(warnings[0]!.details).toEqual({ path: directory, mode: '755', fixed: true });
  });

  it('tightens a key file open to others when loading it, and replaces it 0600 when saving', async () => {
    await store().save(key);
    await chmod(keyPath(), 0o644);
    expect(await store().load(key.serverUrl, key.account)).toEqual(key);
    expect(await mode(keyPath())).toBe(0o600);
    expect(warnings.map((w) => w.code)).toEqual([CryptoErrorCode.KEYSTORE_LOOSE_PERMISSIONS]);
    await chmod(keyPath(), 0o666);
    await store().save(key);
    expect(await mode(keyPath())).toBe(0o600);
  });
});

describe('damaged files', () => {
  const load = () => store().load(key.serverUrl, key.account);
  const valid = async (): Promise<Record<string, unknown>> => {
    await store().save(key);
    return JSON.parse(await readFile(keyPath(), 'utf8'));
  };

  it('are treated as no key and reported, never thrown', async () => {
    const good = await valid();
    const text = JSON.stringify(good);
    const variants: [string, string | Buffer][] = [
      ['truncated', text.slice(0, text.length / 2)],
      ['empty', ''],
      ['garbage', Buffer.from([0xff, 0xfe, 0x00, 0x01])],
      ['array', '[]'],
      ['null', 'null'],
      ['other format', JSON.stringify({ ...good, format: 'something-else' })],
      ['future version', JSON.stringify({ ...good, version: 2 })],
      ['bad base64', JSON.stringify({ ...good, sharedKey: 'not base64!' })],
      ['short key', JSON.stringify({ ...good, sharedKey: Buffer.alloc(16).toString('base64') })],
      ['keyPrint mismatch', JSON.stringify({ ...good, keyPrint: '1' })],
      ['bad encType', JSON.stringify({ ...good, encType: 'twofish128' })],
      ['missing field', JSON.stringify({ ...good, createdAt: undefined })],
      ['other account', JSON.stringify({ ...good, account: 'bot-2' })],
      ['too large', `${text}${' '.repeat(70_000)}`],
    ];
    for (const [name, content] of variants) {
      warnings = [];
      await writeFile(keyPath(), content);
      expect(await load(), name).toBeUndefined();
      expect(
        warnings.map((w) => w.code),
        name,
      ).toEqual([CryptoErrorCode.BAD_STORED_KEY]);
      expect(warnings[0]!.message).not.toContain(good.sharedKey as string);
      expect(JSON.stringify(warnings[0]!.details)).not.toContain(good.sharedKey as string);
    }
  });

  it('report an unreadable file as such', async () => {
    await mkdir(keyPath(), { recursive: true });
    expect(await load()).toBeUndefined();
    expect(warnings.map((w) => w.code)).toEqual([CryptoErrorCode.KEYSTORE_UNREADABLE]);
  });

  it('survive a warning handler that throws', async () => {
    await valid();
    await writeFile(keyPath(), '{');
    const keys = createFileKeyStore({
      directory,
      onWarning: () => {
        throw new Error('handler bug');
      },
    });
    expect(await keys.load(key.serverUrl, key.account)).toBeUndefined();
  });

  it('are replaced by the next save', async () => {
    await valid();
    await writeFile(keyPath(), '{"format":');
    await store().save(key);
    warnings = [];
    expect(await load()).toEqual(key);
    expect(warnings).toEqual([]);
  });
});

describe('atomic writes', () => {
  it('leave no temp file behind', async () => {
    const keys = store();
    for (let i = 0; i < 20; i += 1) await keys.save(keyForWriter(1, i));
    expect(await readdir(directory)).toEqual([keyFileName(writerServerUrl, writerAccount)]);
  });

  it('never let a reader see a partial file while saves are in flight', async () => {
    const keys = store();
    let done = false;
    const writers = [1, 2].map(async (writer) => {
      for (let i = 0; i < 60; i += 1) await keys.save(keyForWriter(writer, i));
    });
    const writing = Promise.all(writers).finally(() => {
      done = true;
    });
    let seen = 0;
    while (!done) {
      const loaded = await keys.load(writerServerUrl, writerAccount);
      if (loaded !== undefined) {
        expect(loaded.keyPrint).toBe(keyPrintOf(loaded.sharedKey));
        seen += 1;
      }
    }
    await writing;
    expect(seen).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
    expect(await readdir(directory)).toHaveLength(1);
  });

  it('clean up the temp file and report when the rename fails', async () => {
    await mkdir(join(keyPath(), 'in-the-way'), { recursive: true });
    await expectCryptoRejection(store().save(key), CryptoErrorCode.KEYSTORE_WRITE_FAILED);
    expect(await readdir(directory)).toEqual([keyFileName(key.serverUrl, key.account)]);
  });

  it('sweep temp files left by a writer that died, and only stale ones', async () => {
    await store().save(key);
    const base = keyFileName(key.serverUrl, key.account);
    const stale = join(directory, `.${base}.4242.0123456789ab.tmp`);
    const fresh = join(directory, `.${base}.4243.0123456789ab.tmp`);
    await writeFile(stale, 'partial');
    await writeFile(fresh, 'partial');
    const now = Date.now();
    await utimes(stale, new Date(now - 3_600_000), new Date(now - 3_600_000));
    await store({ clock: { now: () => now } }).save(key);
    expect((await readdir(directory)).sort()).toEqual([`.${base}.4243.0123456789ab.tmp`, base].sort());
  });

  it('report a remove that fails', async () => {
    await mkdir(join(keyPath(), 'in-the-way'), { recursive: true });
    await expectCryptoRejection(
      store().remove(key.serverUrl, key.account),
      CryptoErrorCode.KEYSTORE_WRITE_FAILED,
    );
  });
});

describe('two processes writing at once', () => {
  const writer = fileURLToPath(new URL('../test/fixtures/key-writer.ts', import.meta.url));
  const packageRoot = fileURLToPath(new URL('..', import.meta.url));

  interface Writer {
    readonly ready: Promise<void>;
    readonly exit: Promise<{ code: number | null; stderr: string }>;
    go(): void;
  }

  function start(tag: number, count: number): Writer {
    const child = spawn(
      process.execPath,
      ['--conditions=@birdtalk/source', '--import', 'tsx', writer, directory, String(tag), String(count)],
      { cwd: packageRoot, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve();
      });
      child.on('error', reject);
      child.on('close', () => reject(new Error(`writer ${tag} exited before it was ready: ${stderr}`)));
    });
    const exit = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    return { ready, exit, go: () => child.stdin.end('go\n') };
  }

  it('never corrupt the file', { timeout: 60_000 }, async () => {
    const count = 300;
    const writers = [start(1, count), start(2, count)];
    await Promise.all(writers.map((w) => w.ready));
    for (const w of writers) w.go();
    let done = false;
    const children = Promise.all(writers.map((w) => w.exit)).finally(() => {
      done = true;
    });
    const reader = store();
    let reads = 0;
    while (!done) {
      const loaded = await reader.load(writerServerUrl, writerAccount);
      if (loaded !== undefined) expect(loaded.keyPrint).toBe(keyPrintOf(loaded.sharedKey));
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const results = await children;
    expect(results).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);
    expect(warnings).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    const final = await reader.load(writerServerUrl, writerAccount);
    expect([keyForWriter(1, count - 1), keyForWriter(2, count - 1)]).toContainEqual(final);
    expect(await readdir(directory)).toEqual([keyFileName(writerServerUrl, writerAccount)]);
  });
});

describe.skipIf(!posix)('special files', () => {
  it('do not hang a load when a FIFO sits at the key path', async () => {
    await mkdir(directory, { recursive: true });
    execFileSync('mkfifo', [keyPath()]);
    expect(await store().load(key.serverUrl, key.account)).toBeUndefined();
    expect(warnings.map((w) => w.code)).toEqual([CryptoErrorCode.KEYSTORE_UNREADABLE]);
  });
});
