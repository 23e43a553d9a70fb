import type {
  ChatMessage,
  ChatTarget,
  Client,
  FileSource,
  FriendEvent,
  FriendRequestEvent,
  GroupDetails,
  GroupEvent,
  GroupJoinRequestEvent,
  GroupMemberInfo,
  ImageOptions,
  MediaMessage,
  MediaOptions,
  RecallEvent,
  ReceiptEvent,
  SendContent,
  SendOptions,
  SentMessage,
  UserProfile,
  VoiceOptions,
} from '@birdtalk/client';
import { InvalidArgumentError, StateError } from '@birdtalk/errors';
import { BotErrorCode } from './bot-errors.js';
import type { Int64, Int64Input } from './types.js';
import { chatOfUpdate, fromOfUpdate, isCatchUpUpdate, type Update, type UpdateType } from './update.js';

/** Who the bot is (as far as the client knows after the first login) and how users address it. */
export interface BotInfo {
  /** The bot's user id; `undefined` before the first login. */
  readonly id: Int64 | undefined;
  /**
   * The names `/command@name` may address the bot by (compared case-insensitively): its user name, its nick
   * name and the extra names of the options. Empty: every `@name` is accepted.
   */
  readonly names: readonly string[];
  /** What starts a command, longest first (`/` by default). */
  readonly commandPrefixes: readonly string[];
}

/** How a reply quotes: `true` quotes the message being handled, an id quotes that message. */
export type QuoteOption = boolean | Int64Input;

/** Options of {@link Context.reply}. */
export interface ReplyOptions {
  /** Quote the message being handled (`true`) or the message with this id. @defaultValue false */
  readonly quote?: QuoteOption;
  /** Gives up waiting for the server's acknowledgement; the reply may still be delivered. */
  readonly signal?: AbortSignal;
}

/** Options of {@link Context.replyFile}: the client's media options, with {@link ReplyOptions.quote}. */
export type FileReplyOptions = Omit<MediaOptions, 'quote'> & { readonly quote?: QuoteOption };

/** Options of {@link Context.replyImage}: the client's image options, with {@link ReplyOptions.quote}. */
export type ImageReplyOptions = Omit<ImageOptions, 'quote'> & { readonly quote?: QuoteOption };

/** Options of {@link Context.replyVoice}: the client's voice options, with {@link ReplyOptions.quote}. */
export type VoiceReplyOptions = Omit<VoiceOptions, 'quote'> & { readonly quote?: QuoteOption };

function noAttachment(type: string, what: string): StateError {
  return new StateError(BotErrorCode.NO_ATTACHMENT, `the ${type} being handled carries no ${what}`);
}

/** The signal of updates that are notifications. */
const NEVER_ABORTED = new AbortController().signal;

/**
 * What a middleware gets for one update: the update and its parts, the chat it belongs to, who caused it, and
 * ways to answer in that chat. Filters (`bot.on('message:text', …)`, `bot.command(…)`, `isGroup`…) narrow its
 * type, so that inside a handler the fields they guarantee are no longer optional.
 *
 * A context lives for one update. `state` is a scratch object middlewares may use to pass data down the chain.
 */
export class Context {
  /** The update being handled. */
  readonly update: Update;
  /** The client the bot runs on: every other operation (groups, friends, files, history) is there. */
  readonly client: Client;
  /** Who the bot is and how users address it. */
  readonly me: BotInfo;
  /** The message, for `message` updates. */
  readonly message: ChatMessage | undefined;
  /** The recall, for `recall` updates. */
  readonly recall: RecallEvent | undefined;
  /** The receipt, for `receipt` updates. */
  readonly receipt: ReceiptEvent | undefined;
  /** The friend news, for `friend` updates. */
  readonly friendEvent: FriendEvent | undefined;
  /** The friend request, for `friend-request` updates. */
  readonly friendRequest: FriendRequestEvent | undefined;
  /** The group news, for `group` updates. */
  readonly groupEvent: GroupEvent | undefined;
  /** The join request, for `group-join-request` updates. */
  readonly groupJoinRequest: GroupJoinRequestEvent | undefined;
  /**
   * The conversation the update belongs to, where replies go: the message's chat, the P2P chat with the
   * user a receipt or friend news is about, the group of group news.
   */
  readonly chat: ChatTarget | undefined;
  /** Who caused the update: the sender, who recalled, who followed, who acted in a group (when known). */
  readonly from: Int64 | undefined;
  /** The text of a text message; `undefined` for everything else (media captions included). */
  readonly text: string | undefined;
  /** Whether the update arrived through the offline catch-up after a login, rather than live. */
  readonly catchingUp: boolean;
  /**
   * Whether a previous run of the bot may have handed this message or recall to a handler already (it died,
   * or stopped, before recording that the handling ended). Handlers that must not act twice check it.
   * Always false for notifications.
   */
  readonly redelivered: boolean;
  /**
   * Aborts when the handling of this update should stop: its time is up (the bot's `handlerTimeoutMs`, a
   * handler's own `timeoutMs`, or the client's `handlerTimeoutMs` for messages and recalls), the client
   * stopped waiting, or the bot is shutting down. Pass it to what the handler awaits.
   */
  readonly signal: AbortSignal;
  /** The command (lower case, without prefix and `@name`), inside `bot.command()` handlers. */
  readonly command: string | undefined = undefined;
  /** The command's arguments, split at white space, quotes respected, inside `bot.command()` handlers. */
  readonly args: readonly string[] | undefined = undefined;
  /** Everything after the command, trimmed, inside `bot.command()` handlers. */
  readonly payload: string | undefined = undefined;
  /** What a `bot.hears()` trigger matched. */
  readonly match: RegExpMatchArray | undefined = undefined;
  /** Scratch space for middlewares handling this update. */
  readonly state: Record<string, unknown> = {};

  /**
   * @param update - the update.
   * @param client - the client replies go through.
   * @param me - who the bot is.
   * @param signal - aborts when the handling should stop; the delivery's own signal by default (never aborts
   * for notifications).
   */
  constructor(update: Update, client: Client, me: BotInfo, signal?: AbortSignal) {
    this.update = update;
    this.client = client;
    this.me = me;
    this.message = update.type === 'message' ? update.message : undefined;
    this.recall = update.type === 'recall' ? update.recall : undefined;
    this.receipt = update.type === 'receipt' ? update.receipt : undefined;
    this.friendEvent = update.type === 'friend' ? update.friendEvent : undefined;
    this.friendRequest = update.type === 'friend-request' ? update.friendRequest : undefined;
    this.groupEvent = update.type === 'group' ? update.groupEvent : undefined;
    this.groupJoinRequest = update.type === 'group-join-request' ? update.groupJoinRequest : undefined;
    this.chat = chatOfUpdate(update);
    this.from = fromOfUpdate(update, me.id);
    this.text = this.message?.kind === 'text' ? this.message.text : undefined;
    this.catchingUp = isCatchUpUpdate(update);
    const delivery =
      update.type === 'message' ? update.message : update.type === 'recall' ? update.recall : undefined;
    this.redelivered = delivery?.redelivered ?? false;
    this.signal = signal ?? delivery?.signal ?? NEVER_ABORTED;
  }

  /** The update's event name. */
  get type(): UpdateType {
    return this.update.type;
  }

  /**
   * Sends text or content to the update's chat; resolves once the server stored it.
   *
   * @throws StateError `BOT_NO_CHAT` when the update belongs to no chat; the client's send errors otherwise.
   */
  reply(content: SendContent, options: ReplyOptions = {}): Promise<SentMessage> {
    return this.#withChat(async (chat) => {
      const { quote, ...rest } = options;
      const quoted = this.#quoteOf(quote);
      const sendOptions: SendOptions = quoted === undefined ? rest : { ...rest, quote: quoted };
      return this.client.send(chat, content, sendOptions);
    });
  }

  /**
   * Uploads a file (bytes, a `Blob`, or a path with a client made by `@birdtalk/client/node`) and sends it to
   * the update's chat as an attachment.
   *
   * @throws StateError `BOT_NO_CHAT` when the update belongs to no chat; the client's upload and send errors.
   */
  replyFile(source: FileSource, options: FileReplyOptions = {}): Promise<MediaMessage> {
    return this.#withChat((chat) => this.client.media.sendFile(chat, source, this.#mediaOptions(options)));
  }

  /**
   * Uploads an image and sends it to the update's chat; its size is read from the file's header.
   *
   * @throws StateError `BOT_NO_CHAT` when the update belongs to no chat; the client's upload and send errors.
   */
  replyImage(source: FileSource, options: ImageReplyOptions = {}): Promise<MediaMessage> {
    return this.#withChat((chat) => this.client.media.sendImage(chat, source, this.#mediaOptions(options)));
  }

  /**
   * Sends a voice clip to the update's chat (small clips inline, larger ones uploaded first).
   *
   * @throws StateError `BOT_NO_CHAT` when the update belongs to no chat; the client's upload and send errors.
   */
  replyVoice(source: FileSource, options: VoiceReplyOptions): Promise<MediaMessage> {
    return this.#withChat((chat) =>
      this.client.media.sendVoice(chat, source, this.#mediaOptions(options) as VoiceOptions),
    );
  }

  /**
   * Downloads the file of the message being handled into memory: uploaded files through the client's files
   * API (with its TLS rules: a Node client's pin or CA applies), inline clips from the message itself.
   * Stops with the handler's `ctx.signal`.
   *
   * @throws StateError `BOT_NO_ATTACHMENT` when the update is not a message with a file; the client's download
   * errors (`maxBytes`, 64 MiB by default, refuses larger files).
   */
  async download(options: { readonly maxBytes?: number } = {}): Promise<Uint8Array> {
    const attachment = this.#attachment();
    if (attachment.ref === undefined) return attachment.inline ?? new Uint8Array(0);
    return this.client.files.downloadBytes(attachment.ref, { ...options, signal: this.signal });
  }

  /**
   * Downloads the file of the message being handled as a stream of chunks (uploaded files only).
   *
   * @throws StateError `BOT_NO_ATTACHMENT` without a stored file; the client's download errors.
   */
  async downloadStream(): Promise<AsyncIterable<Uint8Array>> {
    const ref = this.#attachment().ref;
    if (ref === undefined) throw noAttachment(this.update.type, 'a stored file');
    return this.client.files.download(ref, { signal: this.signal });
  }

  /**
   * Downloads the file of the message being handled to a path (written to a temporary file, then renamed);
   * needs a client from `@birdtalk/client/node`. Resolves with the size.
   *
   * @throws StateError `BOT_NO_ATTACHMENT` without a stored file; the client's download errors.
   */
  async downloadTo(path: string): Promise<number> {
    const ref = this.#attachment().ref;
    if (ref === undefined) throw noAttachment(this.update.type, 'a stored file');
    return this.client.files.downloadToFile(ref, path, { signal: this.signal });
  }

  #attachment(): NonNullable<ChatMessage['attachment']> {
    const attachment = this.message?.attachment;
    if (attachment === undefined) throw noAttachment(this.update.type, 'a file');
    return attachment;
  }

  /**
   * The profile of the user who caused the update ({@link Context.from}: the name to greet them by), through
   * the client's cache: asked from the server at most once per `ttlMs` of the client's `cache` option, and
   * again after the server announced a change. `undefined` when the update names nobody or no such user exists.
   */
  async getUser(): Promise<UserProfile | undefined> {
    const from = this.from;
    return from === undefined ? undefined : this.client.cache.user(from, { signal: this.signal });
  }

  /**
   * The details of the update's group (its name, type, params), through the client's cache as
   * {@link Context.getUser}; `undefined` outside a group, or for a group unknown or private to the bot.
   */
  async getGroup(): Promise<GroupDetails | undefined> {
    const chat = this.chat;
    return chat?.type === 'group'
      ? this.client.cache.group(chat.groupId, { signal: this.signal })
      : undefined;
  }

  /**
   * The group member who caused the update — their nick and role (`owner`, `admin`, `member`) — from the
   * group's cached member list; `undefined` outside a group, or for a user not in the list (not a member, or
   * beyond the first 100 members the server lists).
   */
  async getMember(): Promise<GroupMemberInfo | undefined> {
    const chat = this.chat;
    const from = this.from;
    if (chat?.type !== 'group' || from === undefined) return undefined;
    return this.client.cache.member(chat.groupId, from, { signal: this.signal });
  }

  /**
   * Sends a read receipt for the message being handled (P2P messages only; anything else resolves at once).
   */
  markRead(): Promise<void> {
    const message = this.message;
    if (message === undefined || message.chat.type !== 'p2p' || message.own) return Promise.resolve();
    return this.client.markRead(message);
  }

  async #withChat<T>(send: (chat: ChatTarget) => Promise<T>): Promise<T> {
    const chat = this.chat;
    if (chat === undefined) {
      throw new StateError(
        BotErrorCode.NO_CHAT,
        `a ${this.update.type} update belongs to no chat to reply to`,
      );
    }
    return send(chat);
  }

  #quoteOf(quote: QuoteOption | undefined): Int64Input | undefined {
    if (quote === undefined || quote === false) return undefined;
    if (quote !== true) return quote;
    const id = this.message?.id ?? this.recall?.notice.id;
    if (id === undefined) {
      throw new InvalidArgumentError(
        BotErrorCode.NOTHING_TO_QUOTE,
        `a ${this.update.type} update has no message to quote`,
      );
    }
    return id;
  }

  #mediaOptions<O extends { readonly quote?: QuoteOption }>(options: O): Omit<O, 'quote'> & MediaOptions {
    const { quote, ...rest } = options;
    const quoted = this.#quoteOf(quote);
    return (quoted === undefined ? rest : { ...rest, quote: quoted }) as Omit<O, 'quote'> & MediaOptions;
  }
}
