import { ChatMsgStatus, ChatMsgType, ChatType, type Int64, type MsgChat } from '@birdtalk/proto';
import type { ChatTarget } from './chat-target.js';
import { type Attachment, type DraftyDocument, type MessageKind, readContent } from './content.js';

/**
 * A chat message as the application sees it: ids as exact decimal text, the conversation it belongs to, and
 * its decoded content.
 */
export interface ChatMessage {
  /** The server's id of the message (a snowflake; ids grow with time within a conversation). */
  readonly id: Int64;
  /** The sender's client id of it (`sendId`). */
  readonly sendId: Int64;
  /** The conversation: for P2P the other party (yourself for self chat), for a group the group. */
  readonly chat: ChatTarget;
  /** The sender's user id. */
  readonly from: Int64;
  /** The recipient: a user id for P2P, the group id for a group message. */
  readonly to: Int64;
  /** What the message is; `'recall'` for a recall notice (see the `recall` event). */
  readonly kind: MessageKind;
  /** The text, or the visible text of a media message. */
  readonly text: string;
  /** The file a media message carries. */
  readonly attachment: Attachment | undefined;
  /** The parsed Drafty document of a media message. */
  readonly drafty: DraftyDocument | undefined;
  /** The id of the message this one quotes (replies to). */
  readonly quote: Int64 | undefined;
  /**
   * When it was sent, in milliseconds since the Unix epoch: the server's store time, except for live group and
   * self-chat messages, whose time is the sender's clock.
   */
  readonly time: number;
  /** Whether we sent it (from this or another device of the account). */
  readonly own: boolean;
  /** Whether it arrived through the catch-up after a login, rather than live. */
  readonly catchingUp: boolean;
  /** Whether it was recalled before we fetched it (history rows mark recalled messages; their data stays). */
  readonly recalled: boolean;
  /**
   * Whether it may have been handed to a listener before: a previous run of the client died (or was stopped)
   * after handing it over and before recording that its handling ended. Listeners that must not act twice
   * check it (and their own records) before acting.
   */
  readonly redelivered: boolean;
  /**
   * Whether it comes after a message of its chat with a higher id, out of order: the server dropped its push
   * (its send queue overflowed) and a catch-up fetched it once its successors had been delivered live. Within
   * a chat, messages that are not late reach the listeners in id order.
   */
  readonly late: boolean;
  /**
   * Aborts when the listeners of this delivery should stop: their time (`handlerTimeoutMs`) is up, or the
   * client stopped waiting for them. Pass it to whatever the listener awaits. Never aborts for messages that
   * are not deliveries (history, `waitFor`).
   */
  readonly signal: AbortSignal;
  /** The message as it arrived. */
  readonly raw: MsgChat;
}

/** How a raw message was obtained. */
export interface MessageOrigin {
  readonly selfId: Int64;
  readonly catchingUp: boolean;
  /** See {@link ChatMessage.redelivered}; false when absent. */
  readonly redelivered?: boolean;
  /** See {@link ChatMessage.late}; false when absent. */
  readonly late?: boolean;
  /** See {@link ChatMessage.signal}; one that never aborts when absent. */
  readonly signal?: AbortSignal;
  /** Where the message's signal is read each time it is read, instead of `signal` (a delivery makes it lazily). */
  readonly signalFrom?: { readonly signal: AbortSignal } | undefined;
}

/** The signal of messages that are not deliveries. */
const NEVER_ABORTED = new AbortController().signal;

/** The conversation a raw message belongs to, from our point of view. */
export function chatOf(raw: MsgChat, selfId: Int64): ChatTarget {
  if (raw.chatType === ChatType.ChatTypeGroup) return { type: 'group', groupId: raw.toId };
  return { type: 'p2p', userId: raw.fromId === selfId ? raw.toId : raw.fromId };
}

/** Builds the application's view of a raw message. */
export function toChatMessage(raw: MsgChat, origin: MessageOrigin): ChatMessage {
  return new MessageView(raw, origin);
}

/**
 * What {@link toChatMessage} builds. A class, with the signal as a getter on its prototype, because a
 * delivery's signal is made only when it is first read (see {@link MessageOrigin.signalFrom}): an object
 * literal with a getter, or a getter defined on an object afterwards, costs more than the rest of a catch-up's
 * work on a message. Its fields are own, enumerable properties; the signal is not (a spread copy has none).
 */
class MessageView implements ChatMessage {
  readonly id: Int64;
  readonly sendId: Int64;
  readonly chat: ChatTarget;
  readonly from: Int64;
  readonly to: Int64;
  readonly kind: MessageKind;
  readonly text: string;
  readonly attachment: Attachment | undefined;
  readonly drafty: DraftyDocument | undefined;
  readonly quote: Int64 | undefined;
  readonly time: number;
  readonly own: boolean;
  readonly catchingUp: boolean;
  readonly recalled: boolean;
  readonly redelivered: boolean;
  readonly late: boolean;
  readonly raw: MsgChat;
  readonly #signal: AbortSignal;
  readonly #signalFrom: { readonly signal: AbortSignal } | undefined;

  constructor(raw: MsgChat, origin: MessageOrigin) {
    const content = readContent(raw.msgType, raw.data);
    const ref = raw.refMessageId;
    this.id = raw.msgId;
    this.sendId = raw.sendId;
    this.chat = chatOf(raw, origin.selfId);
    this.from = raw.fromId;
    this.to = raw.toId;
    this.kind = content.kind;
    this.text = content.text;
    this.attachment = content.attachment;
    this.drafty = content.drafty;
    this.quote = raw.msgType !== ChatMsgType.DELETE && ref !== '0' && ref !== '' ? ref : undefined;
    this.time = Number(raw.tm);
    this.own = raw.fromId === origin.selfId;
    this.catchingUp = origin.catchingUp;
    this.recalled = raw.status === ChatMsgStatus.DELETED;
    this.redelivered = origin.redelivered ?? false;
    this.late = origin.late ?? false;
    this.raw = raw;
    this.#signal = origin.signal ?? NEVER_ABORTED;
    this.#signalFrom = origin.signalFrom;
  }

  get signal(): AbortSignal {
    return this.#signalFrom === undefined ? this.#signal : this.#signalFrom.signal;
  }
}
