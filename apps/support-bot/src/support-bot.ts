import {
  type Bot,
  type BotDeps,
  type Context,
  type ConversationFlavor,
  conversations,
  createBot,
  type SessionFlavor,
  session,
  sessionKeys,
  storeSessionStorage,
} from '@birdtalk/bot';
import type { Client, Store } from '@birdtalk/client';

/** A ticket as the desk keeps it. */
export interface Ticket {
  readonly id: number;
  readonly subject: string;
  readonly details: string;
  readonly urgent: boolean;
}

/** Each user's desk: their tickets, wherever they wrote (P2P or a group). */
export interface Desk {
  tickets: Ticket[];
}

/** The context of the support bot's handlers. */
export type SupportContext = Context & SessionFlavor<Desk> & ConversationFlavor;

/** What `/help` answers. */
export const HELP_TEXT =
  '/ticket files a ticket, /tickets lists yours, /export sends them as a file, /cancel stops';

const isText = (ctx: Context): boolean => ctx.text !== undefined && !ctx.text.startsWith('/');

/**
 * The help desk on any client: `/ticket` asks three questions in a conversation (which survives restarts in
 * `store`), files the ticket into the user's session (in `store` too), and `/export` sends them as a CSV file.
 */
export function supportBot(
  client: Client,
  store: Pick<Store, 'get' | 'set' | 'flush'>,
  deps: BotDeps = {},
): Bot<SupportContext> {
  const bot = createBot<SupportContext>(client, { autoFollowBack: true }, deps);
  bot.use(
    session({
      initial: (): Desk => ({ tickets: [] }),
      storage: storeSessionStorage(store, { prefix: 'desk:' }),
      key: sessionKeys.user,
    }),
  );
  const convs = conversations<SupportContext>(
    {
      storage: storeSessionStorage(store, { prefix: 'conversation:' }),
      onCancel: (ctx) => ctx.reply('ticket cancelled'),
    },
    deps,
  );
  const answer = {
    filter: isText,
    otherwise: (ctx: Context) => ctx.reply('please answer in words (or /cancel)'),
  };
  convs.define('ticket', async (conv) => {
    const subject = await conv.ask('What is the problem, in a few words?', answer);
    const details = await conv.ask('What happened, and since when?', answer);
    const urgent = await conv.ask('Is it urgent? (yes/no)', {
      filter: (ctx) => /^(yes|no)$/iu.test(ctx.text?.trim() ?? ''),
      otherwise: (ctx) => ctx.reply('yes or no, please'),
    });
    const id = await conv.external((ctx) => {
      const ticket = {
        id: ctx.session.tickets.length + 1,
        subject: subject.text ?? '',
        details: details.text ?? '',
        urgent: /^yes$/iu.test(urgent.text?.trim() ?? ''),
      };
      ctx.session.tickets.push(ticket);
      return ticket.id;
    });
    await conv.reply(`ticket #${id} filed; /tickets lists yours`);
  });
  bot.use(convs);
  bot.command(['help', 'start'], (ctx) => ctx.reply(HELP_TEXT));
  bot.command('ticket', (ctx) => ctx.conversation.enter('ticket'));
  bot.command('tickets', (ctx) => {
    const lines = ctx.session.tickets.map((t) => `#${t.id}${t.urgent ? ' (urgent)' : ''} ${t.subject}`);
    return ctx.reply(lines.length === 0 ? 'no tickets yet; /ticket files one' : lines.join('\n'));
  });
  bot.command('export', (ctx) => {
    const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
    const rows = ctx.session.tickets.map((t) =>
      [t.id, quote(t.subject), quote(t.details), t.urgent].join(','),
    );
    const csv = ['id,subject,details,urgent', ...rows].join('\n');
    return ctx.replyFile(new TextEncoder().encode(`${csv}\n`), { name: 'tickets.csv', mime: 'text/csv' });
  });
  bot.catch((_error, ctx) =>
    ctx.chat === undefined ? undefined : ctx.reply('sorry, that went wrong; try again'),
  );
  return bot;
}
