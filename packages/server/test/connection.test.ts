import { ComMsgType, ErrorMsgType, encodeMsg } from '@birdtalk/proto';
import { FakeClock } from '@birdtalk/runtime/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer } from '../src/index.js';
import { connectMemory, pick, settle } from './helpers/client.js';
import { errorOf, login, msg, nextError } from './helpers/protocol.js';

let server: BirdTalkServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Parameters<typeof createServer>[0] = {}) {
  server = await createServer({ listen: false, ...options });
  return server;
}

describe('connection layer', () => {
  it('echoes text frames as "recv msg:<text>"', async () => {
    const client = await connectMemory(await start());
    client.sendText('hi there');
    await settle();
    expect(client.texts).toEqual(['recv msg:hi there']);
  });

  it('rejects a non-zero Msg.keyPrint and a missing plainMsg (error 14)', async () => {
    const client = await connectMemory(await start());
    client.send({ version: 1, keyPrint: 5, msgType: ComMsgType.MsgTHeartBeat, plainMsg: { heartBeat: {} } });
    expect(await nextError(client)).toEqual({
      code: ErrorMsgType.ErrTMsgContent,
      detail: 'current version, msg.keyPrint must be 0',
      params: {},
    });
    client.send({ version: 1, msgType: ComMsgType.MsgTHeartBeat, cipher: new Uint8Array([1, 2]) });
    expect((await nextError(client)).detail).toBe('msg.plainMsg is null');
  });

  it('answers a heartbeat with a heartBeat payload labelled MsgTHello', async () => {
    const clock = new FakeClock(1_800_000_000_000);
    const client = await connectMemory(await start({ clock }));
    client.send(msg(ComMsgType.MsgTHeartBeat, { heartBeat: { tm: 1, userId: 2 } }));
    const reply = await client.waitFor('heartBeat');
    expect(reply.msgType).toBe(ComMsgType.MsgTHello);
    expect(pick(reply.plainMsg?.heartBeat, ['tm', 'userId'])).toEqual({ tm: '1800000000000', userId: '0' });
    expect(reply.tm).toBe('1800000000000');
    client.send(msg(ComMsgType.MsgTHeartBeat, { hello: {} }));
    expect((await nextError(client)).detail).toBe('heart msg ping is null');
  });

  it('ignores server-to-client types, unknown types and client error reports', async () => {
    const client = await connectMemory(await start());
    for (const type of [0, 14, 23, 24, 32, 34, 77, 100]) {
      client.send(msg(type as ComMsgType, { heartBeat: {} }));
    }
    client.send(msg(ComMsgType.MsgTError, { errorMsg: { code: 3, detail: 'client side' } }));
    await settle();
    expect(client.take()).toEqual([]);
    client.send(msg(ComMsgType.MsgTError, { heartBeat: {} }));
    expect((await nextError(client)).detail).toBe('error msg error part is null');
  });

  it('pings every 20 s and drops a silent connection after 60 s with a "stop" text and no close frame', async () => {
    const clock = new FakeClock(0);
    const s = await start({ clock });
    const client = await connectMemory(s, { answerPings: false });
    await clock.advance(20_000);
    expect(client.pings).toBe(1);
    await clock.advance(20_000);
    expect(client.pings).toBe(2);
    expect(s.connectionCount()).toBe(1);
    await clock.advance(19_999);
    expect(client.closeInfo).toBeUndefined();
    await clock.advance(1);
    const closed = await client.closed();
    expect(client.texts).toEqual(['stop']);
    expect(closed).toEqual({ code: 1006, reason: '', wasClean: false });
    expect(s.connectionCount()).toBe(0);
  });

  it('keeps a connection alive while it answers pings or sends frames', async () => {
    const clock = new FakeClock(0);
    const s = await start({ clock });
    const client = await connectMemory(s);
    await clock.advance(5 * 60_000);
    expect(client.closeInfo).toBeUndefined();
    expect(s.connectionCount()).toBe(1);
  });

  it('a frame re-arms the idle timer', async () => {
    const clock = new FakeClock(0);
    const s = await start({ clock });
    const client = await connectMemory(s, { answerPings: false });
    await clock.advance(59_000);
    client.send(msg(ComMsgType.MsgTHeartBeat, { heartBeat: {} }));
    await settle();
    await clock.advance(59_000);
    expect(client.closeInfo).toBeUndefined();
    await clock.advance(1_000);
    expect((await client.closed()).code).toBe(1006);
  });

  it('closes with 1009 when a frame exceeds the frame limit', async () => {
    const client = await connectMemory(await start({ maxFrameBytes: 100 }));
    client.sendBytes(new Uint8Array(101));
    expect((await client.closed()).code).toBe(1009);
  });

  it('handles frames strictly in order', async () => {
    const client = await connectMemory(await start());
    for (let i = 0; i < 5; i += 1) client.send(msg(ComMsgType.MsgTHeartBeat, { heartBeat: {} }));
    client.send(msg(ComMsgType.MsgTHello, { hello: {} }, { version: 2 }));
    await settle();
    const kinds = client.take().map((m) => m.plainMsg?.message);
    expect(kinds).toEqual(['heartBeat', 'heartBeat', 'heartBeat', 'heartBeat', 'heartBeat', 'errorMsg']);
  });

  it('a malformed frame is a hazard: strict drops the connection, lenient answers error 9', async () => {
    const strict = await start({ expectedHazards: ['malformed-frame'] });
    const a = await connectMemory(strict);
    a.sendBytes(new Uint8Array([0x0a, 0xff]));
    expect((await a.closed()).code).toBe(1006);
    expect(a.texts).toEqual([]);
    expect(strict.hazards().map((h) => h.name)).toEqual(['malformed-frame']);
    await strict.close();

    const lenient = await start({ strict: false, expectedHazards: ['malformed-frame'] });
    const b = await connectMemory(lenient);
    // A string field (Msg has none at the top; use MsgError.detail inside plainMsg) with invalid UTF-8.
    const good = encodeMsg({
      version: 1,
      msgType: ComMsgType.MsgTError,
      plainMsg: { errorMsg: { detail: 'ab' } },
    });
    const bad = Uint8Array.from(good);
    bad[bad.length - 1] = 0xff;
    b.sendBytes(bad);
    const error = errorOf(await b.waitFor('errorMsg'));
    expect(error.code).toBe(ErrorMsgType.ErrTServerInside);
    expect(error.params).toEqual({ hazard: 'malformed-frame' });
    expect(b.closeInfo).toBeUndefined();
    expect(lenient.hazards()).toHaveLength(1);
    lenient.clearHazards();
    expect(lenient.hazards()).toEqual([]);
  });
});

describe('peak logged-in connections per user', () => {
  it('records the most connections a user had logged in at once, not the total over time', async () => {
    const s = await start();
    const uid = await s.createUser({ password: 'pw' });
    expect(s.peakSessionCount(uid)).toBe(0);
    for (let i = 0; i < 3; i += 1) {
      // One at a time: each closes before the next logs in.
      const client = await connectMemory(s);
      await login(client, uid, 'pw');
      client.close();
      await client.closed();
      await settle();
    }
    expect(s.peakSessionCount(uid)).toBe(1);
    const first = await connectMemory(s);
    const second = await connectMemory(s);
    await login(first, uid, 'pw');
    await login(second, uid, 'pw');
    expect(s.peakSessionCount(uid)).toBe(2);
  });
});
