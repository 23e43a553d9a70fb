import { decodeMsg, encodeMsg, type Msg, type MsgInit, type MsgPlainCase } from '@birdtalk/proto';
import type { CloseInfo, Transport } from '@birdtalk/transport';
import WebSocket from 'ws';
import type { BirdTalkServer } from '../../src/index.js';
import type { MemoryTransport } from '../../src/transport/memory.js';

/** Lets queued microtasks and immediates run (memory transports deliver asynchronously). */
export async function settle(turns = 6): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

interface Waiter {
  predicate: (msg: Msg) => boolean;
  resolve: (msg: Msg) => void;
}

/**
 * A raw protocol client for tests: it writes and reads `Msg` frames with the codec only, over an in-memory
 * transport or a real WebSocket, and keeps everything it receives.
 */
export class TestClient {
  /** Binary messages not yet consumed by {@link TestClient.wait} or {@link TestClient.take}. */
  readonly inbox: Msg[] = [];
  /** Every text frame received. */
  readonly texts: string[] = [];
  /** Pongs received. */
  pongs = 0;
  /** Server pings received.  */
  pings = 0;
  closeInfo: CloseInfo | undefined;
  readonly #waiters: Waiter[] = [];
  readonly #closeWaiters: ((info: CloseInfo) => void)[] = [];
  readonly #send: (data: Uint8Array | string) => void;
  readonly #ping: () => void;
  readonly #close: (code?: number) => void;

  constructor(send: (data: Uint8Array | string) => void, ping: () => void, close: (code?: number) => void) {
    this.#send = send;
    this.#ping = ping;
    this.#close = close;
  }

  readonly #eventWaiters: (() => void)[] = [];

  /** Wakes waiters of {@link TestClient.until}. */
  notify(): void {
    for (const wake of this.#eventWaiters.splice(0)) wake();
  }

  /** Resolves once `condition` holds (checked on every received frame, text, ping or pong). */
  async until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.#eventWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Feeds a received binary frame. */
  receiveFrame(frame: Uint8Array): void {
    this.notify();
    const msg = decodeMsg(frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER });
    const index = this.#waiters.findIndex((w) => w.predicate(msg));
    if (index >= 0) {
      const [waiter] = this.#waiters.splice(index, 1);
      waiter!.resolve(msg);
      return;
    }
    this.inbox.push(msg);
  }

  receiveClose(info: CloseInfo): void {
    this.closeInfo ??= info;
    for (const resolve of this.#closeWaiters.splice(0)) resolve(info);
  }

  /** Sends a message (version 1 and tm default to sensible values). */
  send(msg: MsgInit): void {
    this.#send(encodeMsg({ version: 1, tm: Date.now(), ...msg } as MsgInit));
  }

  sendBytes(bytes: Uint8Array): void {
    this.#send(bytes);
  }

  sendText(text: string): void {
    this.#send(text);
  }

  ping(): void {
    this.#ping();
  }

  close(code?: number): void {
    this.#close(code);
  }

  /** The first message (already received or still to come) that matches; consumed. */
  wait(predicate: (msg: Msg) => boolean = () => true, timeoutMs = 3000): Promise<Msg> {
    const index = this.inbox.findIndex(predicate);
    if (index >= 0) return Promise.resolve(this.inbox.splice(index, 1)[0]!);
    return new Promise<Msg>((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.#waiters.indexOf(waiter);
        if (i >= 0) this.#waiters.splice(i, 1);
        reject(
          new Error(
            `no matching message within ${timeoutMs} ms; inbox: ${JSON.stringify(this.inbox.map(describe))}`,
          ),
        );
      }, timeoutMs);
      const waiter: Waiter = {
        predicate,
        resolve: (msg) => {
          clearTimeout(timer);
          resolve(msg);
        },
      };
      this.#waiters.push(waiter);
    });
  }

  /** Waits for the message of a payload case. */
  waitFor(kind: MsgPlainCase, timeoutMs?: number): Promise<Msg> {
    return this.wait((m) => m.plainMsg?.message === kind, timeoutMs);
  }

  /** Everything unconsumed, consumed now. */
  take(): Msg[] {
    return this.inbox.splice(0);
  }

  /** Resolves when the connection closes. */
  closed(timeoutMs = 3000): Promise<CloseInfo> {
    if (this.closeInfo !== undefined) return Promise.resolve(this.closeInfo);
    return new Promise<CloseInfo>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('connection did not close')), timeoutMs);
      this.#closeWaiters.push((info) => {
        clearTimeout(timer);
        resolve(info);
      });
    });
  }
}

function describe(msg: Msg): string {
  return `${msg.msgType}:${msg.plainMsg?.message ?? '-'}`;
}

/** A client over the server's in-memory connector; `answerPings: false` makes it ignore the server's pings. */
export async function connectMemory(
  server: BirdTalkServer,
  options: { answerPings?: boolean } = {},
): Promise<TestClient> {
  const transport: Transport = await server.connector()('memory://test');
  const client = new TestClient(
    (data) => (typeof data === 'string' ? transport.sendText(data) : transport.send(data)),
    () => transport.ping(),
    (code) => transport.close(code),
  );
  transport.on('frame', (frame) => client.receiveFrame(frame));
  transport.on('text', (text) => client.texts.push(text));
  transport.on('pong', () => {
    client.pongs += 1;
  });
  transport.on('close', (info) => client.receiveClose(info));
  const memory = transport as MemoryTransport;
  memory.handlePings((data) => {
    client.pings += 1;
    if (options.answerPings !== false) memory.pong(data);
  });
  return client;
}

/** Reads the listed fields, defaults included (decoded messages keep proto3 defaults on their prototype). */
export function pick<T extends object, K extends keyof T>(
  value: T | undefined,
  keys: readonly K[],
): Pick<T, K> {
  const out = {} as Pick<T, K>;
  if (value === undefined) throw new Error('nothing to pick from');
  for (const key of keys) out[key] = value[key];
  return out;
}

/** A client over a real WebSocket. */
export async function connectWs(url: string, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
  const ws = new WebSocket(url, options);
  const client = new TestClient(
    (data) => ws.send(data, { binary: typeof data !== 'string' }),
    () => ws.ping(),
    (code) => ws.close(code),
  );
  ws.on('message', (data, isBinary) => {
    const bytes = Array.isArray(data)
      ? Buffer.concat(data)
      : data instanceof ArrayBuffer
        ? Buffer.from(data)
        : (data as Buffer);
    if (isBinary) client.receiveFrame(new Uint8Array(bytes));
    else client.texts.push(bytes.toString('utf8'));
    client.notify();
  });
  ws.on('pong', () => {
    client.pongs += 1;
    client.notify();
  });
  ws.on('ping', () => {
    client.pings += 1;
    client.notify();
  });
  ws.on('close', (code, reason) =>
    client.receiveClose({ code, reason: reason.toString(), wasClean: code !== 1006 }),
  );
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return client;
}
