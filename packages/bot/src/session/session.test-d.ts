// Context flavours: a bot's own context type reaches every handler, narrowed by filters as before.
import type { Client } from '@birdtalk/client';
import { expectTypeOf } from 'vitest';
import { type Context, createBot, isGroup, type SessionFlavor, session } from '../index.js';
import { runBot } from '../node.js';

declare const client: Client;

interface Ticket {
  readonly subject: string;
}
type MyContext = Context & SessionFlavor<{ tickets: Ticket[] }> & { readonly state: { requestId?: string } };

const bot = createBot<MyContext>(client);
bot.use(session({ initial: () => ({ tickets: [] as Ticket[] }) }));
bot.use((ctx, next) => {
  ctx.state.requestId = 'r-1';
  return next();
});
bot.command('tickets', (ctx) => {
  expectTypeOf(ctx.session.tickets).toEqualTypeOf<Ticket[]>();
  expectTypeOf(ctx.state.requestId).toEqualTypeOf<string | undefined>();
  expectTypeOf(ctx.payload).toEqualTypeOf<string>();
  return ctx.reply(String(ctx.session.tickets.length));
});
bot.filter(isGroup).on('message:text', (ctx) => {
  expectTypeOf(ctx.chat.groupId).toEqualTypeOf<string>();
  expectTypeOf(ctx.session).toEqualTypeOf<{ tickets: Ticket[] }>();
});
bot.catch((_error, ctx) => {
  expectTypeOf(ctx.session.tickets).toEqualTypeOf<Ticket[]>();
});
// @ts-expect-error: a session of another shape does not fit the bot's context
bot.use(session({ initial: () => ({ count: 0 }) }));
await runBot(bot);
