import { basename, resolve } from 'node:path';
import { writeFileAtomic } from '@birdtalk/client/node';
import { type Command, noMorePositionals } from '../command.js';
import { withStored } from '../connect.js';
import { parseCommand } from '../context.js';
import { usageError } from '../errors.js';
import { writeAll } from '../io.js';
import { createProgress } from '../progress.js';

/** `birdtalk download`: downloads a stored file. */
export const downloadCommand: Command = {
  name: 'download',
  summary: 'download a stored file',
  usage: `usage: birdtalk download <stored name> [-o <path> | -o -]

Downloads a file by the name upload printed (or a message's attachment names) into the current
directory, or to <path>; "-o -" writes it to standard output.`,
  async run(ctx, argv) {
    const { values, positionals } = parseCommand(argv, { output: { type: 'string', short: 'o' } });
    const name = positionals[0];
    if (name === undefined) throw usageError('which file? birdtalk download <stored name>');
    noMorePositionals(positionals, 1);
    ctx.failure.file = name;
    const toStdout = values.output === '-';
    const path = toStdout ? undefined : resolve(ctx.io.cwd, values.output ?? basename(name));
    await withStored(ctx, async ({ client }) => {
      const body = await client.files.download(name, { signal: ctx.io.interrupt });
      const progress = createProgress(ctx, `downloading ${name}`);
      let received = 0;
      const counted = async function* (): AsyncGenerator<Uint8Array> {
        for await (const chunk of body) {
          received += chunk.byteLength;
          progress.update(received);
          yield chunk;
        }
      };
      try {
        if (path === undefined) {
          for await (const chunk of counted()) await writeAll(ctx.io.stdout, chunk);
        } else {
          ctx.failure.file = path;
          await writeFileAtomic(path, counted(), { signal: ctx.io.interrupt });
        }
      } finally {
        progress.finish();
      }
      if (path !== undefined) {
        ctx.out.result({ type: 'downloaded', storedName: name, path, size: received }, path);
      }
    });
  },
};
