import { createMemoryKeyStore, createPureEcdh } from '@birdtalk/crypto';
import { type BirdTalkError, isBirdTalkError } from '@birdtalk/errors';
import { ChatMsgType, ChatType, ComMsgType, encodeMsg, UserOperationType } from '@birdtalk/proto';
import { seededRandom } from '@birdtalk/runtime';
import { FakeClock, flushEventLoop } from '@birdtalk/runtime/testing';
import { createSession, type Session } from '@birdtalk/session';
import { createScriptedServer, type ScriptedServer } from '@birdtalk/session/testing';
import { afterEach, describe, expect, it } from 'vitest';

const PASSWORD = 'hostile-password';
let server: ScriptedServer;
const sessions: Session[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  expect(server.hazards()).toEqual([]);
});

function setUp(): {
  session: Session;
  keyStore: ReturnType<typeof createMemoryKeyStore>;
  anomalies: BirdTalkError[];
} {
  const clock = new FakeClock(1_750_000_000_000);
  server = createScriptedServer({
    clock,
    ecdh: createPureEcdh(seededRandom(1)),
    users: { '10001': { password: PASSWORD }, '10002': { password: PASSWORD } },
  });
  const keyStore = createMemoryKeyStore();
  const session = createSession(
    {
      url: server.url,
      credentials: { method: 'id', userId: '10001', password: PASSWORD },
      reconnectMaxAttempts: 0,
    },
    {
      connector: server.connector,
      clock,
      random: seededRandom(2),
      ecdh: createPureEcdh(seededRandom(3)),
      keyStore,
    },
  );
  sessions.push(session);
  const anomalies: BirdTalkError[] = [];
  session.on('protocol-error', (error) => anomalies.push(error));
  return { session, keyStore, anomalies };
}

// The other kinds of misbehaviour are covered where the session is tested: unknown message types, payloads that
// do not match their type, replies nobody asked for (a flood of them) and text frames are in
// packages/session/test/requests.test.ts ("reports frames it cannot use, and stays up"); a stage 2 whose keyPrint
// or tempKey does not verify in packages/session/test/handshake.test.ts ("refuses a stage 2 whose … does not
// verify, and never sends stage 3").
describe('a misbehaving server', () => {
  it('sends a frame over the size limit: reported as a typed error, the session stays up and usable', async () => {
    const { session, anomalies } = setUp();
    await session.start();
    const huge = encodeMsg(
      {
        version: 1,
        msgType: ComMsgType.MsgTChatMsg,
        plainMsg: {
          chatData: {
            msgId: 5,
            fromId: '10002',
            toId: '10001',
            chatType: ChatType.ChatTypeP2P,
            msgType: ChatMsgType.TEXT,
            data: new Uint8Array(10 * 1024 * 1024 + 1),
          },
        },
      },
      { maxFrameBytes: Number.MAX_SAFE_INTEGER },
    );
    const chats: unknown[] = [];
    session.on('chat', (chat) => chats.push(chat));
    server.connections[0]!.sendRaw(huge);
    for (let i = 0; i < 20 && anomalies.length === 0; i += 1) await flushEventLoop(2);
    expect(anomalies.map((error) => error.code)).toEqual(['DECODE_TOO_LARGE']);
    expect(chats).toEqual([]);
    expect(session.state).toBe('ready');
    await expect(
      session.friendOp({ operation: UserOperationType.AddFriend, user: { userId: '10002' } }),
    ).resolves.toBeDefined();
  });

  it('answers stage 1 with a stage 2 whose public key is not a P-256 key: the handshake is refused, no stage 3, no key', async () => {
    const { session, keyStore } = setUp();
    server.handle('keyEx', (msg, peer) => {
      if (msg.plainMsg?.keyEx?.stage !== 1) return false;
      peer.send(ComMsgType.MsgTKeyExchange, {
        keyEx: {
          stage: 2,
          keyPrint: '12345',
          pubKey: new TextEncoder().encode(
            '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n',
          ),
          tempKey: new Uint8Array(24),
          encType: 'AES-CTR',
          status: 'ready',
        },
      });
      return true;
    });
    const error = await session.start().catch((e: unknown) => e);
    expect(isBirdTalkError(error)).toBe(true);
    expect((error as BirdTalkError).code).toMatch(/^HANDSHAKE_/);
    expect(server.connections[0]!.received.some((m) => m.plainMsg?.keyEx?.stage === 3)).toBe(false);
    expect(await keyStore.load(server.url, '10001')).toBeUndefined();
  });
});
