import { ComMsgType } from '@birdtalk/proto';
import { FakeClock } from '@birdtalk/runtime/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer } from '../src/index.js';
import { connectMemory, settle } from './helpers/client.js';
import { login, msg, register } from './helpers/protocol.js';
import { chatMsg } from './helpers/world.js';

let server: BirdTalkServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Parameters<typeof createServer>[0] = {}) {
  server = await createServer({ listen: false, ...options });
  return server;
}

const heartbeat = () => msg(ComMsgType.MsgTHeartBeat, { heartBeat: {} });

describe('fault injection', () => {
  it('dropAfterFrames drops the connection abruptly on the N-th frame, unanswered', async () => {
    const client = await connectMemory(await start({ faults: { dropAfterFrames: 3 } }));
    client.send(heartbeat());
    client.send(heartbeat());
    client.send(heartbeat());
    const closed = await client.closed();
    expect(closed.code).toBe(1006);
    expect(client.take().map((m) => m.plainMsg?.message)).toEqual(['heartBeat', 'heartBeat']);
    expect(client.texts).toEqual([]);
  });

  it('dropProbability is reproducible with a seed', async () => {
    const dropIndex = async (seed: number) => {
      const s = await start({ faults: { dropProbability: 0.3, seed } });
      const client = await connectMemory(s);
      let answered = 0;
      for (let i = 0; i < 50 && client.closeInfo === undefined; i += 1) {
        client.send(heartbeat());
        await settle();
        answered += client.take().length;
      }
      await s.close();
      server = undefined;
      return answered;
    };
    const first = await dropIndex(42);
    expect(await dropIndex(42)).toBe(first);
    expect(first).toBeLessThan(50);
    const never = await start({ faults: { dropProbability: 0 } });
    const client = await connectMemory(never);
    for (let i = 0; i < 20; i += 1) client.send(heartbeat());
    await settle();
    expect(client.take()).toHaveLength(20);
  });

  it('replyDelayMs delays every frame on the injected clock, keeping the order', async () => {
    const clock = new FakeClock(0);
    const client = await connectMemory(await start({ clock, faults: { replyDelayMs: 500 } }));
    client.send(heartbeat());
    client.sendText('t');
    client.send(msg(ComMsgType.MsgTHello, { hello: {} }, { version: 9 }));
    await settle();
    expect(client.take()).toEqual([]);
    await clock.advance(499);
    expect(client.take()).toEqual([]);
    await clock.advance(1);
    expect(client.take().map((m) => m.plainMsg?.message)).toEqual(['heartBeat', 'errorMsg']);
    expect(client.texts).toEqual(['recv msg:t']);
  });

  it('swallowAckProbability drops the sender acknowledgement but still delivers the message', async () => {
    const s = await start();
    const aid = await s.createUser({ password: 'p' });
    const bid = await s.createUser({ password: 'p', follows: [aid] });
    const a = await connectMemory(s);
    const b = await connectMemory(s);
    await login(a, aid, 'p');
    await login(b, bid, 'p');
    s.faults.set({ swallowAckProbability: 1 });
    a.send(chatMsg(aid, bid, 'no ack'));
    await b.waitFor('chatData');
    await settle();
    expect(a.take()).toEqual([]);
    s.faults.clear();
    a.send(chatMsg(aid, bid, 'ack again'));
    await a.waitFor('chatReply');
  });

  it('ignorePings stops the server pings and its pongs; the idle timeout still applies', async () => {
    const clock = new FakeClock(0);
    const s = await start({ clock, faults: { ignorePings: true } });
    const client = await connectMemory(s);
    client.ping();
    await clock.advance(40_000);
    expect(client.pings).toBe(0);
    expect(client.pongs).toBe(0);
    await clock.advance(20_000);
    expect((await client.closed()).code).toBe(1006);
  });

  it('silent reads and acts on requests but sends nothing; faults.set switches at run time', async () => {
    const s = await start();
    const client = await connectMemory(s);
    s.faults.set({ silent: true });
    expect(s.faults.current).toEqual({ silent: true });
    client.send(msg(ComMsgType.MsgTUserOp, { userOp: { operation: 1, user: { userName: 'quiet' } } }));
    client.sendText('x');
    await settle();
    expect(client.take()).toEqual([]);
    expect(client.texts).toEqual([]);
    expect(s.getUser('10001')?.userName).toBe('quiet');
    s.faults.set({});
    client.send(heartbeat());
    await client.waitFor('heartBeat');
    const other = await connectMemory(s);
    await register(other, 'loud');
  });

  it('readerStalled keeps 128 frames in the send queue and silently drops the rest, as the real server does', async () => {
    const s = await start();
    const client = await connectMemory(s);
    s.faults.set({ readerStalled: true });
    for (let i = 0; i < 200; i += 1) client.send(heartbeat());
    await settle();
    expect(client.take()).toEqual([]);
    expect(s.faults.dropped).toBe(72);
    s.faults.set({});
    await settle();
    expect(client.take()).toHaveLength(128);
    client.send(heartbeat());
    await client.waitFor('heartBeat');
  });

  it('slowReaderIntervalMs lets the client read one frame per interval; a burst beyond the queue loses its tail', async () => {
    const clock = new FakeClock(0);
    const s = await start({ clock, faults: { slowReaderIntervalMs: 10, sendQueueLimit: 4 } });
    const client = await connectMemory(s);
    for (let i = 0; i < 10; i += 1) client.send(heartbeat());
    await settle();
    // One frame is written at once, four wait in the queue, five are dropped.
    expect(client.take()).toHaveLength(1);
    await clock.advance(40);
    expect(client.take()).toHaveLength(4);
    await clock.advance(1_000);
    expect(client.take()).toEqual([]);
    expect(s.faults.dropped).toBe(5);
  });

  it('dropOutboundProbability drops any outbound frame, reproducibly with a seed', async () => {
    const answered = async (seed: number) => {
      const s = await start({ faults: { dropOutboundProbability: 0.3, seed } });
      const client = await connectMemory(s);
      for (let i = 0; i < 100; i += 1) client.send(heartbeat());
      await settle();
      const count = client.take().length;
      expect(client.closeInfo).toBeUndefined();
      await s.close();
      server = undefined;
      return count;
    };
    const first = await answered(7);
    expect(await answered(7)).toBe(first);
    expect(first).toBeGreaterThan(50);
    expect(first).toBeLessThan(90);
  });
});
