/**
 * A small bot framework on the BirdTalk client: commands, `hears`, filter queries that narrow the context
 * type, composable middleware with error boundaries, per-chat ordering with concurrency across chats, auto
 * follow-back, catch-up policies and a graceful stop that loses nothing. Browser-safe; the Node signal helper
 * is in `@birdtalk/bot/node`, the test client in `@birdtalk/bot/testing`.
 *
 * @example
 * ```ts
 * import { createBot, isGroup } from '@birdtalk/bot';
 *
 * const bot = createBot(client, { autoFollowBack: true });
 * bot.command('ping', (ctx) => ctx.reply('pong'));
 * bot.filter(isGroup).hears(/^hello\b/i, (ctx) => ctx.reply('hello, group', { quote: true }));
 * bot.on('message:image', (ctx) => ctx.reply(`nice ${ctx.message.attachment.width}px picture`));
 * bot.catch((error, ctx) => ctx.reply('sorry, that went wrong'));
 * await bot.start();
 * ```
 *
 * @packageDocumentation
 */

export { Bot, type BotState, type BotStopOptions, createBot } from './bot.js';
export { BotErrorCode } from './bot-errors.js';
export {
  type BotDeps,
  type BotOptions,
  type CatchUpHandling,
  DEFAULT_BOT_OPTIONS,
} from './bot-options.js';
export { fromUser, inGroup, isCatchingUp, isGroup, isLive, isP2P } from './chat-filters.js';
export {
  addressesBot,
  DEFAULT_COMMAND_PREFIX,
  type ParsedCommand,
  parseCommand,
  splitArgs,
} from './command.js';
export {
  type CommandContext,
  Composer,
  type ContextPredicate,
  type ErrorHandler,
  type HearsContext,
  type Middleware,
  type MiddlewareFn,
  type MiddlewareObj,
  type NextFunction,
} from './composer.js';
export {
  type BotInfo,
  Context,
  type FileReplyOptions,
  type ImageReplyOptions,
  type QuoteOption,
  type ReplyOptions,
  type VoiceReplyOptions,
} from './context.js';
export {
  type ConversationControl,
  type ConversationFlavor,
  Conversations,
  type ConversationsDeps,
  type ConversationsOptions,
  conversationKeyOf,
  conversations,
  DEFAULT_CONVERSATIONS_OPTIONS,
} from './conversation/conversations.js';
export type { ConversationRecord, LogEntry, PendingWait } from './conversation/record.js';
export {
  type Conversation,
  type ConversationBuilder,
  ConversationTimeoutError,
  type WaitOptions,
} from './conversation/replay.js';
export type {
  Filter,
  FilterQuery,
  FilterShape,
  FriendRequestShape,
  FriendShape,
  GroupChat,
  GroupJoinRequestShape,
  GroupShape,
  MediaKind,
  MessageOfKind,
  MessageQueryKind,
  MessageShape,
  P2PChat,
  RecallShape,
  ReceiptShape,
} from './filter-query.js';
export type { FollowBackFilter } from './follow-back.js';
export type { FollowBackReconcileOptions } from './follow-back-reconciler.js';
export type { HandlerOptions } from './handling.js';
export type { BotHealth, BotLeases } from './health.js';
export type { HearsTrigger } from './hears.js';
export { rateLimitedClient } from './rate-limit/rate-limited-client.js';
export {
  createRateLimiter,
  DEFAULT_RATE_LIMIT_OPTIONS,
  type Rate,
  type RateLimiter,
  type RateLimitOptions,
} from './rate-limit/rate-limiter.js';
export { type SequenceKeys, sequentialize } from './sequentialize.js';
export {
  DEFAULT_SESSION_OPTIONS,
  type SessionFlavor,
  type SessionKey,
  type SessionOptions,
  session,
  sessionKeys,
} from './session/session.js';
export {
  createMemorySessionStorage,
  type SessionStorage,
  type StoreSessionStorageOptions,
  storeSessionStorage,
  type VersionedSession,
} from './session/storage.js';
export type { BotUser, Int64, Int64Input } from './types.js';
export type {
  FriendRequestUpdate,
  FriendUpdate,
  GroupJoinRequestUpdate,
  GroupUpdate,
  MessageUpdate,
  RecallUpdate,
  ReceiptUpdate,
  Update,
  UpdateType,
} from './update.js';
