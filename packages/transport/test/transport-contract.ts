import { hasErrorName, isBirdTalkError } from '@birdtalk/errors';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Transport, TransportEvents, TransportSink } from '../src/transport.js';
import { collect, nextEvent, patternBytes, recordUntilClose } from './events.js';

/** One open connection: the adapter under test on the client side, and whatever it is connected to. */
export interface ContractPair {
  readonly client: Transport;
  readonly server: Transport;
}

/** What {@link transportContract} needs to know about, and do with, one adapter. */
export interface ContractEnvironment {
  /** Opens a connection. */
  open(): Promise<ContractPair>;
  /** Starts a connection attempt that stays pending until `signal` aborts; resolves once it is under way. */
  openPending(signal: AbortSignal): Promise<{ readonly attempt: Promise<Transport> }>;
  /** Whether the adapter sends pings. */
  readonly supportsPing: boolean;
  /** Whether the peer sees 1006 after the client's terminate() (the WHATWG API cannot drop a connection). */
  readonly peerSeesDrop: boolean;
  /** Releases servers and sockets. */
  teardown(): Promise<void>;
}

/** Lets the event loop run until `condition` holds, without relying on the passage of time. */
async function turnsUntil(condition: () => boolean, maxTurns = 10_000): Promise<void> {
  for (let i = 0; i < maxTurns && !condition(); i += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  expect(condition()).toBe(true);
}

/** Lets the event loop run a few times, so that anything wrongly scheduled gets its chance to happen. */
async function idleTurns(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A sink that logs each event it receives, and pushes `'sink'` onto `order` for each frame. */
function recordingSink(order: string[]): {
  readonly sink: TransportSink;
  readonly log: Array<[keyof TransportEvents, unknown]>;
} {
  const log: Array<[keyof TransportEvents, unknown]> = [];
  const sink: TransportSink = {
    onFrame: (frame) => {
      order.push('sink');
      log.push(['frame', frame]);
    },
    onText: (text) => log.push(['text', text]),
    onPong: (data) => log.push(['pong', data]),
    onClose: (info) => log.push(['close', info]),
    onError: (error) => log.push(['error', error]),
  };
  return { sink, log };
}

function expectNotOpen(action: () => void): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(hasErrorName(thrown, 'TransportError')).toBe(true);
  expect(isBirdTalkError(thrown, 'TRANSPORT_NOT_OPEN')).toBe(true);
}

/**
 * The behaviour every {@link Transport} adapter must have, written once and run against each adapter: frames
 * byte-exact and in order, text frames, the closing handshake, idempotent close, terminate, ping, listener
 * management, and cancellation of a connection attempt.
 */
export function transportContract(name: string, setup: () => Promise<ContractEnvironment>): void {
  describe(`${name}: Transport contract`, () => {
    let env: ContractEnvironment;
    const opened: Transport[] = [];

    const open = async (): Promise<ContractPair> => {
      const pair = await env.open();
      opened.push(pair.client, pair.server);
      return pair;
    };

    beforeAll(async () => {
      env = await setup();
    });
    afterEach(() => {
      for (const transport of opened.splice(0)) transport.terminate();
    });
    afterAll(async () => {
      await env.teardown();
    });

    it('starts open', async () => {
      const { client, server } = await open();
      expect(client.state).toBe('open');
      expect(server.state).toBe('open');
      expect(client.supportsPing).toBe(env.supportsPing);
      expect(client.bufferedAmount).toBeGreaterThanOrEqual(0);
    });

    it('moves binary frames both ways, byte-exact and in order (empty to 1 MiB)', async () => {
      const { client, server } = await open();
      // 125/126 and 65535/65536 straddle the WebSocket length encodings.
      const sizes = [0, 1, 125, 126, 65_535, 65_536, 1024 * 1024, 0, 3];
      const frames = sizes.map((size, i) => patternBytes(size, i + 1));
      const atServer = collect(server, 'frame', frames.length);
      const atClient = collect(client, 'frame', frames.length);
      for (const frame of frames) client.send(frame);
      for (const frame of frames) server.send(frame);
      for (const received of [await atServer, await atClient]) {
        expect(received.map((frame) => frame.byteLength)).toEqual(sizes);
        received.forEach((frame, i) => {
          expect(frame).toBeInstanceOf(Uint8Array);
          expect(Buffer.from(frame).equals(Buffer.from(frames[i]!))).toBe(true);
        });
      }
    });

    it('sends only the bytes a view covers, not its whole buffer', async () => {
      const { client, server } = await open();
      const buffer = patternBytes(64);
      const received = nextEvent(server, 'frame');
      client.send(buffer.subarray(10, 20));
      const [frame] = await received;
      expect([...frame]).toEqual([...buffer.subarray(10, 20)]);
    });

    it('moves text frames both ways and keeps them in order with binary frames', async () => {
      const { client, server } = await open();
      const log: string[] = [];
      const done = new Promise<void>((resolve) => {
        server.on('text', (text) => {
          log.push(`text:${text}`);
          if (log.length === 4) resolve();
        });
        server.on('frame', (frame) => {
          log.push(`frame:${frame.byteLength}`);
          if (log.length === 4) resolve();
        });
      });
      client.sendText('hello 🐦 héllo');
      client.send(new Uint8Array(5));
      client.sendText('');
      client.send(new Uint8Array(0));
      await done;
      expect(log).toEqual(['text:hello 🐦 héllo', 'frame:5', 'text:', 'frame:0']);

      const echoed = nextEvent(client, 'text');
      server.sendText('recv msg:hi');
      expect(await echoed).toEqual(['recv msg:hi']);
    });

    it('closes with the code and reason the client chose, on both sides', async () => {
      const { client, server } = await open();
      const atServer = nextEvent(server, 'close');
      const atClient = nextEvent(client, 'close');
      client.close(4001, 'bye now');
      expect(client.state).toBe('closing');
      expect(await atServer).toEqual([{ code: 4001, reason: 'bye now', wasClean: true }]);
      expect(await atClient).toEqual([{ code: 4001, reason: 'bye now', wasClean: true }]);
      expect(client.state).toBe('closed');
      expect(server.state).toBe('closed');
    });

    it('reports a close the peer started, with its code and reason', async () => {
      const { client, server } = await open();
      const atClient = nextEvent(client, 'close');
      server.close(4002, 'server going');
      expect(await atClient).toEqual([{ code: 4002, reason: 'server going', wasClean: true }]);
    });

    it('closes with 1000 by default', async () => {
      const { client, server } = await open();
      const atServer = nextEvent(server, 'close');
      client.close();
      expect((await atServer)[0].code).toBe(1000);
    });

    it('treats repeated close() calls as one and emits close exactly once', async () => {
      const { client } = await open();
      let closes = 0;
      client.on('close', () => {
        closes += 1;
      });
      const closed = nextEvent(client, 'close');
      client.close(4003, 'first');
      client.close(4004, 'second');
      const [info] = await closed;
      client.close();
      client.terminate();
      await idleTurns();
      expect(info.code).toBe(4003);
      expect(closes).toBe(1);
      expect(client.state).toBe('closed');
    });

    it('refuses to send once closing or closed, with TRANSPORT_NOT_OPEN', async () => {
      const { client } = await open();
      const closed = nextEvent(client, 'close');
      client.close();
      expectNotOpen(() => client.send(new Uint8Array([1])));
      expectNotOpen(() => client.sendText('late'));
      await closed;
      expectNotOpen(() => client.send(new Uint8Array([1])));
      expect(client.ping()).toBe(false);
    });

    it('refuses to send after the peer closed', async () => {
      const { client, server } = await open();
      const closed = nextEvent(client, 'close');
      server.close(4005, 'done');
      await closed;
      expectNotOpen(() => client.send(new Uint8Array([1])));
      expectNotOpen(() => client.sendText('late'));
    });

    it('rejects close codes and reasons that cannot be sent', async () => {
      const { client } = await open();
      expect(() => client.close(1005)).toThrow(RangeError);
      expect(() => client.close(2000)).toThrow(RangeError);
      expect(() => client.close(1000, 'x'.repeat(124))).toThrow(RangeError);
      expect(client.state).toBe('open');
    });

    it('stops delivering to a listener once it unsubscribes', async () => {
      const { client, server } = await open();
      const removed: Uint8Array[] = [];
      const off = client.on('frame', (frame) => removed.push(frame));
      off();
      off();
      const kept = collect(client, 'frame', 2);
      server.send(new Uint8Array([1]));
      server.send(new Uint8Array([2]));
      expect((await kept).map((frame) => frame[0])).toEqual([1, 2]);
      expect(removed).toEqual([]);
    });

    it('unsubscribes a listener when its signal aborts, and never adds one whose signal has', async () => {
      const { client, server } = await open();
      const controller = new AbortController();
      const viaSignal: number[] = [];
      const viaAborted: number[] = [];
      client.on('frame', (frame) => viaSignal.push(frame[0]!), { signal: controller.signal });
      client.on('frame', (frame) => viaAborted.push(frame[0]!), { signal: AbortSignal.abort() });
      const first = nextEvent(client, 'frame');
      server.send(new Uint8Array([1]));
      await first;
      controller.abort();
      const second = nextEvent(client, 'frame');
      server.send(new Uint8Array([2]));
      await second;
      expect(viaSignal).toEqual([1]);
      expect(viaAborted).toEqual([]);
    });

    it('keeps delivering when a listener throws, and reports the throw as an error event', async () => {
      const { client, server } = await open();
      const boom = new Error('listener bug');
      client.on('frame', () => {
        throw boom;
      });
      const delivered = nextEvent(client, 'frame');
      const reported = nextEvent(client, 'error');
      server.send(new Uint8Array([7]));
      expect((await delivered)[0][0]).toBe(7);
      const [error] = await reported;
      expect(error.code).toBe('TRANSPORT_LISTENER_FAILED');
      expect(error.cause).toBe(boom);
      expect(client.state).toBe('open');
    });

    it('keeps what arrives before the first listener and delivers it in order', async () => {
      const { client, server } = await open();
      server.send(new Uint8Array([1]));
      server.sendText('stop');
      server.close(4006, 'early');
      // Nothing listens on the client yet; wait until it has seen the whole exchange.
      await turnsUntil(() => client.state === 'closed');
      const log = await recordUntilClose(client);
      expect(log).toEqual([
        ['frame', new Uint8Array([1])],
        ['text', 'stop'],
        ['close', { code: 4006, reason: 'early', wasClean: true }],
      ]);
    });

    it('hands what arrived before it, and everything after, to an attached sink, after on() listeners', async () => {
      const { client, server } = await open();
      server.send(new Uint8Array([1]));
      await idleTurns(); // time for the frame to arrive while nothing listens
      const order: string[] = [];
      const { sink, log } = recordingSink(order);
      client.on('frame', () => order.push('listener'));
      client.attach!(sink);
      const closed = nextEvent(client, 'close');
      await turnsUntil(() => log.length === 1);
      server.sendText('stop');
      if (env.supportsPing) expect(client.ping(new Uint8Array([5]))).toBe(true);
      await turnsUntil(() => log.length === (env.supportsPing ? 3 : 2));
      server.close(4006, 'bye');
      await closed;
      expect(log).toEqual([
        ['frame', new Uint8Array([1])],
        ['text', 'stop'],
        ...(env.supportsPing ? [['pong', new Uint8Array([5])]] : []),
        ['close', { code: 4006, reason: 'bye', wasClean: true }],
      ]);
      expect(order).toEqual(['listener', 'sink']);
      // Nothing is kept after the close: a sink attached now hears nothing.
      const late = recordingSink([]);
      client.attach!(late.sink);
      await idleTurns();
      expect(late.log).toEqual([]);
    });

    it('reports a throwing sink as an error event, to listeners and the sink, and stops at detach()', async () => {
      const { client, server } = await open();
      const boom = new Error('sink bug');
      const { sink, log } = recordingSink([]);
      const throwing = {
        ...sink,
        onFrame: (frame: Uint8Array) => {
          sink.onFrame(frame);
          throw boom;
        },
      };
      client.attach!(throwing);
      const reported = nextEvent(client, 'error');
      server.send(new Uint8Array([7]));
      const [error] = await reported;
      expect(error.code).toBe('TRANSPORT_LISTENER_FAILED');
      expect(error.cause).toBe(boom);
      expect(log).toEqual([
        ['frame', new Uint8Array([7])],
        ['error', error],
      ]);
      client.detach!(sink); // not the attached one: nothing changes
      client.detach!(throwing);
      const after = nextEvent(client, 'frame');
      server.send(new Uint8Array([8]));
      await after;
      expect(log).toHaveLength(2);
      expect(client.state).toBe('open');
    });

    it('replaces an attached sink with the next one', async () => {
      const { client, server } = await open();
      const first = recordingSink([]);
      const second = recordingSink([]);
      client.attach!(first.sink);
      client.attach!(second.sink);
      const arrived = nextEvent(client, 'frame');
      server.send(new Uint8Array([3]));
      await arrived;
      expect(first.log).toEqual([]);
      expect(second.log).toEqual([['frame', new Uint8Array([3])]]);
    });

    it('terminate() drops the connection at once: 1006 locally, and at the peer where possible', async () => {
      const { client, server } = await open();
      const atClient = nextEvent(client, 'close');
      const atServer = nextEvent(server, 'close');
      client.terminate();
      client.terminate();
      expect(client.state).not.toBe('open');
      expectNotOpen(() => client.send(new Uint8Array([1])));
      expect(await atClient).toEqual([expect.objectContaining({ code: 1006, wasClean: false })]);
      const [peer] = await atServer;
      if (env.peerSeesDrop) expect(peer).toEqual(expect.objectContaining({ code: 1006, wasClean: false }));
    });

    it('reports 1006 when the peer vanishes without a closing handshake', async () => {
      const { client, server } = await open();
      const atClient = nextEvent(client, 'close');
      server.terminate();
      expect(await atClient).toEqual([expect.objectContaining({ code: 1006, wasClean: false })]);
    });

    it('pings when it can, and reports the pong', async () => {
      const { client } = await open();
      if (!env.supportsPing) {
        expect(client.ping(new Uint8Array([1]))).toBe(false);
        return;
      }
      const pong = nextEvent(client, 'pong');
      expect(client.ping(new Uint8Array([9, 8, 7]))).toBe(true);
      expect([...(await pong)[0]]).toEqual([9, 8, 7]);
      expect(() => client.ping(new Uint8Array(126))).toThrow(RangeError);
    });

    it('rejects with an AbortError when the signal aborts during the connection attempt', async () => {
      const controller = new AbortController();
      const { attempt } = await env.openPending(controller.signal);
      const outcome = attempt.then(
        (transport) => {
          opened.push(transport);
          return transport;
        },
        (error: unknown) => error,
      );
      controller.abort(new Error('user gave up'));
      const error = await outcome;
      expect(hasErrorName(error, 'AbortError')).toBe(true);
      expect(isBirdTalkError(error, 'ABORTED')).toBe(true);
    });

    it('rejects at once with an AbortError when the signal has already aborted', async () => {
      const { attempt } = await env.openPending(AbortSignal.abort());
      await expect(attempt).rejects.toMatchObject({ name: 'AbortError', code: 'ABORTED' });
    });
  });
}
