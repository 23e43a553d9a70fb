import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, p2p } from '@birdtalk/client';
import { createNodeClient } from '@birdtalk/client/node';
import { decodeMsg } from '@birdtalk/proto';
import { createMemoryLogger } from '@birdtalk/runtime/testing';
import { createServer } from '@birdtalk/server';
import type { Connector, Transport } from '@birdtalk/transport';
import { createNodeConnector } from '@birdtalk/transport/node';
import { describe, expect, it } from 'vitest';

const FIRST_PASSWORD = 'first-Pa55word-8841';
const NEW_PASSWORD = 'second-Pa55word-5519';
const WRONG_PASSWORD = 'wrong-Pa55word-2203';
const PEER_PASSWORD = 'peer-Pa55word-7716';
const CODE = 'code-4471-xq';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** A node connector whose outgoing frames are shown to `onSend` (to collect the handshake proofs sent). */
function recording(onSend: (frame: Uint8Array) => void): Connector {
  const connector = createNodeConnector();
  return async (url, options) => {
    const transport = await connector(url, options);
    const wrapped = Object.create(transport) as Transport;
    Object.defineProperty(wrapped, 'send', {
      value: (frame: Uint8Array) => {
        onSend(frame);
        transport.send(frame);
      },
    });
    // attach() too, where the transport has it: inherited, it would run on the wrapper, which has none of its state.
    for (const name of ['sendText', 'ping', 'close', 'terminate', 'on', 'attach', 'detach'] as const) {
      const method = transport[name] as ((...args: unknown[]) => unknown) | undefined;
      if (method !== undefined) Object.defineProperty(wrapped, name, { value: method.bind(transport) });
    }
    for (const name of ['state', 'supportsPing', 'bufferedAmount'] as const) {
      Object.defineProperty(wrapped, name, { get: () => transport[name] });
    }
    return wrapped;
  };
}

async function keyFilesUnder(dir: string): Promise<Array<{ sharedKey: string }>> {
  const found: Array<{ sharedKey: string }> = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /^key-[0-9a-f]{64}\.json$/.test(entry.name)) {
      found.push(
        JSON.parse(await readFile(join(entry.parentPath, entry.name), 'utf8')) as { sharedKey: string },
      );
    }
  }
  return found;
}

describe('secrets in logs', () => {
  it('a whole session at debug level — registration with a code, key exchange, fast re-login, password change, wrong password, chat, signed download — logs no password, key, token, code or signature', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'birdtalk-secrets-'));
    // A server whose mail works (the stock one dies mailing the code), and clients told so.
    const server = await createServer({ port: 0, verificationCode: CODE, mailWorks: true });
    const logger = createMemoryLogger({ level: 'debug' });
    const secrets = new Map<string, string>([
      ['the first password', FIRST_PASSWORD],
      ['the new password', NEW_PASSWORD],
      ['the wrong password', WRONG_PASSWORD],
      ['the verification code', CODE],
    ]);
    const connector = recording((frame) => {
      const plain = decodeMsg(frame).plainMsg;
      if (plain?.message === 'hello' && plain.hello.params.checkTokenData !== undefined) {
        secrets.set(`check token ${secrets.size}`, plain.hello.params.checkTokenData);
      }
      if (plain?.message === 'keyEx' && plain.keyEx.stage === 3) {
        secrets.set(`stage-3 temp key ${secrets.size}`, Buffer.from(plain.keyEx.tempKey).toString('base64'));
        secrets.set(`stage-3 temp key (hex) ${secrets.size}`, hex(plain.keyEx.tempKey));
      }
    });
    const clients: Client[] = [];
    const client = (
      credentials: Parameters<typeof createNodeClient>[0]['credentials'],
      stateDir: string,
      extra: { reconnectMaxAttempts?: number } = {},
    ): Client => {
      const created = createNodeClient(
        {
          server: server.url,
          credentials,
          stateDir: join(dir, stateDir),
          session: { ...extra },
          policy: { allowServerCrashingRequests: true },
        },
        { logger, connector, requestCode: async () => CODE },
      );
      clients.push(created);
      return created;
    };
    try {
      // Registration by e-mail: a password and a mailed code, then the first key exchange.
      const first = client(
        {
          method: 'register',
          userName: 'secretive',
          password: FIRST_PASSWORD,
          email: 'secretive@example.com',
        },
        'me',
      );
      const registered = first.once('registered');
      await first.start();
      const me = (await registered).user.userId;
      const peerId = await server.createUser({ userName: 'peer', password: PEER_PASSWORD, follows: [me] });
      await server.follow(me, peerId);

      // Chat, and a file fetched over its signed URL.
      await first.sendText(p2p(peerId), 'a message that may be logged');
      const uploaded = await first.files.upload(new TextEncoder().encode('signed content'), {
        name: 's.txt',
      });
      const signed = first.files.url(uploaded.storedName, 'signed');
      const signature = new URL(signed).searchParams.get('sign')!;
      expect(signature.length).toBeGreaterThan(16);
      secrets.set('the download signature', signature);
      secrets.set('the download signature (as sent)', signed.slice(signed.indexOf('sign=') + 5));
      expect(new TextDecoder().decode(await first.files.downloadBytes(uploaded.storedName))).toBe(
        'signed content',
      );

      // A password change: the server echoes the new password (as params "wd").
      await first.users.setPassword(NEW_PASSWORD);
      await first.stop();

      // Fast re-login with the stored key: a check token instead of the password.
      const again = client({ method: 'id', userId: me, password: NEW_PASSWORD }, 'me');
      const ready = again.once('ready');
      await again.start();
      expect((await ready).fastLogin).toBe(true);
      await again.stop();

      // A wrong password (the server quotes it back in its error).
      const wrong = client({ method: 'id', userId: me, password: WRONG_PASSWORD }, 'wrong', {
        reconnectMaxAttempts: 0,
      });
      await expect(wrong.start()).rejects.toMatchObject({ code: 'LOGIN_REJECTED' });

      for (const key of await keyFilesUnder(dir)) {
        secrets.set(`shared key ${secrets.size}`, key.sharedKey);
        secrets.set(`shared key (hex) ${secrets.size}`, hex(Buffer.from(key.sharedKey, 'base64')));
      }
    } finally {
      for (const c of clients) await c.stop();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }

    // The run was logged in detail: every frame in and out.
    const lines = logger.records.map((record) => JSON.stringify(record));
    expect(logger.records.filter((record) => record.message === 'frame out').length).toBeGreaterThan(10);
    expect(logger.records.filter((record) => record.message === 'frame in').length).toBeGreaterThan(10);
    expect([...secrets.keys()].filter((name) => name.startsWith('check token')).length).toBeGreaterThan(0);
    expect([...secrets.keys()].filter((name) => name.startsWith('shared key')).length).toBeGreaterThan(0);
    const leaks = [...secrets].flatMap(([name, value]) =>
      lines.filter((line) => line.includes(value)).map((line) => `${name} in ${line.slice(0, 300)}`),
    );
    expect(leaks).toEqual([]);
  });
});
