import { FakeClock } from '@birdtalk/runtime/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import { nextEvent, recordUntilClose } from '../test/events.js';
import { startWsServer } from '../test/servers.js';
import { createWebSocketConnector, type WebSocketLike } from './index.js';

type Listener = (event: unknown) => void;

/** A scripted stand-in for a browser's WebSocket: events happen when the test fires them. */
class ScriptedWebSocket implements WebSocketLike {
  static last: ScriptedWebSocket | undefined;
  binaryType = 'blob';
  readyState = 0;
  bufferedAmount = 0;
  readonly constructorArgs: unknown[];
  readonly sent: Array<Uint8Array | string> = [];
  readonly closeCalls: Array<[number | undefined, string | undefined]> = [];
  readonly #listeners = new Map<string, Listener[]>();

  constructor(...args: unknown[]) {
    this.constructorArgs = args;
    ScriptedWebSocket.last = this;
  }

  send(data: Uint8Array | string): void {
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closeCalls.push([code, reason]);
    if (this.readyState < 2) this.readyState = 2;
  }

  addEventListener(type: string, listener: Listener): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  fire(type: 'open' | 'message' | 'error' | 'close', event: object = {}): void {
    if (type === 'open') this.readyState = 1;
    if (type === 'close') this.readyState = 3;
    for (const listener of this.#listeners.get(type) ?? []) listener(event);
  }
}

function scripted(): ScriptedWebSocket {
  const socket = ScriptedWebSocket.last;
  if (socket === undefined) throw new Error('no socket was created');
  return socket;
}

afterEach(() => {
  vi.unstubAllGlobals();
  ScriptedWebSocket.last = undefined;
});

describe('createWebSocketConnector', () => {
  it('uses globalThis.WebSocket when no constructor is given', async () => {
    vi.stubGlobal('WebSocket', WsWebSocket);
    const server = await startWsServer();
    const client = await createWebSocketConnector()(server.url);
    const { transport } = await server.accepted();
    const echoed = nextEvent(transport, 'frame');
    client.send(new Uint8Array([1, 2]));
    expect([...(await echoed)[0]]).toEqual([1, 2]);
    client.terminate();
    await server.close();
  });

  it('fails with TRANSPORT_UNSUPPORTED when the runtime has no WebSocket', async () => {
    vi.stubGlobal('WebSocket', undefined);
    await expect(createWebSocketConnector()('wss://chat.example.com/ws')).rejects.toMatchObject({
      name: 'TransportError',
      code: 'TRANSPORT_UNSUPPORTED',
    });
  });

  it('passes the URL alone (no subprotocols) and asks for ArrayBuffers', async () => {
    const attempt = createWebSocketConnector({ WebSocket: ScriptedWebSocket })('wss://chat.example.com/ws');
    const socket = scripted();
    expect(socket.constructorArgs).toEqual(['wss://chat.example.com/ws']);
    expect(socket.binaryType).toBe('arraybuffer');
    socket.fire('open');
    const transport = await attempt;
    expect(transport.supportsPing).toBe(false);
    expect(transport.ping()).toBe(false);
  });

  it('fails with TRANSPORT_INVALID_URL when the constructor refuses the URL', async () => {
    await expect(createWebSocketConnector({ WebSocket: WsWebSocket })('not a url')).rejects.toMatchObject({
      code: 'TRANSPORT_INVALID_URL',
    });
  });

  it('fails with TRANSPORT_CONNECT_FAILED when the socket closes before opening', async () => {
    const attempt = createWebSocketConnector({ WebSocket: ScriptedWebSocket })('wss://chat.example.com/ws');
    const socket = scripted();
    // What a browser reports for a refused connection or an untrusted certificate: nothing specific.
    socket.fire('error');
    socket.fire('close', { code: 1006, reason: '', wasClean: false });
    await expect(attempt).rejects.toMatchObject({
      code: 'TRANSPORT_CONNECT_FAILED',
      details: { closeCode: 1006, url: 'wss://chat.example.com/ws' },
    });
  });

  it('fails with TRANSPORT_TIMEOUT after connectTimeoutMs on the injected clock, and abandons the socket', async () => {
    const clock = new FakeClock(0);
    const attempt = createWebSocketConnector(
      { WebSocket: ScriptedWebSocket, connectTimeoutMs: 5000 },
      { clock },
    )('wss://chat.example.com/ws');
    let outcome: unknown;
    attempt.catch((error: unknown) => {
      outcome = error;
    });
    const socket = scripted();
    await clock.advance(4999);
    expect(outcome).toBeUndefined();
    await clock.advance(1);
    expect(outcome).toMatchObject({ code: 'TRANSPORT_TIMEOUT', details: { timeoutMs: 5000 } });
    expect(socket.closeCalls).toHaveLength(1);
    // Should the socket open after all, it is closed rather than leaked.
    socket.fire('open');
    expect(socket.closeCalls).toHaveLength(2);
  });

  it('abandons the socket when the signal aborts', async () => {
    const controller = new AbortController();
    const attempt = createWebSocketConnector({ WebSocket: ScriptedWebSocket })('wss://chat.example.com/ws', {
      signal: controller.signal,
    });
    controller.abort();
    await expect(attempt).rejects.toMatchObject({ name: 'AbortError' });
    expect(scripted().closeCalls).toHaveLength(1);
  });

  it('abandons the socket through cancelWith, the reason as the cause', async () => {
    let abandon: ((reason: unknown) => void) | undefined;
    const attempt = createWebSocketConnector({ WebSocket: ScriptedWebSocket })('wss://chat.example.com/ws', {
      cancelWith: (given) => {
        abandon = given;
      },
    });
    abandon?.('closing');
    await expect(attempt).rejects.toMatchObject({ name: 'AbortError', cause: 'closing' });
    expect(scripted().closeCalls).toHaveLength(1);
  });

  it('refuses connectTimeoutMs out of range', () => {
    expect(() => createWebSocketConnector({ connectTimeoutMs: -1 })).toThrow(RangeError);
    expect(() => createWebSocketConnector({ connectTimeoutMs: Number.NaN })).toThrow(RangeError);
  });
});

describe('WHATWG transport', () => {
  async function open() {
    const attempt = createWebSocketConnector({ WebSocket: ScriptedWebSocket })('wss://chat.example.com/ws');
    const socket = scripted();
    socket.fire('open');
    return { socket, transport: await attempt };
  }

  it('maps message events: ArrayBuffer and views to frames, strings to text, anything else to an error', async () => {
    const { socket, transport } = await open();
    const log = recordUntilClose(transport);
    socket.fire('message', { data: new Uint8Array([1, 2]).buffer });
    socket.fire('message', { data: new Uint8Array([0, 3, 4, 0]).subarray(1, 3) });
    socket.fire('message', { data: 'logout' });
    socket.fire('message', { data: { size: 3 } });
    socket.fire('close', { code: 1006, reason: '', wasClean: false });
    expect(await log).toEqual([
      ['frame', new Uint8Array([1, 2])],
      ['frame', new Uint8Array([3, 4])],
      ['text', 'logout'],
      ['error', expect.objectContaining({ code: 'TRANSPORT_SOCKET_ERROR' })],
      ['close', { code: 1006, reason: '', wasClean: false }],
    ]);
  });

  it('only sends close codes the WHATWG API accepts', async () => {
    const { socket, transport } = await open();
    expect(() => transport.close(1001)).toThrow(RangeError);
    transport.close(4000, 'bye');
    expect(socket.closeCalls).toEqual([[4000, 'bye']]);
  });

  it('terminate() reports 1006 at once and ignores what the socket says afterwards', async () => {
    const { socket, transport } = await open();
    const log = recordUntilClose(transport);
    transport.terminate();
    socket.fire('message', { data: 'late' });
    socket.fire('close', { code: 1000, reason: '', wasClean: true });
    expect(await log).toEqual([['close', { code: 1006, reason: 'Terminated', wasClean: false }]]);
  });

  it('reports socket errors after opening as TRANSPORT_SOCKET_ERROR with the cause when there is one', async () => {
    const { socket, transport } = await open();
    const reported = nextEvent(transport, 'error');
    const cause = new Error('reset');
    await Promise.resolve();
    socket.fire('error', { error: cause });
    expect((await reported)[0]).toMatchObject({ code: 'TRANSPORT_SOCKET_ERROR', cause });
  });

  it('counts as closing as soon as the socket does', async () => {
    const { socket, transport } = await open();
    socket.readyState = 2;
    expect(transport.state).toBe('closing');
    expect(() => transport.send(new Uint8Array(1))).toThrow(
      expect.objectContaining({ code: 'TRANSPORT_NOT_OPEN' }),
    );
  });
});
