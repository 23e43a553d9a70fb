import { type ChatTarget, group, p2p } from '@birdtalk/client';
import { type Command, parseId } from '../command.js';
import { withStored } from '../connect.js';
import { parseCommand } from '../context.js';
import { usageError } from '../errors.js';
import { sentRecord } from '../format.js';
import { createProgress } from '../progress.js';

/** `birdtalk send`: sends a text or a file and prints the acknowledged message id. */
export const sendCommand: Command = {
  name: 'send',
  summary: 'send a text or a file to a user or a group',
  usage: `usage: birdtalk send --to <uid> [--group] <text…>
       birdtalk send --to <uid> [--group] --file <path>

Sends to a user (who must follow you) or, with --group, to a group you belong to, and prints the
message id the server acknowledged.`,
  async run(ctx, argv) {
    const { values, positionals } = parseCommand(argv, {
      to: { type: 'string' },
      group: { type: 'boolean', default: false },
      file: { type: 'string' },
    });
    const to = parseId(values.to, '--to');
    const target: ChatTarget = values.group ? group(to) : p2p(to);
    const text = positionals.join(' ');
    if (values.file === undefined && text.trim() === '')
      throw usageError('nothing to send: give a text or --file <path>');
    if (values.file !== undefined && text !== '') throw usageError('give a text or --file, not both');
    ctx.failure.target = to;
    await withStored(ctx, async ({ client }) => {
      if (values.file === undefined) {
        const sent = await client.sendText(target, text, { signal: ctx.io.interrupt });
        ctx.out.result(sentRecord(sent), sent.id);
        return;
      }
      const path = values.file;
      ctx.failure.file = path;
      const progress = createProgress(ctx, `sending ${path}`);
      try {
        const { message, upload } = await client.media.sendFile(target, path, {
          onProgress: ({ sentBytes, totalBytes }) => progress.update(sentBytes, totalBytes),
          signal: ctx.io.interrupt,
        });
        progress.finish();
        ctx.out.result(sentRecord(message, upload), message.id);
      } finally {
        progress.finish();
      }
    });
  },
};
