import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLogger } from '@birdtalk/runtime';
import { createServer } from './server.js';
import { chooseStateFile, startupFailureText } from './state-file.js';

const USAGE = `usage: pnpm server [--port 7817] [--host 127.0.0.1] [--tls | --cert file --key file]
                   [--strict | --lenient] [--snapshot file | --memory] [--friend-mode follow|request] [--verbose]

State (users, groups, messages, files) is kept in ~/.local/state/birdtalk/server-<port>.json (under
$XDG_STATE_HOME when set): loaded at start, saved on Ctrl-C or SIGTERM. --snapshot names another file;
--memory (and --port 0) keep it in memory only.`;

/** Runs the reference server until SIGINT or SIGTERM. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '7817' },
      host: { type: 'string', default: '127.0.0.1' },
      tls: { type: 'boolean', default: false },
      cert: { type: 'string' },
      key: { type: 'string' },
      strict: { type: 'boolean', default: false },
      lenient: { type: 'boolean', default: false },
      snapshot: { type: 'string' },
      memory: { type: 'boolean', default: false },
      'friend-mode': { type: 'string', default: 'follow' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  const friendMode = values['friend-mode'];
  if (
    !Number.isInteger(port) ||
    port < 0 ||
    port > 65535 ||
    (friendMode !== 'follow' && friendMode !== 'request')
  ) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if ((values.cert === undefined) !== (values.key === undefined)) {
    process.stderr.write('--cert and --key go together\n');
    process.exitCode = 2;
    return;
  }
  const tls =
    values.cert !== undefined && values.key !== undefined
      ? { cert: readFileSync(values.cert, 'utf8'), key: readFileSync(values.key, 'utf8') }
      : values.tls
        ? ('self-signed' as const)
        : undefined;
  if (values.memory && values.snapshot !== undefined) {
    process.stderr.write('--snapshot and --memory exclude each other\n');
    process.exitCode = 2;
    return;
  }
  const state = chooseStateFile({ snapshot: values.snapshot, memory: values.memory, port });
  const server = await createServer({
    port,
    host: values.host,
    strict: !values.lenient,
    friendMode,
    ...(tls === undefined ? {} : { tls }),
    ...(state.file === undefined ? {} : { snapshotFile: state.file }),
    logger: createLogger(
      (record) =>
        process.stderr.write(`${record.level} ${record.message} ${JSON.stringify(record.fields)}\n`),
      {
        level: values.verbose ? 'debug' : 'warn',
      },
    ),
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`${server.url}\n`);
  if (server.certificate !== undefined)
    process.stdout.write(`certificate sha256 ${server.certificate.sha256}\n`);
  process.stderr.write(`${state.note}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`server: ${startupFailureText(error) ?? String(error)}\n`);
  process.exitCode = 1;
});
