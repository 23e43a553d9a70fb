import { describe, expect, it } from 'vitest';
import { collect, nextEvent, recordUntilClose } from '../test/events.js';
import { createMemoryConnector, createMemoryTransportPair } from './testing.js';
import type { Transport } from './transport.js';

describe('createMemoryTransportPair', () => {
  it('delivers asynchronously, never inside send()', async () => {
    const [client, server] = createMemoryTransportPair();
    const seen: number[] = [];
    server.on('frame', (frame) => seen.push(frame[0]!));
    await Promise.resolve(); // let the (empty) backlog of the first listener flush
    client.send(new Uint8Array([1]));
    expect(seen).toEqual([]);
    expect(client.bufferedAmount).toBe(1);
    await nextEvent(server, 'frame');
    expect(seen).toEqual([1]);
    expect(client.bufferedAmount).toBe(0);
  });

  it('copies frames on send, as a socket would', async () => {
    const [client, server] = createMemoryTransportPair();
    const received = nextEvent(server, 'frame');
    const frame = new Uint8Array([1, 2, 3]);
    client.send(frame);
    frame.fill(0);
    expect([...(await received)[0]]).toEqual([1, 2, 3]);
  });

  it('refuses frames over maxFrameBytes like a Node socket: an error, then 1009 on both ends', async () => {
    const [client, server] = createMemoryTransportPair({ maxFrameBytes: 4 });
    const atServer = recordUntilClose(server);
    const atClient = nextEvent(client, 'close');
    client.send(new Uint8Array(4));
    client.send(new Uint8Array(5));
    client.send(new Uint8Array(1));
    const log = await atServer;
    expect(log.map(([event]) => event)).toEqual(['frame', 'error', 'close']);
    expect(log[1]?.[1]).toMatchObject({ code: 'TRANSPORT_FRAME_TOO_LARGE', details: { byteLength: 5 } });
    expect(log[2]?.[1]).toEqual({ code: 1009, reason: 'Frame too large', wasClean: false });
    expect((await atClient)[0]).toMatchObject({ code: 1009 });
  });

  it('lets each end of a simultaneous close see the code the other sent', async () => {
    const [a, b] = createMemoryTransportPair();
    const atA = nextEvent(a, 'close');
    const atB = nextEvent(b, 'close');
    a.close(4001, 'from a');
    b.close(4002, 'from b');
    expect((await atA)[0]).toEqual({ code: 4002, reason: 'from b', wasClean: true });
    expect((await atB)[0]).toEqual({ code: 4001, reason: 'from a', wasClean: true });
  });

  it('delivers frames sent before a close ahead of the close', async () => {
    const [client, server] = createMemoryTransportPair();
    const log = recordUntilClose(server);
    client.send(new Uint8Array([1]));
    client.sendText('last words');
    client.close(1001, 'going away');
    expect((await log).map(([event]) => event)).toEqual(['frame', 'text', 'close']);
  });

  it('survives a throwing error listener: other listeners still run, nothing escapes', async () => {
    const [client, server] = createMemoryTransportPair();
    const reported: string[] = [];
    client.on('frame', () => {
      throw new Error('frame listener bug');
    });
    client.on('error', () => {
      throw new Error('error listener bug');
    });
    client.on('error', (error) => reported.push(error.code));
    const delivered = collect(client, 'frame', 2);
    server.send(new Uint8Array([1]));
    server.send(new Uint8Array([2]));
    expect((await delivered).length).toBe(2);
    expect(reported).toEqual(['TRANSPORT_LISTENER_FAILED', 'TRANSPORT_LISTENER_FAILED']);
    expect(client.state).toBe('open');
  });

  it('reports a throw from a close listener before letting go of its listeners', async () => {
    const [client, server] = createMemoryTransportPair();
    const reported = nextEvent(client, 'error');
    client.on('close', () => {
      throw new Error('close listener bug');
    });
    server.close();
    expect((await reported)[0]).toMatchObject({
      code: 'TRANSPORT_LISTENER_FAILED',
      details: { event: 'close' },
    });
  });

  it('ignores listeners added after the close was delivered', async () => {
    const [client, server] = createMemoryTransportPair();
    await new Promise<void>((resolve) => {
      client.on('close', () => resolve());
      server.close();
    });
    let calls = 0;
    const off = client.on('close', () => (calls += 1));
    off();
    await Promise.resolve();
    expect(calls).toBe(0);
  });
});

describe('createMemoryConnector', () => {
  it('hands the server end and the URL to accept, and resolves with the client end', async () => {
    let accepted: { server: Transport; url: string } | undefined;
    const connect = createMemoryConnector((server, url) => {
      accepted = { server, url };
      // A greeting sent at once is kept until the client listens.
      server.sendText('hello');
    });
    const client = await connect('wss://test.invalid/ws');
    expect(accepted?.url).toBe('wss://test.invalid/ws');
    expect(await nextEvent(client, 'text')).toEqual(['hello']);
    const echoed = nextEvent(accepted!.server, 'frame');
    client.send(new Uint8Array([5]));
    expect([...(await echoed)[0]]).toEqual([5]);
  });

  it('waits for an asynchronous accept', async () => {
    let release = (): void => {};
    const connect = createMemoryConnector(() => new Promise<void>((resolve) => (release = resolve)));
    let connected = false;
    const attempt = connect('memory://x').then((client) => {
      connected = true;
      return client;
    });
    await Promise.resolve();
    expect(connected).toBe(false);
    release();
    expect((await attempt).state).toBe('open');
  });

  it('abandons a pending attempt through cancelWith, with the reason as the cause', async () => {
    const connect = createMemoryConnector(() => new Promise<void>(() => {}));
    let abandon: ((reason: unknown) => void) | undefined;
    const attempt = connect('memory://a', {
      cancelWith: (given) => {
        abandon = given;
      },
    });
    const reason = new Error('closing');
    abandon?.(reason);
    await expect(attempt).rejects.toMatchObject({ name: 'AbortError', cause: reason });
  });

  it('fails with TRANSPORT_CONNECT_FAILED when accept throws or rejects, and closes the server end', async () => {
    const cause = new Error('no room');
    let server: Transport | undefined;
    const throwing = createMemoryConnector((end) => {
      server = end;
      throw cause;
    });
    await expect(throwing('memory://x')).rejects.toMatchObject({
      name: 'TransportError',
      code: 'TRANSPORT_CONNECT_FAILED',
      cause,
    });
    expect((await nextEvent(server!, 'close'))[0].code).toBe(1006);

    const rejecting = createMemoryConnector(() => Promise.reject(cause));
    await expect(rejecting('memory://x')).rejects.toMatchObject({ code: 'TRANSPORT_CONNECT_FAILED', cause });
  });
});
