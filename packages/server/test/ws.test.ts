import { ComMsgType, UserOperationType } from '@birdtalk/proto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type BirdTalkServer, createServer } from '../src/index.js';
import { connectWs } from './helpers/client.js';
import { hello, msg, register, userOp } from './helpers/protocol.js';

let server: BirdTalkServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('WebSocket endpoint', () => {
  it('serves /ws with binary frames and echoes text frames', async () => {
    server = await createServer();
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws$/);
    expect(server.httpUrl).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.certificate).toBeUndefined();
    const client = await connectWs(`${server.url}?code=plain`);
    expect((await hello(client)).plainMsg?.hello?.stage).toBe('waitlogin');
    client.sendText('ping?');
    await client.until(() => client.texts.length > 0);
    expect(client.texts).toEqual(['recv msg:ping?']);
  });

  it('logout: the text frame "logout", then the socket closes without a close frame (1006)', async () => {
    server = await createServer();
    const client = await connectWs(server.url);
    await register(client);
    client.send(userOp(UserOperationType.Logout, undefined));
    const closed = await client.closed();
    expect(closed.code).toBe(1006);
    expect(client.texts).toEqual(['logout']);
  });

  it('answers client pings, and closes with 1009 for a frame over the limit', async () => {
    server = await createServer({ maxFrameBytes: 1024 });
    const client = await connectWs(server.url);
    client.ping();
    await client.until(() => client.pongs > 0);
    expect(client.pongs).toBe(1);
    client.sendBytes(new Uint8Array(2048));
    expect((await client.closed()).code).toBe(1009);
  });

  it('never echoes a requested subprotocol', async () => {
    server = await createServer();
    const ws = new WebSocket(server.url, ['birdtalk']);
    const error = await new Promise<Error>((resolve) => ws.once('error', resolve));
    expect(error.message).toMatch(/subprotocol/i);
  });

  it('a malformed frame drops the socket abruptly in strict mode', async () => {
    server = await createServer({ expectedHazards: ['malformed-frame'] });
    const client = await connectWs(server.url);
    client.sendBytes(new Uint8Array([0xff, 0xff, 0xff]));
    expect((await client.closed()).code).toBe(1006);
    expect(server.hazards().map((h) => h.name)).toEqual(['malformed-frame']);
  });

  it('serves the in-memory connector and sockets from the same state', async () => {
    server = await createServer();
    const { connectMemory } = await import('./helpers/client.js');
    const memory = await connectMemory(server);
    const uid = await register(memory);
    const socket = await connectWs(server.url);
    socket.send(
      msg(ComMsgType.MsgTUserOp, {
        userOp: { operation: UserOperationType.Login, user: { userId: uid, params: { pwd: 'secret' } } },
      }),
    );
    expect((await socket.waitFor('userOpRet')).plainMsg?.userOpRet?.status).toBe('loginok');
    expect(server.sessionCount(uid)).toBe(2);
  });
});
