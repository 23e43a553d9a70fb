import os from 'node:os';
import { hasErrorName, isBirdTalkError } from '@birdtalk/errors';
import { ChatType } from '@birdtalk/proto';
import type { Connector } from '@birdtalk/transport';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSession, SessionErrorCode } from '../src/index.js';
import { harness, PASSWORD, requests, until } from './helpers.js';

let hazards: () => string[] = () => [];
afterEach(() => {
  expect(hazards()).toEqual([]);
});

describe('liveness', () => {
  it('heartbeats every 30 s and the server’s replies keep the connection', async () => {
    const h = harness({ supportsPing: false });
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    const before = h.server.connections[0]!.received.filter(
      (m) => m.plainMsg?.message === 'heartBeat',
    ).length;
    await h.clock.advance(300_000);
    const after = h.server.connections[0]!.received.filter((m) => m.plainMsg?.message === 'heartBeat').length;
    expect(after - before).toBe(10);
    expect(session.state).toBe('ready');
    expect(h.server.connections).toHaveLength(1);
    await session.close();
  });

  it('keeps one timer for an idle ready connection: heartbeats, pings, silence and the stable period share it', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    expect(h.clock.pendingTimers).toBe(1);
    await h.clock.advance(90_000);
    expect(session.state).toBe('ready');
    expect(h.clock.pendingTimers).toBe(1);
    await session.close();
  });

  it('detects a server that stops answering within 75 s and reconnects on its own', async () => {
    const h = harness({ supportsPing: false });
    hazards = h.server.hazards;
    const session = h.session();
    const disconnected = h.record(session, 'disconnected');
    await session.start();
    h.server.connections[0]!.silent = true;
    await h.clock.advance(74_999);
    expect(disconnected).toEqual([]);
    await h.clock.advance(1);
    expect(disconnected).toHaveLength(1);
    expect(isBirdTalkError(disconnected[0]!.error, SessionErrorCode.PEER_SILENT)).toBe(true);
    expect(disconnected[0]!.willReconnect).toBe(true);
    await h.clock.advance(1_000);
    await until(() => session.state === 'ready' && h.server.connections.length === 2, 'the reconnect');
    expect(requests(h.server, 1)).toEqual(['hello']);
    await session.close();
  });

  it('pings where the transport can, so a server that ignores heartbeats but answers pings stays up', async () => {
    const h = harness({ supportsPing: true });
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    h.server.connections[0]!.silent = true;
    await h.clock.advance(300_000);
    expect(session.state).toBe('ready');
    expect(h.server.connections).toHaveLength(1);
    await session.close();
  });

  it('keeps a healthy idle connection where neither heartbeats nor pings are on (a browser, interval 0)', async () => {
    const h = harness({ supportsPing: false });
    hazards = h.server.hazards;
    const session = h.session({ heartbeatIntervalMs: 0 });
    const disconnected = h.record(session, 'disconnected');
    await session.start();
    await h.clock.advance(600_000);
    expect(disconnected).toEqual([]);
    expect(h.server.connections).toHaveLength(1);
    // A server that answers nothing is still found out, within the bound.
    h.server.connections[0]!.silent = true;
    await h.clock.advance(75_000);
    expect(disconnected).toHaveLength(1);
    await session.close();
  });

  it('honours a custom bound', async () => {
    const h = harness({ supportsPing: false });
    hazards = h.server.hazards;
    const session = h.session({ livenessTimeoutMs: 20_000, heartbeatIntervalMs: 5_000 });
    const disconnected = h.record(session, 'disconnected');
    await session.start();
    h.server.connections[0]!.silent = true;
    await h.clock.advance(20_000);
    expect(disconnected).toHaveLength(1);
    await session.close();
  });
});

describe('reconnecting', () => {
  it('backs off with full jitter while the server is down, then resets after a stable period', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session({ reconnectBaseMs: 1_000, reconnectCapMs: 8_000, stableAfterMs: 60_000 });
    const reconnecting = h.record(session, 'reconnecting');
    await session.start();
    h.server.refuseConnections = true;
    h.server.connections[0]!.drop();
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await until(() => reconnecting.length === attempt, `attempt ${attempt}`);
      await h.clock.advance(reconnecting[attempt - 1]!.delayMs);
    }
    const delays = reconnecting.slice(0, 6).map((event) => event.delayMs);
    const ceilings = [1_000, 2_000, 4_000, 8_000, 8_000, 8_000];
    delays.forEach((delay, index) => {
      expect(delay).toBeLessThan(ceilings[index]!);
    });
    expect(reconnecting.slice(0, 6).map((event) => event.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(delays).size).toBeGreaterThan(3);
    await until(() => reconnecting.length === 7, 'attempt 7');
    h.server.refuseConnections = false;
    await h.clock.advance(reconnecting[6]!.delayMs);
    await until(() => session.state === 'ready', 'ready');
    // Not stable yet: a drop continues the schedule.
    h.server.connections.at(-1)!.drop();
    await until(() => reconnecting.length === 8, 'attempt 8');
    expect(reconnecting[7]!.attempt).toBe(8);
    await h.clock.advance(reconnecting[7]!.delayMs);
    await until(() => session.state === 'ready', 'ready');
    await h.clock.advance(60_000);
    h.server.connections.at(-1)!.drop();
    await until(() => reconnecting.length === 9, 'attempt 9');
    expect(reconnecting[8]!.attempt).toBe(1);
    await session.close();
  });

  it('gives up after reconnectMaxAttempts and closes with reason gave-up', async () => {
    const h = harness();
    hazards = h.server.hazards;
    h.server.refuseConnections = true;
    const session = h.session({ reconnectMaxAttempts: 2, reconnectBaseMs: 100 });
    const result = session.start().catch((e: unknown) => e);
    for (let i = 0; i < 3; i += 1) {
      await h.clock.advance(100);
      await until(() => true);
    }
    await until(() => session.state === 'closed', 'closed');
    expect(session.closeReason).toBe('gave-up');
    expect(hasErrorName(await result, 'TransportError')).toBe(true);
  });

  it('times out a connector that never answers', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session(
      { reconnectMaxAttempts: 0, connectTimeoutMs: 5_000 },
      { connector: () => new Promise(() => {}) },
    );
    const result = session.start().catch((e: unknown) => e);
    await h.clock.advance(5_000);
    expect(isBirdTalkError(await result, SessionErrorCode.CONNECT_TIMEOUT)).toBe(true);
  });
});

describe('closing', () => {
  it('is idempotent, rejects pending requests and chats, stops reconnecting', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session({ resendUnacknowledged: false });
    const closed = h.record(session, 'closed');
    await session.start();
    // A hung server: nothing is answered, not even the fences.
    h.server.connections[0]!.silent = true;
    const query = session.query({ queryType: 0, chatType: ChatType.ChatTypeP2P }).catch((e: unknown) => e);
    const chat = session
      .sendChat({ toId: '10002', chatType: ChatType.ChatTypeP2P, data: new Uint8Array([1]) })
      .catch((e: unknown) => e);
    // The query is sent; the chat waits for the query's fence (a request that is alone in flight).
    await until(() => requests(h.server).includes('commonQuery'), 'the query sent');
    expect(session.outboxSize).toBe(1);
    const first = session.close();
    const second = session.close();
    expect(second).toBe(first);
    await first;
    for (const error of [await query, await chat]) {
      expect(isBirdTalkError(error, SessionErrorCode.SESSION_CLOSED)).toBe(true);
      expect(hasErrorName(error, 'StateError')).toBe(true);
    }
    expect(closed).toEqual([{ reason: 'closed' }]);
    expect(session.state).toBe('closed');
    await expect(session.query({ queryType: 0, chatType: 1 })).rejects.toMatchObject({
      code: SessionErrorCode.SESSION_CLOSED,
    });
    await expect(session.start()).resolves.toBeDefined();
    await h.clock.advance(600_000);
    expect(h.server.connections).toHaveLength(1);
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('closes before it ever connected', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.close();
    await expect(session.start()).rejects.toMatchObject({ code: SessionErrorCode.SESSION_CLOSED });
  });

  it('abandons a pending connection attempt on close, through cancelWith or, for a connector without it, the signal', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const abandoned: unknown[] = [];
    const withCancel: Connector = (_url, options) =>
      new Promise((_resolve, reject) =>
        options?.cancelWith?.((reason) => {
          abandoned.push(reason);
          reject(reason);
        }),
      );
    let signal: AbortSignal | undefined;
    const withSignal: Connector = (_url, options) => {
      signal = options?.signal;
      return new Promise((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(signal?.reason)),
      );
    };
    for (const connector of [withCancel, withSignal]) {
      const session = h.session({ reconnectMaxAttempts: 0 }, { connector });
      const started = session.start().catch((e: unknown) => e);
      await until(() => session.state === 'connecting', 'connecting');
      await session.close();
      expect(isBirdTalkError(await started, SessionErrorCode.SESSION_CLOSED)).toBe(true);
    }
    expect(abandoned).toHaveLength(1);
    expect(isBirdTalkError(abandoned[0], SessionErrorCode.SESSION_CLOSED)).toBe(true);
    expect(signal?.aborted).toBe(true);
    expect(isBirdTalkError(signal?.reason, SessionErrorCode.SESSION_CLOSED)).toBe(true);
  });

  it('rejects start() when closed during the handshake', async () => {
    const h = harness();
    hazards = h.server.hazards;
    h.server.handle('hello', () => true);
    const session = h.session();
    const started = session.start().catch((e: unknown) => e);
    await until(() => h.server.connections[0]?.received.length === 1, 'the hello');
    await session.close();
    expect(isBirdTalkError(await started, SessionErrorCode.SESSION_CLOSED)).toBe(true);
  });

  it('supports await using', async () => {
    const h = harness();
    hazards = h.server.hazards;
    let outer: { state: string } | undefined;
    {
      await using session = h.session();
      outer = session;
      await session.start();
    }
    expect(outer?.state).toBe('closed');
  });

  it('ends on logout without reconnecting', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    const texts = h.record(session, 'text');
    await session.start();
    await session.logout();
    await until(() => session.state === 'closed', 'closed');
    expect(session.closeReason).toBe('logged-out');
    await h.clock.advance(600_000);
    expect(h.server.connections).toHaveLength(1);
    expect(texts).toContain('logout');
    // The key stays: the token is still valid server-side and bound to this user.
    expect(await h.keyStore.load(h.server.url, '10001')).toBeDefined();
  });

  it('ends on unregistration, forgetting the key', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    await session.unregister();
    await until(() => session.state === 'closed', 'closed');
    expect(session.closeReason).toBe('unregistered');
    expect(await h.keyStore.load(h.server.url, '10001')).toBeUndefined();
    await h.clock.advance(600_000);
    expect(h.server.connections).toHaveLength(1);
  });

  it('closes as gave-up, and logs why, when its connection loop fails where it expected no failure', async () => {
    const h = harness();
    hazards = h.server.hazards;
    // A random source that fails: the backoff after a lost connection throws inside the loop.
    const random = {
      bytes: (length: number) => new Uint8Array(length),
      float: (): number => {
        throw new Error('no entropy');
      },
    };
    const session = h.session({}, { random });
    await session.start();
    h.server.connections[0]!.drop();
    await until(() => session.state === 'closed', 'closed');
    expect(session.closeReason).toBe('gave-up');
    expect(h.logger.records.some((record) => record.message === 'the session loop failed')).toBe(true);
  });

  it('iterates events until the session closes', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    const states: string[] = [];
    const done = (async () => {
      for await (const change of session.stream('state')) states.push(change.to);
    })();
    await session.start();
    await session.close();
    await done;
    expect(states).toEqual(['connecting', 'hello', 'key-exchange', 'awaiting-login', 'ready', 'closed']);
  });

  it('ends a stream opened after close() at once', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    await session.close();
    const late = session.stream('chat');
    const next = await Promise.race([late.next(), h.clock.advance(1).then(() => 'still open' as const)]);
    expect(next).toEqual({ value: undefined, done: true });
  });
});

describe('creating a session', () => {
  it('reads the runtime’s description for the Hello once per process, not once per session', () => {
    const h = harness();
    hazards = h.server.hazards;
    h.session();
    // os.cpus() and ICU lookups cost more than a whole fast re-login; thousands of sessions must not repeat them.
    const cpus = vi.spyOn(os, 'cpus');
    try {
      for (let i = 0; i < 3; i += 1) h.session();
      expect(cpus).not.toHaveBeenCalled();
    } finally {
      cpus.mockRestore();
    }
  });

  it('makes the default ECDH provider once per process, not once per session', () => {
    const h = harness();
    hazards = h.server.hazards;
    // Without an ECDH provider of its own, as most programs create sessions.
    const bare = () =>
      createSession(
        { url: h.server.url, credentials: { method: 'id', userId: '10001', password: PASSWORD } },
        { connector: h.server.connector, clock: h.clock },
      );
    bare();
    // The default provider looks up WebCrypto when it is made; thousands of idle sessions need only one.
    const subtle = vi.spyOn(Object.getPrototypeOf(globalThis.crypto), 'subtle', 'get');
    try {
      for (let i = 0; i < 3; i += 1) bare();
      expect(subtle).not.toHaveBeenCalled();
    } finally {
      subtle.mockRestore();
    }
  });

  it('refuses options that cannot work', () => {
    const h = harness();
    hazards = h.server.hazards;
    expect(() => h.session({ url: '' })).toThrow(expect.objectContaining({ name: 'InvalidArgumentError' }));
    expect(() => h.session({ credentials: { method: 'id', userId: 'ada', password: 'x' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_ID' }),
    );
    expect(() => h.session({ credentials: { method: 'id', userId: '10001' } as never })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
    expect(() => h.session({ credentials: { method: 'phone' } as never })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
    expect(() => h.session({ heartbeatIntervalMs: -1 })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
    expect(() => h.session({ livenessTimeoutMs: Number.NaN })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
    // Zero attempts could never succeed: the session would reconnect for ever.
    expect(() => h.session({ maxKeyExchangeAttempts: 0 })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
    // The real server drops replies beyond 128 queued for a connection: the cap stays well below that.
    for (const maxFramesInFlight of [1, 128]) {
      expect(() => h.session({ maxFramesInFlight })).toThrow(
        expect.objectContaining({ name: 'InvalidArgumentError' }),
      );
    }
    expect(() => h.session({ maxCodeAttempts: 0.5 })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
    expect(() => h.session({}, { connector: undefined as never })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
  });
});

/** The connector, with the subscriptions its transports see written to `calls`; `hide` takes attach() away. */
function watched(connector: Connector, hide: boolean, calls: string[]): Connector {
  return async (url, options) => {
    const transport = await connector(url, options);
    return new Proxy(transport, {
      get(target, property) {
        if (hide && (property === 'attach' || property === 'detach')) return undefined;
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (property === 'attach' || property === 'detach') {
          return (sink: unknown) => {
            calls.push(property);
            value.call(target, sink);
          };
        }
        if (property !== 'on') return value.bind(target);
        return (event: string, ...rest: unknown[]) => {
          calls.push(`on ${event}`);
          const off = value.call(target, event, ...rest) as () => void;
          return () => {
            calls.push(`off ${event}`);
            off();
          };
        };
      },
    });
  };
}

describe('subscribing to the transport', () => {
  const events = ['frame', 'text', 'pong', 'close', 'error'];

  it('attaches the connection as the transport’s one sink, and detaches it when the connection ends', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const calls: string[] = [];
    const session = h.session({}, { connector: watched(h.server.connector, false, calls) });
    await session.start();
    expect(calls).toEqual(['attach']);
    h.server.connections[0]!.drop();
    await h.clock.advance(1_000);
    await until(() => session.state === 'ready' && h.server.connections.length === 2, 'the reconnect');
    await session.close();
    expect(calls).toEqual(['attach', 'detach', 'attach', 'detach']);
  });

  it('subscribes with on() where the transport has no attach(), and unsubscribes when the connection ends', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const calls: string[] = [];
    const session = h.session({}, { connector: watched(h.server.connector, true, calls) });
    await session.start();
    expect(calls).toEqual(events.map((event) => `on ${event}`));
    h.server.connections[0]!.drop();
    await h.clock.advance(1_000);
    await until(() => session.state === 'ready' && h.server.connections.length === 2, 'the reconnect');
    // Liveness goes on over the listeners: heartbeats are answered, pings too, and the connection stays.
    await h.clock.advance(90_000);
    expect(session.state).toBe('ready');
    expect(h.server.connections).toHaveLength(2);
    await session.close();
    const oneConnection = [...events.map((event) => `on ${event}`), ...events.map((event) => `off ${event}`)];
    expect(calls).toEqual([...oneConnection, ...oneConnection]);
  });
});
