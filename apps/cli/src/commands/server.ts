import { createLogger } from '@birdtalk/runtime';
import { createServer } from '@birdtalk/server';
import { type Command, noMorePositionals, parseNumber } from '../command.js';
import { parseCommand } from '../context.js';
import { usageError } from '../errors.js';
import { safeJson } from '../output.js';

/** `birdtalk server`: runs the reference server in this process until interrupted. */
export const serverCommand: Command = {
  name: 'server',
  summary: 'run a local reference server and print its URL',
  usage: `usage: birdtalk server [--port 7817] [--host 127.0.0.1] [--tls] [--strict] [--snapshot file]

Runs the BirdTalk reference server (in memory; --snapshot keeps its state in a file) until Ctrl-C.
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
    });
    noMorePositionals(positionals, 0);
    const port = parseNumber(values.port, 'port', 0) ?? 7817;
    if (!Number.isInteger(port) || port > 65535)
      throw usageError('--port must be a port number (0 = any free port)');
    const server = await createServer({
      port,
      host: values.host,
      strict: values.strict,
      ...(values.tls ? { tls: 'self-signed' as const } : {}),
      ...(values.snapshot === undefined ? {} : { snapshotFile: values.snapshot }),
      logger: createLogger((record) => ctx.out.warn(`server: ${record.message} ${safeJson(record.fields)}`), {
        level: ctx.globals.verbose ? 'debug' : 'warn',
      }),
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
