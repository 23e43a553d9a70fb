import { readFileSync } from 'node:fs';
import {
  createPureEcdh,
  type EcdhProvider,
  keyPairFromPrivateKey,
  keyPrintOf,
  makeTempKey,
  type StoredKey,
} from '@birdtalk/crypto';
import { hasErrorName, isBirdTalkError } from '@birdtalk/errors';
import { ComMsgType, UserOperationType } from '@birdtalk/proto';
import { seededRandom } from '@birdtalk/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { SessionErrorCode, type SessionState } from '../src/index.js';
import { harness, PASSWORD, payloads, requests, until } from './helpers.js';

const vectors = JSON.parse(
  readFileSync(new URL('../../crypto/test/vectors/crypto.json', import.meta.url), 'utf8'),
) as {
  ecdh: Array<{ clientPrivHex: string; serverPrivHex: string; serverAccepts: boolean }>;
};
const refused = vectors.ecdh.find((entry) => !entry.serverAccepts)!;
const hex = (text: string) => Uint8Array.from(text.match(/../g)!, (byte) => Number.parseInt(byte, 16));

/** An ECDH provider that hands out fixed key pairs first, then random ones. */
function scriptedEcdh(privateKeys: string[], seed: number): EcdhProvider {
  const fallback = createPureEcdh(seededRandom(seed));
  const queue = [...privateKeys];
  return {
    name: 'scripted',
    async generateKeyPair() {
      const next = queue.shift();
      return next === undefined ? fallback.generateKeyPair() : keyPairFromPrivateKey(hex(next));
    },
  };
}

let hazards: () => string[] = () => [];
afterEach(() => {
  expect(hazards()).toEqual([]);
});

describe('the first connection', () => {
  it('says hello, exchanges keys, logs in, and stores the key only after stage 4', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const saves: Array<{ key: StoredKey; serverSaw: string[] }> = [];
    const save = h.keyStore.save.bind(h.keyStore);
    h.keyStore.save = async (key) => {
      saves.push({ key, serverSaw: payloads(h.server) });
      return save(key);
    };
    const session = h.session();
    const states: SessionState[] = [];
    session.on('state', ({ to }) => states.push(to));
    const ready = h.record(session, 'ready');
    const user = await session.start();

    expect(user.userId).toBe('10001');
    expect(states).toEqual(['connecting', 'hello', 'key-exchange', 'awaiting-login', 'ready']);
    expect(requests(h.server)).toEqual(['hello', 'keyEx', 'keyEx', 'userOp']);
    const [hello, stage1, stage3, login] = h.server.connections[0]!.received.filter(
      (m) => m.plainMsg?.message !== 'heartBeat',
    );
    expect(hello!.plainMsg?.hello?.keyPrint).toBe('0');
    expect(stage1!.plainMsg?.keyEx).toMatchObject({ stage: 1, rsaPrint: '0', encType: 'AES-CTR' });
    expect(new TextDecoder().decode(stage1!.plainMsg?.keyEx?.pubKey)).toContain('BEGIN PUBLIC KEY');
    expect(stage3!.plainMsg?.keyEx?.stage).toBe(3);
    expect(login!.plainMsg?.userOp).toMatchObject({
      operation: UserOperationType.Login,
      params: { loginmode: 'id' },
    });
    // Saved first when the server had seen stage 3 (so stage 4 had been answered), then re-saved with the user.
    expect(saves[0]!.serverSaw.filter((p) => p !== 'heartBeat')).toEqual(['hello', 'keyEx', 'keyEx']);
    expect(saves[0]!.key.userId).toBeUndefined();
    expect(saves.at(-1)!.key.userId).toBe('10001');
    const stored = await h.keyStore.load(h.server.url, '10001');
    expect(stored?.keyPrint).toBe(stage3!.plainMsg?.keyEx?.keyPrint);
    expect(ready).toEqual([{ user, fastLogin: false, connection: 1 }]);
    expect(session.currentKey?.keyPrint).toBe(stored?.keyPrint);
    await session.close();
  });

  it('sends the hello this SDK describes, with the caller’s overrides', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session({
      helloParams: { Lang: 'de-CH', Extra: 'yes', TimeZone: undefined },
      platform: 'robot',
    });
    await session.start();
    const msg = h.server.connections[0]!.received[0]!;
    expect(msg.version).toBe(1);
    expect(msg.msgType).toBe(ComMsgType.MsgTHello);
    const hello = msg.plainMsg?.hello;
    expect(hello).toMatchObject({
      clientId: 'device-1',
      version: packageJson.version,
      platform: 'robot',
      stage: 'clienthello',
    });
    expect(hello?.params).toMatchObject({
      Lang: 'de-CH',
      Extra: 'yes',
      Sdk: `birdtalk-ts/${packageJson.version}`,
      Runtime: `node/${process.versions.node}`,
    });
    expect(hello?.params.TimeZone).toBeUndefined();
    expect(hello?.params.CountryCode).toBeDefined();
    await session.close();
  });

  it('uses ChaCha20 when asked', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session({ encType: 'chacha20' });
    await session.start();
    expect((await h.keyStore.load(h.server.url, '10001'))?.encType).toBe('chacha20');
    await session.close();
    const again = h.session({ encType: 'chacha20' });
    await again.start();
    expect(requests(h.server, 1)).toEqual(['hello']);
    await again.close();
  });
});

describe('the next connections', () => {
  it('log in fast with the stored key: one token hello, no password', async () => {
    const h = harness();
    hazards = h.server.hazards;
    await (await startAndClose(h.session()))();
    const session = h.session();
    const ready = h.record(session, 'ready');
    await session.start();
    expect(requests(h.server, 1)).toEqual(['hello']);
    const hello = h.server.connections[1]!.received[0]!;
    expect(hello.plainMsg?.hello?.keyPrint).not.toBe('0');
    expect(hello.plainMsg?.hello?.params.checkTokenData).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(ready[0]?.fastLogin).toBe(true);
    await session.close();
  });

  it('make no abort controller for a fast re-login, not even for the connection attempt', async () => {
    const h = harness();
    hazards = h.server.hazards;
    await (await startAndClose(h.session()))();
    const session = h.session();
    const Original = globalThis.AbortController;
    let made = 0;
    globalThis.AbortController = class extends Original {
      constructor() {
        super();
        made += 1;
      }
    };
    try {
      await session.start();
    } finally {
      globalThis.AbortController = Original;
    }
    // The connector takes cancelWith, so close() abandons the attempt without one; a login waiting for a mailed
    // code gets its own.
    expect(made).toBe(0);
    await session.close();
  });

  it('log in with the password when the key is known but bound to no user (needlogin)', async () => {
    const h = harness();
    hazards = h.server.hazards;
    await (await startAndClose(h.session()))();
    for (const token of h.server.tokens.values()) token.uid = '0';
    const session = h.session();
    await session.start();
    expect(requests(h.server, 1)).toEqual(['hello', 'userOp']);
    expect(h.server.connections[1]!.received[0]!.plainMsg?.hello?.keyPrint).not.toBe('0');
    await session.close();
  });

  it.each([
    ['error 2 (the server forgot the key)', (tokens: Map<string, unknown>) => tokens.clear()],
    [
      'error 13 (the key does not verify)',
      (tokens: Map<string, { key: Uint8Array }>) => {
        for (const token of tokens.values()) token.key = new Uint8Array(32).fill(7);
      },
    ],
  ])('forget the key on %s and exchange a new one on the same connection', async (_name, spoil) => {
    const h = harness();
    hazards = h.server.hazards;
    await (await startAndClose(h.session()))();
    const before = (await h.keyStore.load(h.server.url, '10001'))!.keyPrint;
    spoil(h.server.tokens as never);
    const removed: string[] = [];
    const remove = h.keyStore.remove.bind(h.keyStore);
    h.keyStore.remove = async (url, account) => {
      removed.push(account);
      return remove(url, account);
    };
    const session = h.session();
    await session.start();
    expect(removed).toEqual(['10001']);
    expect(requests(h.server, 1)).toEqual(['hello', 'hello', 'keyEx', 'keyEx', 'userOp']);
    expect(
      h.server.connections[1]!.received.filter((m) => m.plainMsg?.message === 'hello')[1]!.plainMsg?.hello
        ?.keyPrint,
    ).toBe('0');
    const after = (await h.keyStore.load(h.server.url, '10001'))!.keyPrint;
    expect(after).not.toBe(before);
    await session.close();
  });

  it('refuse a key that logs in another user, forget it, and start over', async () => {
    const h = harness();
    hazards = h.server.hazards;
    await (await startAndClose(h.session()))();
    for (const token of h.server.tokens.values()) token.uid = '10002';
    const session = h.session({ reconnectBaseMs: 10 });
    const disconnected = h.record(session, 'reconnecting');
    const started = session.start();
    await until(() => disconnected.length === 1, 'a reconnect');
    expect(isBirdTalkError(disconnected[0]!.error, SessionErrorCode.HANDSHAKE_WRONG_ACCOUNT)).toBe(true);
    expect(await h.keyStore.load(h.server.url, '10001')).toBeUndefined();
    await h.clock.advance(10);
    await expect(started).resolves.toMatchObject({ userId: '10001' });
    expect(requests(h.server, 2)).toEqual(['hello', 'keyEx', 'keyEx', 'userOp']);
    await session.close();
  });
});

describe('key exchange failures', () => {
  it('retries with a fresh key pair when the server refuses the secret (error 11)', async () => {
    const h = harness({ ecdh: scriptedEcdh([refused.serverPrivHex], 5) });
    hazards = h.server.hazards;
    const session = h.session({}, { ecdh: scriptedEcdh([refused.clientPrivHex], 6) });
    await session.start();
    const stage1s = h.server.connections[0]!.received.filter((m) => m.plainMsg?.keyEx?.stage === 1);
    expect(stage1s).toHaveLength(2);
    expect(stage1s[0]!.plainMsg?.keyEx?.pubKey).not.toEqual(stage1s[1]!.plainMsg?.keyEx?.pubKey);
    await session.close();
  });

  it('gives up after maxKeyExchangeAttempts refusals, with a typed error naming the stage', async () => {
    const h = harness();
    hazards = h.server.hazards;
    h.server.handle('keyEx', (msg, peer) => {
      if (msg.plainMsg?.keyEx?.stage !== 1) return false;
      peer.sendError(11, 'calculate share key error: share key less than 32 bytes');
      return true;
    });
    const session = h.session({ reconnectMaxAttempts: 0 });
    const error = await session.start().catch((e: unknown) => e);
    expect(isBirdTalkError(error, SessionErrorCode.HANDSHAKE_KEY_RETRIES)).toBe(true);
    expect((error as { details: { stage: string } }).details.stage).toBe('key-exchange-1');
    expect(session.closeReason).toBe('gave-up');
    expect(h.server.connections[0]!.received.filter((m) => m.plainMsg?.keyEx?.stage === 1)).toHaveLength(5);
    expect(await h.keyStore.load(h.server.url, '10001')).toBeUndefined();
  });

  it.each([
    [
      'keyPrint',
      (secret: Uint8Array, tm: number) => ({
        keyPrint: '12345',
        tempKey: makeTempKey('AES-CTR', secret, tm),
      }),
    ],
    [
      'tempKey',
      (secret: Uint8Array, tm: number) => ({
        keyPrint: keyPrintOf(secret),
        tempKey: makeTempKey('AES-CTR', secret, tm + 1),
      }),
    ],
  ])('refuses a stage 2 whose %s does not verify, and never sends stage 3', async (check, forge) => {
    const h = harness();
    hazards = h.server.hazards;
    const serverEcdh = createPureEcdh(seededRandom(42));
    h.server.handle('keyEx', (msg, peer) => {
      if (msg.plainMsg?.keyEx?.stage !== 1) return false;
      void (async () => {
        const pair = await serverEcdh.generateKeyPair();
        const { publicKeyFromPem } = await import('@birdtalk/crypto');
        const secret = await pair.deriveSecret(publicKeyFromPem(msg.plainMsg!.keyEx!.pubKey));
        const tm = h.clock.now();
        peer.send(
          ComMsgType.MsgTKeyExchange,
          {
            keyEx: {
              stage: 2,
              pubKey: new TextEncoder().encode(pair.publicKeyPem),
              encType: 'AES-CTR',
              status: 'ready',
              ...forge(secret, tm),
            },
          },
          tm,
        );
      })();
      return true;
    });
    const session = h.session({ reconnectMaxAttempts: 0 });
    const error = await session.start().catch((e: unknown) => e);
    expect(isBirdTalkError(error, SessionErrorCode.HANDSHAKE_UNVERIFIED)).toBe(true);
    expect((error as { details: { check: string } }).details.check).toBe(check);
    expect(h.server.connections[0]!.received.some((m) => m.plainMsg?.keyEx?.stage === 3)).toBe(false);
    expect(await h.keyStore.load(h.server.url, '10001')).toBeUndefined();
  });

  it('ends a stage the server never answers with a timeout on the injected clock, and stores nothing', async () => {
    const h = harness();
    hazards = h.server.hazards;
    h.server.handle('keyEx', (msg) => msg.plainMsg?.keyEx?.stage === 3);
    const session = h.session({ reconnectMaxAttempts: 0, handshakeStageTimeoutMs: 10_000 });
    const result = session.start().catch((e: unknown) => e);
    await until(
      () => h.server.connections[0]?.received.some((m) => m.plainMsg?.keyEx?.stage === 3) ?? false,
      'stage 3',
    );
    await h.clock.advance(9_999);
    expect(session.state).toBe('key-exchange');
    await h.clock.advance(1);
    const error = await result;
    expect(isBirdTalkError(error, SessionErrorCode.HANDSHAKE_TIMEOUT)).toBe(true);
    expect((error as { details: { stage: string } }).details.stage).toBe('key-exchange-3');
    expect(await h.keyStore.load(h.server.url, '10001')).toBeUndefined();
  });

  it('can skip the key exchange entirely', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session({ keyExchange: false });
    await session.start();
    expect(requests(h.server)).toEqual(['hello', 'userOp']);
    await session.close();
  });
});

describe('logging in', () => {
  it('refuses wrong credentials for good, without the password in any error or log line', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const wrong = 'not-the-password-at-all';
    const session = h.session({ credentials: { method: 'id', userId: '10001', password: wrong } });
    const closed = h.record(session, 'closed');
    const error = await session.start().catch((e: unknown) => e);
    expect(isBirdTalkError(error, SessionErrorCode.LOGIN_REJECTED)).toBe(true);
    expect((error as { serverCode: number }).serverCode).toBe(14);
    // Said once: "the server refused login: error 14 …", not twice over.
    expect((error as Error).message).toMatch(/^the server refused login: error 14\b/);
    expect((error as Error).message.match(/refused/g)).toHaveLength(1);
    expect(closed).toEqual([{ reason: 'auth-failed', error }]);
    // The server echoed the password in params.value (§5.4).
    const wire = h.server.connections[0]!.received.find((m) => m.plainMsg?.message === 'userOp');
    expect(wire?.plainMsg?.userOp?.user?.params.pwd).toBe(wrong);
    const everything = JSON.stringify([h.logger.records, serialise(error)]);
    expect(everything).not.toContain(wrong);
    expect(h.logger.records.some((r) => r.message === 'frame out')).toBe(true);
    expect(h.server.connections).toHaveLength(1);
  });

  it('keeps check tokens out of logs even when the server quotes them', async () => {
    const h = harness();
    hazards = h.server.hazards;
    await (await startAndClose(h.session()))();
    for (const token of h.server.tokens.values()) token.key = new Uint8Array(32).fill(9);
    const session = h.session();
    await session.start();
    const token = h.server.connections[1]!.received[0]!.plainMsg?.hello?.params.checkTokenData;
    expect(token).toBeDefined();
    expect(JSON.stringify(h.logger.records)).not.toContain(token);
    expect(JSON.stringify(h.logger.records)).not.toContain(PASSWORD);
    await session.close();
  });

  it.each([
    [
      'e-mail + password login',
      { method: 'email', email: 'ada@example.com', password: PASSWORD },
      'REFUSED_EMAIL_LOGIN',
    ],
    ['e-mail code login', { method: 'email-code', email: 'ada@example.com' }, 'REFUSED_EMAIL_LOGIN'],
    [
      'e-mail registration',
      { method: 'register', userName: 'dee', password: 'dee-password', email: 'dee@example.com' },
      'REFUSED_EMAIL_REGISTRATION',
    ],
  ] as const)(
    'refuses %s by default, for good, sending no user operation',
    async (_name, credentials, code) => {
      const h = harness();
      hazards = h.server.hazards;
      const session = h.session({ credentials }, { requestCode: async () => '12345' });
      const error = await session.start().catch((e: unknown) => e);
      expect(hasErrorName(error, 'RefusedError')).toBe(true);
      expect(isBirdTalkError(error, code)).toBe(true);
      expect((error as Error).message).toContain('mail a code');
      expect(session.closeReason).toBe('auth-failed');
      expect(h.server.connections).toHaveLength(1);
      expect(requests(h.server, 0)).not.toContain('userOp');
    },
  );

  it('logs in by e-mail and password, always with regmode "email"', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session({
      credentials: { method: 'email', email: 'ada@example.com', password: PASSWORD },
      allowServerCrashingRequests: true,
    });
    expect((await session.start()).userId).toBe('10001');
    const login = h.server.connections[0]!.received.find((m) => m.plainMsg?.message === 'userOp')!;
    expect(login.plainMsg?.userOp?.params).toEqual({ loginmode: 'email', regmode: 'email' });
    await session.close();
  });

  it('never registers an unknown e-mail by accident', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const users = h.server.users.size;
    const session = h.session({
      credentials: { method: 'email', email: 'nobody@example.com', password: 'x1234' },
      allowServerCrashingRequests: true,
    });
    const error = await session.start().catch((e: unknown) => e);
    expect(isBirdTalkError(error, SessionErrorCode.LOGIN_UNKNOWN_EMAIL)).toBe(true);
    expect(session.closeReason).toBe('auth-failed');
    expect(h.server.users.size).toBe(users);
  });

  it('logs in by e-mail code, asking the callback again after a wrong code, and keeps codes out of logs', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const asked: number[] = [];
    const session = h.session(
      { credentials: { method: 'email-code', email: 'ada@example.com' }, allowServerCrashingRequests: true },
      {
        requestCode: async ({ attempt, purpose, email }) => {
          asked.push(attempt);
          expect([purpose, email]).toEqual(['login', 'ada@example.com']);
          return attempt === 1 ? '99999' : '12345';
        },
      },
    );
    expect((await session.start()).userId).toBe('10001');
    expect(asked).toEqual([1, 2]);
    const logs = JSON.stringify(h.logger.records);
    expect(logs).not.toContain('99999');
    expect(logs).not.toContain('12345');
    await session.close();
  });

  it('aborts the code request when the connection goes during the login, and not once logged in', async () => {
    const credentials = { method: 'email-code', email: 'ada@example.com' } as const;
    const waiting = harness();
    hazards = waiting.server.hazards;
    let pending: AbortSignal | undefined;
    const first = waiting.session(
      { credentials, allowServerCrashingRequests: true },
      {
        // The code never comes: only the abort ends the wait.
        requestCode: ({ signal }) => {
          pending = signal;
          return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        },
      },
    );
    void first.start().catch(() => {});
    await until(() => pending !== undefined, 'the code request');
    expect(pending!.aborted).toBe(false);
    waiting.server.connections[0]!.drop();
    await until(() => pending!.aborted, 'the abort');
    await first.close();

    const h = harness();
    hazards = h.server.hazards;
    let used: AbortSignal | undefined;
    const second = h.session(
      { credentials, allowServerCrashingRequests: true },
      {
        requestCode: async ({ signal }) => {
          used = signal;
          return '12345';
        },
      },
    );
    await second.start();
    h.server.connections[0]!.drop();
    await until(() => second.state === 'reconnecting', 'the drop');
    expect(used!.aborted).toBe(false);
    await second.close();
  });

  it('reconnects and asks for a fresh code when the connection goes while the code is awaited', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const requests: AbortSignal[] = [];
    const session = h.session(
      { credentials: { method: 'email-code', email: 'ada@example.com' }, allowServerCrashingRequests: true },
      {
        // The first request waits until its connection goes; the one after the reconnect answers at once.
        requestCode: ({ signal }) => {
          requests.push(signal);
          if (requests.length > 1) return Promise.resolve('12345');
          return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        },
      },
    );
    const closes: string[] = [];
    session.on('closed', ({ reason }) => closes.push(reason));
    const started = session.start();
    await until(() => requests.length === 1, 'the first code request');
    h.server.connections[0]!.drop();
    await until(() => session.state === 'reconnecting', 'the drop');
    await h.clock.advance(30_000);
    await started;
    expect(session.state).toBe('ready');
    expect(requests).toHaveLength(2);
    expect(isBirdTalkError(requests[0]!.reason, SessionErrorCode.CONNECTION_LOST)).toBe(true);
    expect(closes).toEqual([]);
    await session.close();
  });

  it('fails a code login for good when no code can be had', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session({
      credentials: { method: 'email-code', email: 'ada@example.com' },
      allowServerCrashingRequests: true,
    });
    const error = await session.start().catch((e: unknown) => e);
    expect(isBirdTalkError(error, SessionErrorCode.LOGIN_CODE_UNAVAILABLE)).toBe(true);
    expect(hasErrorName(error, 'StateError')).toBe(true);
  });

  it('registers anonymously, hides the echoed password, and binds the key to the new account', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session({
      credentials: { method: 'register', userName: 'cyd', password: 'cyd-password-1' },
    });
    const registered = h.record(session, 'registered');
    const user = await session.start();
    expect(user.userId).toBe('10003');
    expect(user.params.pwd).toBeUndefined();
    expect(registered).toEqual([{ user }]);
    const key = await h.keyStore.load(h.server.url, '10003');
    expect(key?.userId).toBe('10003');
    expect(await h.keyStore.load(h.server.url, 'register:cyd')).toBeUndefined();
    expect(JSON.stringify(h.logger.records)).not.toContain('cyd-password-1');
    // The next connection logs in as the new account, fast.
    h.server.connections[0]!.drop();
    await until(() => session.state === 'reconnecting', 'a reconnect');
    await h.clock.advance(1_000);
    await until(() => session.state === 'ready' && h.server.connections.length === 2, 'ready again');
    expect(requests(h.server, 1)).toEqual(['hello']);
    await session.close();
  });

  it('registers by e-mail code', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session(
      {
        credentials: {
          method: 'register',
          userName: 'dee',
          password: 'dee-password',
          email: 'dee@example.com',
        },
        allowServerCrashingRequests: true,
      },
      { requestCode: async () => '12345' },
    );
    const user = await session.start();
    expect(h.server.users.get(user.userId)?.email).toBe('dee@example.com');
    await session.close();
  });
});

async function startAndClose(session: { start(): Promise<unknown>; close(): Promise<void> }) {
  await session.start();
  return () => session.close();
}

function serialise(error: unknown): unknown {
  const e = error as Record<string, unknown> & Error;
  return { ...e, message: e.message, cause: e.cause === undefined ? undefined : serialise(e.cause) };
}

describe('an unusual registration reply', () => {
  it('logs in to an account the server created but could not load (needlogin), instead of registering again', async () => {
    const h = harness();
    hazards = h.server.hazards;
    h.server.handle('userOp', (msg, peer) => {
      const op = msg.plainMsg?.userOp;
      if (op?.operation !== UserOperationType.RegisterUser) return false;
      h.server.users.set('10003', { password: op.user?.params.pwd ?? '' });
      peer.send(ComMsgType.MsgTUserOpRet, {
        userOpRet: {
          operation: UserOperationType.RegisterUser,
          result: 'ok',
          status: 'needlogin',
          users: [{ userId: '10003' }],
        },
      });
      return true;
    });
    const session = h.session({
      credentials: { method: 'register', userName: 'eve', password: 'eve-password' },
    });
    expect((await session.start()).userId).toBe('10003');
    expect(h.server.users.size).toBe(3);
    await session.close();
  });

  it('knows the account a registration created when its reply was lost and the token logs in', async () => {
    const h = harness();
    hazards = h.server.hazards;
    h.server.handle('userOp', (msg, peer) => {
      if (
        msg.plainMsg?.userOp?.operation !== UserOperationType.RegisterUser ||
        h.server.connections.length > 1
      )
        return false;
      // The server creates the account and binds the key, but its reply never arrives.
      (peer as { send: unknown }).send = () => peer.drop();
      return false;
    });
    const session = h.session({
      credentials: { method: 'register', userName: 'fay', password: 'fay-password' },
    });
    const registered = h.record(session, 'registered');
    const started = session.start();
    await until(() => session.state === 'reconnecting', 'the lost reply');
    await h.clock.advance(1_000);
    const user = await started;
    expect(user.userId).toBe('10003');
    expect(h.server.connections).toHaveLength(2);
    expect(requests(h.server, 1)).toEqual(['hello']);
    expect(registered).toEqual([{ user }]);
    expect((await h.keyStore.load(h.server.url, '10003'))?.userId).toBe('10003');
    expect(await h.keyStore.load(h.server.url, 'register:fay')).toBeUndefined();
    // The server forgets the token: the session logs in to the account it has, it does not register again.
    h.server.tokens.clear();
    h.server.connections[1]!.drop();
    await until(() => session.state === 'reconnecting', 'a reconnect');
    await h.clock.advance(1_000);
    await until(() => session.state === 'ready' && h.server.connections.length === 3, 'ready again');
    expect(session.user?.userId).toBe('10003');
    expect(h.server.users.size).toBe(3);
    expect(registered).toHaveLength(1);
    await session.close();
  });
});
