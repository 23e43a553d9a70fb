import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPureEcdh } from '@birdtalk/crypto';
import { seededRandom } from '@birdtalk/runtime';
import { FakeClock, flushEventLoop } from '@birdtalk/runtime/testing';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChatMessage, type Client, createClient, p2p } from '../src/index.js';
import { createNodeClient, defaultStateDir, STATE_FILE_NAME } from '../src/node.js';
import { PASSWORD } from './harness.js';

let root: string;
let clock: FakeClock;
let server: BirdTalkServer;
let ada: string;
let bob: string;
const clients: Client[] = [];

async function drive<T>(promise: Promise<T>): Promise<T> {
  let settled = false;
  const watched = promise.finally(() => {
    settled = true;
  });
  watched.catch(() => {});
  for (let step = 0; step < 2_000 && !settled; step += 1) {
    await flushEventLoop(2);
    if (!settled) await clock.advance(20);
  }
  return watched;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'birdtalk-node-client-'));
  clock = new FakeClock(1_750_000_000_000);
  server = await createServer({ strict: true, listen: false, clock });
  ada = await server.createUser({ userName: 'ada', password: PASSWORD });
  bob = await server.createUser({ userName: 'bob', password: PASSWORD });
  await server.follow(ada, bob);
  await server.follow(bob, ada);
});

afterEach(async () => {
  await drive(Promise.all(clients.splice(0).map((client) => client.stop({ drainTimeoutMs: 500 }))));
  const hazards = server.hazards();
  await server.close();
  await rm(root, { recursive: true, force: true });
  expect(hazards).toEqual([]);
});

/** A Node client on the in-memory server, with its state in `stateDir`. */
function nodeClient(userId: string, stateDir: string): Client {
  const client = createNodeClient(
    {
      server: 'ws://reference.invalid/ws',
      credentials: { method: 'id', userId, password: PASSWORD },
      stateDir,
    },
    { connector: server.connector(), clock, random: seededRandom(clients.length + 1) },
  );
  clients.push(client);
  return client;
}

function sender(): Client {
  const client = createClient(
    { server: 'ws://reference.invalid/ws', credentials: { method: 'id', userId: ada, password: PASSWORD } },
    { connector: server.connector(), clock, ecdh: createPureEcdh(seededRandom(99)) },
  );
  clients.push(client);
  return client;
}

describe('the Node client', () => {
  it('resumes from its state directory after a restart, losing and repeating nothing', async () => {
    const stateDir = join(root, 'bob');
    const alice = sender();
    await drive(alice.start());
    const first = nodeClient(bob, stateDir);
    const seen: ChatMessage[] = [];
    first.on('message', (m) => {
      seen.push(m);
    });
    await drive(first.start());
    for (const text of ['a', 'b']) await drive(alice.sendText(p2p(bob), text));
    await drive(
      (async () => {
        while (seen.length < 2) await flushEventLoop(1);
      })(),
    );
    await drive(first.stop());
    for (const text of ['c', 'd', 'e']) await drive(alice.sendText(p2p(bob), text));

    const second = nodeClient(bob, stateDir);
    const again: ChatMessage[] = [];
    second.on('message', (m) => {
      again.push(m);
    });
    const done = second.once('catch-up', { filter: (e) => e.phase === 'done' });
    const ready = second.once('ready');
    await drive(second.start());
    await drive(done);
    expect(seen.map((m) => m.text)).toEqual(['a', 'b']);
    expect(again.map((m) => [m.text, m.catchingUp])).toEqual([
      ['c', true],
      ['d', true],
      ['e', true],
    ]);
    // The key from the first run logged the second in without its password.
    expect((await ready).fastLogin).toBe(true);
    const files = await readdir(stateDir);
    expect(files).toContain(STATE_FILE_NAME);
    expect(files).toContain('keys');
    if (process.platform !== 'win32') expect((await stat(stateDir)).mode & 0o777).toBe(0o700);
  });

  it('keeps one device id for every client of a state directory, at once or one after the other', async () => {
    const stateDir = join(root, 'shared');
    const a = nodeClient(bob, stateDir);
    const b = nodeClient(bob, stateDir);
    await drive(Promise.all([a.start(), b.start()]));
    expect(a.deviceId).toMatch(/^[0-9a-f]{32}$/);
    expect(b.deviceId).toBe(a.deviceId);
    await drive(Promise.all([a.stop(), b.stop()]));
    const c = nodeClient(bob, stateDir);
    await drive(c.start());
    expect(c.deviceId).toBe(a.deviceId);
    const other = nodeClient(bob, join(root, 'other'));
    await drive(other.start());
    expect(other.deviceId).not.toBe(a.deviceId);
  });

  it('puts each account under its own default directory', () => {
    const env = { XDG_CONFIG_HOME: '/cfg' };
    const a = defaultStateDir(
      'wss://x/ws',
      { method: 'id', userId: '10001', password: 'p' },
      env,
      'linux',
      '/home/u',
    );
    const b = defaultStateDir(
      'wss://y/ws',
      { method: 'id', userId: '10001', password: 'p' },
      env,
      'linux',
      '/home/u',
    );
    const c = defaultStateDir(
      'wss://x/ws',
      { method: 'email', email: 'A@B.c', password: 'p' },
      {},
      'linux',
      '/home/u',
    );
    expect(a).toMatch(/^\/cfg\/birdtalk\/10001-[0-9a-f]{12}$/);
    expect(b).not.toBe(a);
    expect(c).toMatch(/^\/home\/u\/\.config\/birdtalk\/a_b\.c-[0-9a-f]{12}$/);
    expect(
      defaultStateDir('wss://x/ws', { method: 'id', userId: '1', password: '' }, {}, 'darwin', '/Users/u'),
    ).toMatch(/^\/Users\/u\/Library\/Application Support\/birdtalk\/1-/);
    expect(
      defaultStateDir(
        'wss://x/ws',
        { method: 'register', userName: '../x', password: '' },
        { APPDATA: 'C:\\AppData' },
        'win32',
        'C:\\Users\\u',
      ),
    ).toContain('register-.._x-');
  });

  it('refuses a malformed pin or frame limit with a typed InvalidArgumentError, not a bare TypeError', () => {
    const make = (options: Partial<Parameters<typeof createNodeClient>[0]>) => () =>
      createNodeClient({
        server: 'wss://chat.example.com:7817/ws',
        credentials: { method: 'id', userId: '10001', password: 'p' },
        stateDir: '/nonexistent',
        ...options,
      });
    for (const pin of ['abc', '-----BEGIN CERTIFICATE-----', 'zz'.repeat(32)]) {
      expect(make({ tls: { pinSha256: pin } })).toThrow(
        expect.objectContaining({
          name: 'InvalidArgumentError',
          code: 'INVALID_ARGUMENT',
          details: { option: 'tls.pinSha256' },
        }),
      );
    }
    expect(make({ session: { connectTimeoutMs: -1 } })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', code: 'INVALID_ARGUMENT' }),
    );
    expect(make({ tls: { pinSha256: 'AB'.repeat(32) } })).not.toThrow();
  });
});

describe('the Node client over TLS', () => {
  it('connects to a self-signed server whose certificate it pins', async () => {
    const tlsServer = await createServer({ strict: true, tls: 'self-signed', port: 0 });
    try {
      const id = await tlsServer.createUser({ userName: 'tls', password: PASSWORD });
      const client = createNodeClient({
        server: tlsServer.url,
        credentials: { method: 'id', userId: id, password: PASSWORD },
        stateDir: join(root, 'tls'),
        tls: { pinSha256: tlsServer.certificate!.sha256 },
      });
      const user = await client.start();
      expect(user.userId).toBe(id);
      // Downloads trust the server exactly as the WebSocket does: the pinned self-signed certificate.
      const uploaded = await client.files.upload(new TextEncoder().encode('pinned file'), { name: 'p.txt' });
      const bytes = await client.files.downloadBytes(uploaded.storedName);
      expect(new TextDecoder().decode(bytes)).toBe('pinned file');
      await client.stop();
      const refused = createNodeClient({
        server: tlsServer.url,
        credentials: { method: 'id', userId: id, password: PASSWORD },
        stateDir: join(root, 'tls-refused'),
        tls: { pinSha256: '00'.repeat(32) },
        session: { reconnectMaxAttempts: 0 },
      });
      await expect(refused.start()).rejects.toMatchObject({ code: 'TRANSPORT_TLS_PIN_MISMATCH' });
      await refused.stop();
      expect(tlsServer.hazards()).toEqual([]);
    } finally {
      await tlsServer.close();
    }
  });
});
