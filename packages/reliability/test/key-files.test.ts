import { existsSync } from 'node:fs';
import { link, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPureEcdh, type KeyStore } from '@birdtalk/crypto';
import { createFileKeyStore, keyFileName } from '@birdtalk/crypto/file-store';
import { isBirdTalkError } from '@birdtalk/errors';
import { decodeMsg, type Msg } from '@birdtalk/proto';
import { seededRandom } from '@birdtalk/runtime';
import { FakeClock, flushEventLoop } from '@birdtalk/runtime/testing';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { createSession, type Session, SessionErrorCode, type SessionOptions } from '@birdtalk/session';
import type { Connector, Transport } from '@birdtalk/transport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const URL = 'ws://reference.invalid/ws';
const PASSWORD = 'key-file-password';

let dir: string;
let keyDir: string;
let clock: FakeClock;
let server: BirdTalkServer;
let userId: string;
const sessions: Session[] = [];
const servers: BirdTalkServer[] = [];

async function startServer(): Promise<void> {
  server = await createServer({ listen: false, clock, random: seededRandom(servers.length + 1) });
  servers.push(server);
  userId = await server.createUser({ userName: 'keeper', password: PASSWORD });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'birdtalk-keys-'));
  keyDir = join(dir, 'keys');
  clock = new FakeClock(1_750_000_000_000);
  await startServer();
});

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
  for (const s of servers.splice(0)) await s.close();
  await rm(dir, { recursive: true, force: true });
});

const keyFile = (): string => join(keyDir, keyFileName(URL, userId));

/** What the test sees of a connection: frames the session sends, and server frames before the session does. */
interface Observer {
  onSend?(msg: Msg): void;
  /** Return `false` to keep the frame from the session (as if the server never sent it). */
  onReceive?(msg: Msg): boolean | undefined;
}

/** The reference server's in-memory connector, with the frames in both directions shown to `observer`. */
function observed(observer: Observer): Connector {
  return async (url, options) => {
    const transport = await server.connector()(url, options);
    const wrapped = Object.create(transport) as Transport;
    Object.defineProperties(wrapped, {
      send: {
        value: (frame: Uint8Array) => {
          observer.onSend?.(decodeMsg(frame));
          transport.send(frame);
        },
      },
      on: {
        value: (event: string, listener: (...args: unknown[]) => void, opts?: unknown) => {
          const on = transport.on.bind(transport) as (
            e: string,
            l: (...a: unknown[]) => void,
            o?: unknown,
          ) => () => void;
          if (event !== 'frame') return on(event, listener, opts);
          return on(
            event,
            (frame) => {
              if (observer.onReceive?.(decodeMsg(frame as Uint8Array)) === false) return;
              listener(frame);
            },
            opts,
          );
        },
      },
      sendText: { value: transport.sendText.bind(transport) },
      ping: { value: transport.ping.bind(transport) },
      close: { value: transport.close.bind(transport) },
      terminate: { value: transport.terminate.bind(transport) },
      state: { get: () => transport.state },
      supportsPing: { get: () => transport.supportsPing },
      bufferedAmount: { get: () => transport.bufferedAmount },
    });
    return wrapped;
  };
}

function session(keyStore: KeyStore, connector: Connector, options: Partial<SessionOptions> = {}): Session {
  const created = createSession(
    { url: URL, credentials: { method: 'id', userId, password: PASSWORD }, clientId: 'keys', ...options },
    { connector, clock, random: seededRandom(3), ecdh: createPureEcdh(seededRandom(4)), keyStore },
  );
  sessions.push(created);
  return created;
}

const stage = (msg: Msg): number | undefined =>
  msg.plainMsg?.message === 'keyEx' ? msg.plainMsg.keyEx.stage : undefined;
const isPlainHello = (msg: Msg): boolean =>
  msg.plainMsg?.message === 'hello' && msg.plainMsg.hello.keyPrint === '0';

describe('the file key store through a real session (reference server, strict)', () => {
  it('writes the key only after stage 4, with mode 0600, and replaces the file atomically rather than rewriting it', async () => {
    const seen: string[] = [];
    const connector = observed({
      onSend: (msg) => {
        if (stage(msg) === 3)
          seen.push(`stage 3 sent, key file ${existsSync(keyFile()) ? 'present' : 'absent'}`);
      },
      onReceive: (msg) => {
        if (stage(msg) === 4)
          seen.push(`stage 4 arrived, key file ${existsSync(keyFile()) ? 'present' : 'absent'}`);
        return true;
      },
    });
    // The session saves the key twice: at stage 4, and after the login bound it to the user. A hard link made
    // to the first file keeps that first content only if the second save replaced the file (temp file and
    // rename) instead of writing into it.
    const files = createFileKeyStore({ directory: keyDir });
    const probe = join(dir, 'first-save');
    let saves = 0;
    const keyStore: KeyStore = {
      load: (url, account) => files.load(url, account),
      remove: (url, account) => files.remove(url, account),
      async save(key) {
        await files.save(key);
        saves += 1;
        if (saves === 1) await link(keyFile(), probe);
      },
    };
    await session(keyStore, connector).start();
    expect(seen).toEqual(['stage 3 sent, key file absent', 'stage 4 arrived, key file absent']);
    expect(saves).toBe(2);
    expect((await stat(keyFile())).mode & 0o777).toBe(0o600);
    expect((await stat(keyDir)).mode & 0o777).toBe(0o700);
    const first = JSON.parse(await readFile(probe, 'utf8')) as { userId?: string; keyPrint: string };
    const final = JSON.parse(await readFile(keyFile(), 'utf8')) as { userId?: string; keyPrint: string };
    expect(first.userId).toBeUndefined();
    expect(final.userId).toBe(userId);
    expect(final.keyPrint).toBe(first.keyPrint);
    // Nothing half-written is left behind.
    expect(await readdir(keyDir)).toEqual([keyFileName(URL, userId)]);
  });

  it('writes nothing when stage 4 never arrives', async () => {
    const connector = observed({ onReceive: (msg) => stage(msg) !== 4 });
    const s = session(createFileKeyStore({ directory: keyDir }), connector, {
      reconnectMaxAttempts: 0,
      handshakeStageTimeoutMs: 5_000,
    });
    const started = s.start().catch((error: unknown) => error);
    // The key exchange with the server is real I/O: on a loaded machine it can outlast any fixed number of
    // these turns, and a stage timer armed after the clock stopped moving would never fire. Time moves until
    // the session has given up, for as long as 20 real seconds.
    const deadline = Date.now() + 20_000;
    while (s.state !== 'closed' && Date.now() < deadline) {
      await flushEventLoop(3);
      await clock.advance(500);
    }
    expect(s.state).toBe('closed');
    const error = await started;
    expect(isBirdTalkError(error, SessionErrorCode.HANDSHAKE_TIMEOUT)).toBe(true);
    expect(existsSync(keyFile())).toBe(false);
  });

  it('removes the key file when the server does not know the key (error 2), before exchanging a new one', async () => {
    await session(createFileKeyStore({ directory: keyDir }), observed({})).start();
    const old = JSON.parse(await readFile(keyFile(), 'utf8')) as { keyPrint: string };
    // A new server knows the same user but none of the old server's key-exchange tokens.
    await startServer();
    const seen: string[] = [];
    const errors: number[] = [];
    const connector = observed({
      onSend: (msg) => {
        if (isPlainHello(msg))
          seen.push(`plain hello, key file ${existsSync(keyFile()) ? 'present' : 'absent'}`);
      },
      onReceive: (msg) => {
        if (msg.plainMsg?.message === 'errorMsg') errors.push(msg.plainMsg.errorMsg.code);
        return true;
      },
    });
    const ready = session(createFileKeyStore({ directory: keyDir }), connector);
    await ready.start();
    expect(errors).toEqual([2]);
    expect(seen).toEqual(['plain hello, key file absent']);
    const renewed = JSON.parse(await readFile(keyFile(), 'utf8')) as { keyPrint: string };
    expect(renewed.keyPrint).not.toBe(old.keyPrint);
  });

  it('removes the key file when the server cannot verify the key (error 13), before exchanging a new one', async () => {
    await session(createFileKeyStore({ directory: keyDir }), observed({})).start();
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    // The right key print with the wrong cipher: the server cannot decrypt the check token.
    const stored = JSON.parse(await readFile(keyFile(), 'utf8')) as { keyPrint: string; encType: string };
    await writeFile(
      keyFile(),
      JSON.stringify({ ...stored, encType: stored.encType === 'AES-CTR' ? 'chacha20' : 'AES-CTR' }),
      { mode: 0o600 },
    );
    const seen: string[] = [];
    const errors: number[] = [];
    const connector = observed({
      onSend: (msg) => {
        if (isPlainHello(msg))
          seen.push(`plain hello, key file ${existsSync(keyFile()) ? 'present' : 'absent'}`);
      },
      onReceive: (msg) => {
        if (msg.plainMsg?.message === 'errorMsg') errors.push(msg.plainMsg.errorMsg.code);
        return true;
      },
    });
    await session(createFileKeyStore({ directory: keyDir }), connector).start();
    expect(errors).toEqual([13]);
    expect(seen).toEqual(['plain hello, key file absent']);
    const renewed = JSON.parse(await readFile(keyFile(), 'utf8')) as { keyPrint: string };
    expect(renewed.keyPrint).not.toBe(stored.keyPrint);
  });
});
