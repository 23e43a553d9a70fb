import { createLogger } from '@birdtalk/runtime';
import { chooseStateFile, createServer, startupFailureText } from '@birdtalk/server';
import { type Command, noMorePositionals, parseNumber } from '../command.js';
import { parseCommand } from '../context.js';
import { CliError, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { safeJson } from '../output.js';

/** `birdtalk server`: runs the reference server in this process until interrupted. */
export const serverCommand: Command = {
  name: 'server',
  summary: 'run a local reference server and print its URL',
  usage: `usage: birdtalk server [--port 7817] [--host 127.0.0.1] [--tls] [--strict] [--snapshot file | --memory]

Runs the BirdTalk reference server until Ctrl-C. Its state is kept in
~/.local/state/birdtalk/server-<port>.json (under $XDG_STATE_HOME when set): loaded at start, saved
when it stops. --snapshot names another file; --memory (and --port 0) keep it in memory only.
Prints its URL on the first line; with --tls also "certificate sha256 <hex>", the value for --pin.
--strict drops a connection that sends what would crash the real server (as the real server would);
by default such requests are answered with an error and logged as warnings.`,
  async run(ctx, argv) {
    const { values, positionals } = parseCommand(argv, {
      port: { type: 'string', default: '7817' },
      host: { type: 'string', default: '127.0.0.1' },
      tls: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      snapshot: { type: 'string' },
      memory: { type: 'boolean', default: false },
    });
    noMorePositionals(positionals, 0);
    const port = parseNumber(values.port, 'port', 0) ?? 7817;
    if (!Number.isInteger(port) || port > 65535)
      throw usageError('--port must be a port number (0 = any free port)');
    if (values.memory && values.snapshot !== undefined)
      throw usageError('--snapshot and --memory exclude each other');
    const state = chooseStateFile({ snapshot: values.snapshot, memory: values.memory, port }, ctx.io.env);
    const server = await createServer({
      port,
      host: values.host,
      strict: values.strict,
      ...(values.tls ? { tls: 'self-signed' as const } : {}),
      ...(state.file === undefined ? {} : { snapshotFile: state.file }),
      logger: createLogger((record) => ctx.out.warn(`server: ${record.message} ${safeJson(record.fields)}`), {
        level: ctx.globals.verbose ? 'debug' : 'warn',
      }),
    }).catch((error: unknown) => {
      const text = startupFailureText(error);
      throw text === undefined
        ? error
        : new CliError('CLI_SERVER_START', text, ExitCode.FAILURE, { cause: error });
    });
    const sha256 = server.certificate?.sha256;
    ctx.out.result(
      {
        type: 'server',
        url: server.url,
        httpUrl: server.httpUrl,
        ...(sha256 === undefined ? {} : { sha256 }),
      },
      [server.url, ...(sha256 === undefined ? [] : [`certificate sha256 ${sha256}`])],
    );
    ctx.out.note(state.note);
    ctx.out.note('reference server running; Ctrl-C to stop');
    await new Promise<void>((resolve) => {
      if (ctx.io.interrupt.aborted) resolve();
      else ctx.io.interrupt.addEventListener('abort', () => resolve(), { once: true });
    });
    await server.close();
    const hazards = server.hazards();
    if (hazards.length > 0) ctx.out.note(`${hazards.length} request(s) would have crashed the real server`);
  },
};
