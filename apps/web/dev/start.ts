// `pnpm web`: the web client in front of the reference server and the echo bot (or of a server you name),
// served by Vite on http://127.0.0.1:5173/.
//
//   pnpm web                                          reference server + echo bot, log in with the printed account
//   pnpm web --server wss://chat.example.com:7817/ws  a real server with a certificate this machine trusts
//   pnpm web --server wss://host:7817/ws --pin AB:CD:…   a real server with a self-signed certificate
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { appConfig } from './app-config.js';
import { type DevWorld, startDevWorld } from './dev-world.js';
import { pinnedAgent } from './pinned-agent.js';
import { birdtalkProxy, type UpstreamTrust } from './serve.js';

const USAGE =
  'usage: pnpm web [--port 5173] [--host 127.0.0.1] [--server wss://host:7817/ws [--pin sha256 | --insecure]]';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5173' },
    host: { type: 'string', default: '127.0.0.1' },
    server: { type: 'string' },
    pin: { type: 'string' },
    insecure: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port);
if (
  !Number.isInteger(port) ||
  port < 0 ||
  port > 65535 ||
  (values.server === undefined && (values.pin || values.insecure))
) {
  console.error(USAGE);
  process.exit(2);
}

let world: DevWorld | undefined;
let target: string;
let trust: UpstreamTrust = {};
if (values.server === undefined) {
  world = await startDevWorld();
  target = world.server.url;
} else {
  target = values.server;
  if (values.pin !== undefined) trust = { agent: pinnedAgent(values.pin) };
  else if (values.insecure) {
    console.warn(
      '--insecure: any certificate is accepted; anyone in between can read and change the traffic',
    );
    trust = { insecure: true };
  }
}

const vite = await createServer(
  appConfig({
    logLevel: 'warn',
    server: { host: values.host, port, proxy: birdtalkProxy(target, trust) },
  }),
);
await vite.listen();
const url = vite.resolvedUrls?.local[0] ?? `http://${values.host}:${port}/`;
console.log(`BirdTalk web client: ${url}`);
if (world !== undefined) {
  console.log(`  reference server ${world.server.url} (strict), echo bot: user id ${world.botId}`);
  console.log(`  log in as user id ${world.user.userId}, password ${world.user.password}`);
  console.log('  then pick "Echo bot" and send /ping');
} else {
  console.log(`  forwarding /ws and /filestore to ${target}`);
}

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  Promise.allSettled([vite.close(), world?.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
