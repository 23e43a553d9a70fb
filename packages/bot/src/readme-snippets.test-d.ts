// The README's snippets after the first (which test/readme.test.ts runs), checked by the compiler.
import type { ChatMessage, Client, Store } from '@birdtalk/client';
import type { Logger } from '@birdtalk/runtime';
import { createSqliteStore } from '@birdtalk/store-sqlite';
import {
  Composer,
  type Context,
  type ConversationFlavor,
  conversations,
  createBot,
  fromUser,
  inGroup,
  isGroup,
  isLive,
  isP2P,
  type SessionFlavor,
  sequentialize,
  session,
  sessionKeys,
  storeSessionStorage,
} from './index.js';
import { runBot, stopOnSignals } from './node.js';

declare const client: Client;
declare const log: Logger;
declare const adminId: string;
declare const adminIds: readonly string[];
declare const supportGroupId: string;
declare function isSubscribed(userId: string | undefined): Promise<boolean>;
declare const subscriberFeatures: Composer;

const bot = createBot(client);

bot.command('start', (ctx) => ctx.reply('hello!'));
bot.command(['roll', 'dice'], (ctx) => ctx.reply(`rolling ${ctx.args[0] ?? '1d6'}`));
bot.command('say', (ctx) => ctx.reply(ctx.payload));

bot.hears('hello', (ctx) => ctx.reply('hi!'));
bot.hears(/^weather in (\w+)/i, (ctx) => ctx.reply(`looking up ${ctx.match[1]}`));
bot.hears(['thanks', /^thx\b/i], (ctx) => ctx.reply('you are welcome'));

bot.filter(isP2P).command('secret', (ctx) => ctx.reply('just between us'));
bot.filter(isGroup).on('group:members-joined', (ctx) => ctx.reply('welcome!'));
bot.filter(fromUser(adminId)).command('shutdown', (ctx) => {
  void bot.stop();
  return ctx.reply('shutting down');
});
bot.filter(inGroup([supportGroupId])).hears(/help/i, (ctx) => ctx.reply('an agent is on the way'));
bot.drop(isLive).on('message', (ctx) => ctx.client.markRead(ctx.message));
bot.filter(async (ctx) => (await isSubscribed(ctx.from)) === true, subscriberFeatures);

bot.use(async (ctx, next) => {
  const started = Date.now();
  await next();
  log.info('handled', { type: ctx.type, ms: Date.now() - started });
});
const admin = new Composer();
admin.filter(isGroup).command('kick', (ctx) => ctx.client.groups.kick(ctx.chat.groupId, ctx.args));
admin.command('status', (ctx) => ctx.reply(`${bot.pending} updates pending`));
bot.filter(fromUser(adminIds), admin);

bot.catch(async (error, ctx) => {
  log.warn('handler failed', { type: ctx.type, error: String(error) });
  if (ctx.chat !== undefined) await ctx.reply('sorry, something went wrong');
});

declare function buildReport(options: { signal: AbortSignal }): Promise<string>;
const timed = createBot(client, { handlerTimeoutMs: 30_000 }); // every update: 30 s (60 s by default)
timed.command('report', { timeoutMs: 120_000 }, async (ctx) => {
  const rows = await buildReport({ signal: ctx.signal }); // this handler: 2 minutes
  await ctx.reply(rows);
});

bot.use(sequentialize((ctx) => ctx.from));
bot.on('message:image', (ctx) => ctx.reply(`nice ${ctx.message.attachment.width}px picture`));
bot.on('message', (ctx) => {
  const message: ChatMessage = ctx.message;
  return ctx.reply('ok', { quote: message.id });
});

await runBot(bot);
stopOnSignals(bot, { timeoutMs: 5_000 })();

// Sessions.
interface Profile {
  visits: number;
  language?: string;
}
type ProfileContext = Context & SessionFlavor<Profile>;
const sessionBot = createBot<ProfileContext>(client);
sessionBot.use(
  session({
    initial: (): Profile => ({ visits: 0 }),
    storage: storeSessionStorage(createSqliteStore({ path: 'sessions.db' })),
    key: sessionKeys.user,
  }),
);
sessionBot.command('visit', (ctx) => ctx.reply(`visit number ${++ctx.session.visits}`));

// Conversations.
declare const store: Store;
type ConversationContext = Context & ConversationFlavor;
const orderBot = createBot<ConversationContext>(client);
const convs = conversations<ConversationContext>({
  storage: storeSessionStorage(store, { prefix: 'conversation:' }),
  onCancel: (ctx) => ctx.reply('cancelled'),
});
convs.define('order', async (conv) => {
  const dish = await conv.ask('what would you like?', { filter: (ctx) => ctx.text !== undefined });
  const when = await conv.ask('for when?', { timeoutMs: 120_000 });
  await conv.reply(`one ${dish.text}, ${when.text}`);
});
orderBot.use(convs);
orderBot.command('order', (ctx) => ctx.conversation.enter('order'));
