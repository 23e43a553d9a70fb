import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../test/events.js';
import { startWsServer } from '../test/servers.js';
import { createNodeConnector } from './node.js';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Counts the calls that hand bytes to the kernel (`_write` / `_writev`) on a TCP socket. */
function countKernelWrites(tcp: Socket): () => number {
  let calls = 0;
  const target = tcp as unknown as Record<'_write' | '_writev', (...args: unknown[]) => unknown>;
  for (const method of ['_write', '_writev'] as const) {
    const original = target[method];
    target[method] = function (this: unknown, ...args: unknown[]) {
      calls += 1;
      return original.apply(this, args);
    };
  }
  return () => calls;
}

describe('write batching', () => {
  it('sends the frames of one turn in a few system calls, in order, and a lone frame at once', async () => {
    const server = await startWsServer();
    cleanup.push(() => server.close());
    const client = await createNodeConnector()(server.url);
    cleanup.push(() => client.terminate());
    const { socket, transport: peer } = await server.accepted();
    const writes = countKernelWrites((socket as unknown as { _socket: Socket })._socket);

    const burst = collect(client, 'frame', 50);
    for (let i = 0; i < 50; i += 1) peer.send(Uint8Array.of(i));
    expect((await burst).map((frame) => frame[0])).toEqual([...Array(50).keys()]);
    // Written out every 16 frames, so the peer can start early: 50 frames in 4 calls.
    expect(writes()).toBeLessThanOrEqual(5);

    const lone = collect(client, 'frame', 1);
    peer.send(Uint8Array.of(200));
    expect([...(await lone)[0]!]).toEqual([200]);

    // The same burst written straight through ws, without the batcher, takes a call per frame.
    const before = writes();
    const unbatched = collect(client, 'frame', 50);
    for (let i = 0; i < 50; i += 1) socket.send(Uint8Array.of(i), { binary: true });
    await unbatched;
    expect(writes() - before).toBeGreaterThanOrEqual(50);
  });

  it('delivers what was sent before the connection is dropped in the same turn', async () => {
    const server = await startWsServer();
    cleanup.push(() => server.close());
    const client = await createNodeConnector()(server.url);
    cleanup.push(() => client.terminate());
    const { transport: peer } = await server.accepted();
    const last = collect(client, 'text', 1);
    const closed = collect(client, 'close', 1);
    // What the BirdTalk server does on logout: a text frame, then the socket is dropped.
    peer.sendText('logout');
    peer.terminate();
    expect(await last).toEqual(['logout']);
    expect((await closed)[0]?.code).toBe(1006);
  });
});
