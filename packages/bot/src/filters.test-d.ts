import type {
  Attachment,
  ChatMessage,
  ChatTarget,
  FriendEvent,
  GroupEvent,
  UserProfile,
} from '@birdtalk/client';
import { expectTypeOf } from 'vitest';
import {
  type Bot,
  Composer,
  type Context,
  type Filter,
  fromUser,
  type GroupChat,
  type Int64,
  inGroup,
  isGroup,
  isP2P,
  type P2PChat,
} from './index.js';

declare const bot: Bot;

// Plain contexts promise nothing.
bot.use((ctx) => {
  expectTypeOf(ctx.text).toEqualTypeOf<string | undefined>();
  expectTypeOf(ctx.message).toEqualTypeOf<ChatMessage | undefined>();
  expectTypeOf(ctx.chat).toEqualTypeOf<ChatTarget | undefined>();
});

// Filter queries narrow the context.
bot.on('message', (ctx) => {
  expectTypeOf(ctx.message).toEqualTypeOf<ChatMessage>();
  expectTypeOf(ctx.chat).toEqualTypeOf<ChatTarget>();
  expectTypeOf(ctx.from).toEqualTypeOf<Int64>();
  expectTypeOf(ctx.text).toEqualTypeOf<string | undefined>();
});
bot.on('message:text', (ctx) => {
  expectTypeOf(ctx.text).toEqualTypeOf<string>();
  expectTypeOf(ctx.message.kind).toEqualTypeOf<'text'>();
});
bot.on('message:image', (ctx) => {
  expectTypeOf(ctx.message.attachment).toEqualTypeOf<Attachment>();
  expectTypeOf(ctx.message.kind).toEqualTypeOf<'image'>();
  expectTypeOf(ctx.text).toEqualTypeOf<undefined>();
});
bot.on('message:media', (ctx) => {
  expectTypeOf(ctx.message.kind).toEqualTypeOf<'image' | 'file' | 'voice' | 'video'>();
  expectTypeOf(ctx.message.attachment).toEqualTypeOf<Attachment>();
});
bot.on(['message:file', 'message:voice'], (ctx) => {
  expectTypeOf(ctx.message.kind).toEqualTypeOf<'file' | 'voice'>();
  expectTypeOf(ctx.message.attachment).toEqualTypeOf<Attachment>();
});
bot.on(['message:text', 'recall'], (ctx) => {
  // A union of queries gives the union of their guarantees.
  expectTypeOf(ctx.chat).toEqualTypeOf<ChatTarget>();
  if (ctx.update.type === 'recall') expectTypeOf(ctx.update.recall.id).toEqualTypeOf<Int64>();
});
bot.on('recall', (ctx) => {
  expectTypeOf(ctx.recall.by).toEqualTypeOf<Int64>();
  expectTypeOf(ctx.from).toEqualTypeOf<Int64>();
});
bot.on('receipt', (ctx) => {
  expectTypeOf(ctx.receipt.ids).toEqualTypeOf<readonly Int64[]>();
});
bot.on('friend', (ctx) => {
  expectTypeOf(ctx.friendEvent).toEqualTypeOf<FriendEvent>();
  expectTypeOf(ctx.chat).toEqualTypeOf<P2PChat>();
});
bot.on('friend:followed', (ctx) => {
  expectTypeOf(ctx.friendEvent.by).toEqualTypeOf<UserProfile>();
  expectTypeOf(ctx.from).toEqualTypeOf<Int64>();
});
bot.on('group', (ctx) => {
  expectTypeOf(ctx.groupEvent).toEqualTypeOf<GroupEvent>();
  expectTypeOf(ctx.chat).toEqualTypeOf<GroupChat>();
});
bot.on('group:member-left', (ctx) => {
  expectTypeOf(ctx.groupEvent.userId).toEqualTypeOf<Int64>();
  expectTypeOf(ctx.groupEvent.kind).toEqualTypeOf<'member-left'>();
});
bot.on('friend-request', (ctx) => {
  expectTypeOf(ctx.friendRequest.fromId).toEqualTypeOf<Int64>();
});
bot.on('group-join-request', (ctx) => {
  expectTypeOf(ctx.groupJoinRequest.info).toEqualTypeOf<string>();
  expectTypeOf(ctx.chat).toEqualTypeOf<GroupChat>();
});
// @ts-expect-error: not a filter query.
bot.on('message:txt', () => {});
// @ts-expect-error: not a group event kind.
bot.on('group:member-joined', () => {});
bot.on('message:text', (ctx) => {
  // @ts-expect-error: a text message has no attachment to read the width of.
  ctx.message.attachment.width;
});

// Commands and hears.
bot.command('start', (ctx) => {
  expectTypeOf(ctx.command).toEqualTypeOf<string>();
  expectTypeOf(ctx.args).toEqualTypeOf<readonly string[]>();
  expectTypeOf(ctx.payload).toEqualTypeOf<string>();
  expectTypeOf(ctx.text).toEqualTypeOf<string>();
});
bot.hears(/x/, (ctx) => {
  expectTypeOf(ctx.match).toEqualTypeOf<RegExpMatchArray>();
  expectTypeOf(ctx.text).toEqualTypeOf<string>();
});

// Type guards narrow, and compose with queries and commands.
bot.filter(isGroup, (ctx) => expectTypeOf(ctx.chat).toEqualTypeOf<GroupChat>());
bot.filter(isP2P, (ctx) => expectTypeOf(ctx.chat).toEqualTypeOf<P2PChat>());
bot.filter(fromUser('10002'), (ctx) => expectTypeOf(ctx.from).toEqualTypeOf<Int64>());
bot.filter(inGroup(['10005', 10006n]), (ctx) => expectTypeOf(ctx.chat).toEqualTypeOf<GroupChat>());
bot
  .on('message:text')
  .filter(isGroup)
  .command('help', (ctx) => {
    expectTypeOf(ctx.chat).toEqualTypeOf<GroupChat>();
    expectTypeOf(ctx.args).toEqualTypeOf<readonly string[]>();
  });
// Plain predicates keep the type.
bot.filter(
  (ctx) => ctx.text === 'x',
  (ctx) => expectTypeOf(ctx).toEqualTypeOf<Context>(),
);

// Sub-composers of narrowed contexts plug into filters.
const textOnly = new Composer<Filter<Context, 'message:text'>>();
textOnly.use((ctx) => expectTypeOf(ctx.text).toEqualTypeOf<string>());
bot.on('message:text', textOnly);
// @ts-expect-error: a composer for text messages cannot take every update.
bot.use(textOnly);

// Replies return what the client returns.
bot.on('message', async (ctx) => {
  const sent = await ctx.reply('ok', { quote: true });
  expectTypeOf(sent.id).toEqualTypeOf<Int64>();
  await ctx.replyVoice(new Uint8Array(), { durationMs: 1000 });
  // @ts-expect-error: a voice reply needs its duration.
  await ctx.replyVoice(new Uint8Array());
});
