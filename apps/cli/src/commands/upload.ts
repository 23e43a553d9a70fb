import { type Command, noMorePositionals } from '../command.js';
import { withStored } from '../connect.js';
import { parseCommand } from '../context.js';
import { usageError } from '../errors.js';
import { uploadFields } from '../format.js';
import { createProgress } from '../progress.js';

/** `birdtalk upload`: uploads a file and prints its stored name. */
export const uploadCommand: Command = {
  name: 'upload',
  summary: 'upload a file and print its stored name',
  usage: `usage: birdtalk upload <file>

Uploads a file and prints the name the server stored it under (the name download takes).`,
  async run(ctx, argv) {
    const { positionals } = parseCommand(argv, {});
    const path = positionals[0];
    if (path === undefined) throw usageError('which file? birdtalk upload <file>');
    noMorePositionals(positionals, 1);
    ctx.failure.file = path;
    await withStored(ctx, async ({ client }) => {
      const progress = createProgress(ctx, `uploading ${path}`);
      try {
        const result = await client.files.upload(path, {
          onProgress: ({ sentBytes, totalBytes }) => progress.update(sentBytes, totalBytes),
          signal: ctx.io.interrupt,
        });
        progress.finish();
        ctx.out.result({ type: 'uploaded', ...uploadFields(result) }, result.storedName);
      } finally {
        progress.finish();
      }
    });
  },
};
