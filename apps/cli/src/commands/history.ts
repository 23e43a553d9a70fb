import { type ChatMessage, group, p2p } from '@birdtalk/client';
import { type Command, noMorePositionals, parseId, parseNumber } from '../command.js';
import { withStored } from '../connect.js';
import { parseCommand } from '../context.js';
import { messageRecord, messageText } from '../format.js';

/** `birdtalk history`: prints the latest messages of a conversation, oldest first. */
export const historyCommand: Command = {
  name: 'history',
  summary: 'print the latest messages of a conversation',
  usage: `usage: birdtalk history --with <uid> [--group] [--limit 20]

Prints the last messages exchanged with a user (or, with --group, in a group), oldest first.`,
  async run(ctx, argv) {
    const { values, positionals } = parseCommand(argv, {
      with: { type: 'string' },
      group: { type: 'boolean', default: false },
      limit: { type: 'string', default: '20' },
    });
    noMorePositionals(positionals, 0);
    const peer = parseId(values.with, '--with');
    const limit = parseNumber(values.limit, 'limit', 1) ?? 20;
    ctx.failure.target = peer;
    await withStored(ctx, async ({ client }) => {
      const messages: ChatMessage[] = [];
      for await (const message of client.history(values.group ? group(peer) : p2p(peer), {
        signal: ctx.io.interrupt,
      })) {
        messages.push(message);
        if (messages.length >= limit) break;
      }
      messages.reverse();
      if (messages.length === 0) ctx.out.note('no messages');
      for (const message of messages) {
        ctx.out.result(messageRecord(message), messageText(message, { withDate: true }));
      }
    });
  },
};
