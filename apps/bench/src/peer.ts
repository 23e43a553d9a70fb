// The benchmark's other process: a BirdTalk reference server and a raw `ws` echo server side by side, so that
// both baselines and our client cross the same process boundary. The parent talks to it over IPC:
//   → { type: 'create-users', count, password }       ← { type: 'users', ids }
//   → { type: 'follow', from, to }                     ← { type: 'followed' }
//   → { type: 'memory' }                               ← { type: 'memory', rss, heapUsed }
//   → { type: 'cpu' }                                  ← { type: 'cpu', micros }
// and it announces itself with { type: 'ready', serverUrl, echoUrl } once both listen.
import { createServer } from '@birdtalk/server';
import { WebSocketServer } from 'ws';

const server = await createServer({ port: 0, strict: true });
const echo = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
echo.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
});
await new Promise<void>((resolve) => echo.once('listening', () => resolve()));
const address = echo.address();
const echoPort = typeof address === 'object' && address !== null ? address.port : 0;

type Request =
  | { type: 'create-users'; count: number; password: string }
  | { type: 'follow'; from: string; to: string }
  | { type: 'memory' }
  | { type: 'cpu' }
  | { type: 'stop' };

process.on('message', async (request: Request) => {
  if (request.type === 'create-users') {
    const ids: string[] = [];
    for (let i = 0; i < request.count; i += 1) {
      ids.push(await server.createUser({ userName: `bench${i}`, password: request.password }));
    }
    process.send?.({ type: 'users', ids });
  } else if (request.type === 'follow') {
    await server.follow(request.from, request.to);
    process.send?.({ type: 'followed' });
  } else if (request.type === 'memory') {
    globalThis.gc?.();
    const usage = process.memoryUsage();
    process.send?.({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed });
  } else if (request.type === 'cpu') {
    const usage = process.cpuUsage();
    process.send?.({ type: 'cpu', micros: usage.user + usage.system });
  } else if (request.type === 'stop') {
    echo.close();
    await server.close();
    process.exit(0);
  }
});

process.send?.({ type: 'ready', serverUrl: server.url, echoUrl: `ws://127.0.0.1:${echoPort}` });
