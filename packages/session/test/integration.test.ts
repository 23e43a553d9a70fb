import { readFileSync } from 'node:fs';
import {
  createMemoryKeyStore,
  createPureEcdh,
  type EcdhProvider,
  type KeyStore,
  keyPairFromPrivateKey,
} from '@birdtalk/crypto';
import { isBirdTalkError } from '@birdtalk/errors';
import { ChatType, UserOperationType } from '@birdtalk/proto';
import { type Random, seededRandom, systemRandom } from '@birdtalk/runtime';
import { createMemoryLogger, FakeClock, type MemoryLogger } from '@birdtalk/runtime/testing';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Credentials,
  createSession,
  type Session,
  SessionErrorCode,
  type SessionOptions,
} from '../src/index.js';
import { until } from './helpers.js';

const vectors = JSON.parse(
  readFileSync(new URL('../../crypto/test/vectors/crypto.json', import.meta.url), 'utf8'),
) as {
  ecdh: Array<{ clientPrivHex: string; serverPrivHex: string; serverAccepts: boolean }>;
};
const refused = vectors.ecdh.find((entry) => !entry.serverAccepts)!;
const hex = (text: string) => Uint8Array.from(text.match(/../g)!, (byte) => Number.parseInt(byte, 16));
const text = (value: string) => new TextEncoder().encode(value);
const PASSWORD = 'integration-password';

let clock: FakeClock;
let server: BirdTalkServer;
let keyStore: KeyStore;
let ada: string;
let bob: string;
const sessions: Session[] = [];
let logger: MemoryLogger;
const logged = (message: string) => logger.records.filter((record) => record.message === message);

async function start(random: Random = systemRandom): Promise<void> {
  server = await createServer({ strict: true, listen: false, clock, random });
  ada = await server.createUser({ userName: 'ada', password: PASSWORD });
  bob = await server.createUser({ userName: 'bob', password: PASSWORD });
  // P2P chat needs the recipient to follow the sender (reference §6.3).
  await server.follow(bob, ada);
  await server.follow(ada, bob);
}

function session(
  options: Partial<SessionOptions> = {},
  deps: { ecdh?: EcdhProvider; keyStore?: KeyStore } = {},
): Session {
  const credentials: Credentials = { method: 'id', userId: ada, password: PASSWORD };
  const created = createSession(
    { url: 'ws://reference.invalid/ws', credentials, clientId: 'integration', ...options },
    {
      connector: server.connector(),
      clock,
      random: seededRandom(11),
      keyStore: deps.keyStore ?? keyStore,
      ecdh: deps.ecdh ?? createPureEcdh(seededRandom(12)),
      logger,
    },
  );
  sessions.push(created);
  return created;
}

beforeEach(async () => {
  clock = new FakeClock(1_750_000_000_000);
  keyStore = createMemoryKeyStore();
  logger = createMemoryLogger({ level: 'info' });
  await start();
});

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  const hazards = server.hazards();
  await server.close();
  expect(hazards).toEqual([]);
});

describe('against the reference server (strict mode)', () => {
  it('runs the first handshake with a key exchange, then logs in fast on the next connect', async () => {
    const first = session();
    const firstReady = waitReady(first);
    expect((await first.start()).userId).toBe(ada);
    expect((await firstReady).fastLogin).toBe(false);
    const key = await keyStore.load('ws://reference.invalid/ws', ada);
    expect(key?.userId).toBe(ada);
    await first.close();

    const second = session();
    const secondReady = waitReady(second);
    await second.start();
    expect((await secondReady).fastLogin).toBe(true);
    expect(second.currentKey?.keyPrint).toBe(key?.keyPrint);
  });

  it('verifyPassword: a wrong password is refused although the stored key would log in, and the key stays', async () => {
    const first = session();
    await first.start();
    await first.close();
    const key = await keyStore.load('ws://reference.invalid/ws', ada);

    const wrong = session({
      credentials: { method: 'id', userId: ada, password: 'not-it' },
      verifyPassword: true,
    });
    await expect(wrong.start()).rejects.toMatchObject({ code: SessionErrorCode.LOGIN_REJECTED });
    expect((await keyStore.load('ws://reference.invalid/ws', ada))?.keyPrint).toBe(key?.keyPrint);

    // Without it the stored key logs in and the password is never looked at; the key still works after the refusal.
    const unchecked = session({ credentials: { method: 'id', userId: ada, password: 'not-it' } });
    const uncheckedReady = waitReady(unchecked);
    await unchecked.start();
    expect((await uncheckedReady).fastLogin).toBe(true);
    await unchecked.close();

    const right = session({ verifyPassword: true });
    const rightReady = waitReady(right);
    await right.start();
    expect((await rightReady).fastLogin).toBe(false);
  });

  it('recovers from error 11 with a fresh key pair', async () => {
    await server.close();
    // The server's first key pair is the vector's, and so is ours: the secret starts with a zero byte.
    let served = false;
    // Seeded after the vector's key, so the retry is the same exchange every run (and one the server accepts):
    // fresh system randomness would be refused again about once in 256 runs.
    const after = seededRandom(21);
    const random: Random = {
      bytes(length) {
        if (!served && length === 32) {
          served = true;
          return hex(refused.serverPrivHex);
        }
        return after.bytes(length);
      },
      float: () => after.float(),
    };
    await start(random);
    const fallback = createPureEcdh(seededRandom(13));
    let first = true;
    const ecdh: EcdhProvider = {
      name: 'vector-first',
      async generateKeyPair() {
        if (!first) return fallback.generateKeyPair();
        first = false;
        return keyPairFromPrivateKey(hex(refused.clientPrivHex));
      },
    };
    const s = session({}, { ecdh });
    await s.start();
    expect(first).toBe(false);
    expect(served).toBe(true);
    expect(logged('the server refused the key pair (error 11); trying a fresh one')).toHaveLength(1);
    expect(await keyStore.load('ws://reference.invalid/ws', ada)).toBeDefined();
  });

  it('recovers from error 2 (a server that does not know the key)', async () => {
    const first = session();
    await first.start();
    await first.close();
    const hazards = server.hazards();
    await server.close();
    expect(hazards).toEqual([]);
    await start();
    // The stored key names user ada of the old server; the new server's ada has the same id.
    const s = session({ credentials: { method: 'id', userId: ada, password: PASSWORD } });
    const ready = waitReady(s);
    await s.start();
    expect((await ready).fastLogin).toBe(false);
    expect(s.currentKey).toBeDefined();
    expect(
      logged('the server refused the stored key; exchanging a new one').map((r) => r.fields.serverCode),
    ).toEqual([2]);
  });

  it('recovers from error 13 (a key that does not verify)', async () => {
    const first = session();
    await first.start();
    await first.close();
    // Offer the right keyPrint with a token the server cannot verify.
    const spoiled: KeyStore = {
      load: async (url, account) => {
        const key = await keyStore.load(url, account);
        return key === undefined
          ? undefined
          : { ...key, encType: key.encType === 'AES-CTR' ? 'chacha20' : 'AES-CTR' };
      },
      save: (key) => keyStore.save(key),
      remove: (url, account) => keyStore.remove(url, account),
    };
    const s = session({}, { keyStore: spoiled });
    const ready = waitReady(s);
    await s.start();
    expect((await ready).fastLogin).toBe(false);
    expect(
      logged('the server refused the stored key; exchanging a new one').map((r) => r.fields.serverCode),
    ).toEqual([13]);
  });

  it('delivers chats and receipts between two sessions', async () => {
    const alice = session();
    const bobSession = session(
      { credentials: { method: 'id', userId: bob, password: PASSWORD } },
      { keyStore: createMemoryKeyStore() },
    );
    const received = new Promise<{ msgId: string; sendId: string; fromId: string; data: Uint8Array }>(
      (resolve) => {
        bobSession.on('chat', ({ chat }) => resolve(chat));
      },
    );
    const receipt = new Promise<string>((resolve) => alice.on('receipt', (r) => resolve(r.msgId)));
    await Promise.all([alice.start(), bobSession.start()]);
    const ack = await alice.sendChat({ toId: bob, chatType: ChatType.ChatTypeP2P, data: text('hello bob') });
    const chat = await received;
    expect(new TextDecoder().decode(chat.data)).toBe('hello bob');
    expect(chat.msgId).toBe(ack.msgId);
    await bobSession.sendReceipt({
      msgId: chat.msgId,
      sendId: chat.sendId,
      userId: chat.fromId,
      recvOk: clock.now(),
    });
    expect(await receipt).toBe(ack.msgId);
  });

  it('comes back on its own when the server drops the connection mid-conversation, and loses nothing', async () => {
    const s = session({ reconnectBaseMs: 100 });
    await s.start();
    let drops = 0;
    s.on('disconnected', () => {
      drops += 1;
      server.faults.clear();
    });
    server.faults.set({ dropAfterFrames: 3 });
    const bodies = ['one', 'two', 'three', 'four', 'five'];
    const acks = Promise.all(
      bodies.map((body) => s.sendChat({ toId: bob, chatType: ChatType.ChatTypeP2P, data: text(body) })),
    );
    await until(() => drops === 1, 'the drop');
    await clock.advance(100);
    const done = await acks;
    expect(done).toHaveLength(5);
    const stored = server.getMessages(bob).map((m) => new TextDecoder().decode(m.data));
    for (const body of bodies) expect(stored).toContain(body);
    expect(s.state).toBe('ready');
  });

  it('detects a silent server and reconnects', async () => {
    const s = session({ reconnectBaseMs: 100 });
    const disconnected: unknown[] = [];
    s.on('disconnected', ({ error }) => disconnected.push(error));
    await s.start();
    server.faults.set({ silent: true, ignorePings: true });
    await clock.advance(75_000);
    await until(() => disconnected.length === 1, 'the silence to be noticed');
    expect(isBirdTalkError(disconnected[0], SessionErrorCode.PEER_SILENT)).toBe(true);
    server.faults.clear();
    await clock.advance(100);
    await until(() => s.state === 'ready', 'the reconnect');
    const result = await s.friendOp({ operation: UserOperationType.ListFriends, params: { mode: 'fans' } });
    expect(result.users.map((u) => u.userId)).toContain(bob);
  });

  it('rejects pending requests on close()', async () => {
    const s = session();
    await s.start();
    server.faults.set({ silent: true });
    const pending = s.friendOp({ operation: UserOperationType.ListFriends }).catch((e: unknown) => e);
    await clock.advance(10);
    await s.close();
    expect(isBirdTalkError(await pending, SessionErrorCode.SESSION_CLOSED)).toBe(true);
  });

  it('reports server refusals with their codes', async () => {
    const s = session();
    await s.start();
    const error = await s
      .friendOp({ operation: UserOperationType.AddFriend, user: { userId: '99999' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProtocolError', serverCode: 14 });
  });
});

function waitReady(s: Session) {
  return new Promise<{ fastLogin: boolean }>((resolve) => s.on('ready', resolve));
}
