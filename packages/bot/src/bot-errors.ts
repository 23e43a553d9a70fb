/**
 * The stable codes of the errors the bot framework raises itself (handler errors pass through unchanged).
 */
export const BotErrorCode = {
  /** A middleware called `next()` a second time. */
  NEXT_CALLED_TWICE: 'BOT_NEXT_CALLED_TWICE',
  /** `ctx.reply()` (or a media reply) on an update that belongs to no chat. */
  NO_CHAT: 'BOT_NO_CHAT',
  /** `ctx.download()` on an update without a file. */
  NO_ATTACHMENT: 'BOT_NO_ATTACHMENT',
  /** `quote: true` on an update without a message to quote. */
  NOTHING_TO_QUOTE: 'BOT_NOTHING_TO_QUOTE',
  /** `bot.start()` after `bot.stop()`. */
  STOPPED: 'BOT_STOPPED',
  /** A filter query that names no update type or kind. */
  INVALID_FILTER_QUERY: 'BOT_INVALID_FILTER_QUERY',
  /** A command name that is empty or contains white space or `@`. */
  INVALID_COMMAND: 'BOT_INVALID_COMMAND',
  /** A `hears()` trigger that is neither a string nor a regular expression. */
  INVALID_TRIGGER: 'BOT_INVALID_TRIGGER',
  /** `ctx.session` on an update the session's key function gave no key for. */
  NO_SESSION_KEY: 'BOT_NO_SESSION_KEY',
  /**
   * A session another process sharing the storage changed while an update was handled, more often than
   * `conflictRetries` allows.
   */
  SESSION_CONFLICT: 'BOT_SESSION_CONFLICT',
  /**
   * A conversation another process sharing the storage changed while an update was handled, more often than
   * `conflictRetries` allows.
   */
  CONVERSATION_CONFLICT: 'BOT_CONVERSATION_CONFLICT',
  /** A stored session or conversation that is not the JSON it should be. */
  SESSION_DAMAGED: 'BOT_SESSION_DAMAGED',
  /** A conversation's wait ended because its time ran out. */
  CONVERSATION_TIMEOUT: 'BOT_CONVERSATION_TIMEOUT',
  /** A conversation's wait ended because the conversation was cancelled. */
  CONVERSATION_CANCELLED: 'BOT_CONVERSATION_CANCELLED',
  /** A conversation that is not registered, or a second one entered while one is active. */
  CONVERSATION_UNKNOWN: 'BOT_CONVERSATION_UNKNOWN',
  /** A conversation whose code no longer asks for what its stored steps recorded. */
  CONVERSATION_REPLAY: 'BOT_CONVERSATION_REPLAY',
} as const;

/** One of the {@link BotErrorCode} values. */
export type BotErrorCode = (typeof BotErrorCode)[keyof typeof BotErrorCode];
