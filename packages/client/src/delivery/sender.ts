import {
  type BirdTalkError,
  hasErrorName,
  InvalidArgumentError,
  isBirdTalkError,
  ProtocolError,
  RefusedError,
  StateError,
} from '@birdtalk/errors';
import { ChatMsgType, ChatType, type Int64, type Int64Input, isWellFormed } from '@birdtalk/proto';
import { type Clock, type TimerHandle, TransientMap } from '@birdtalk/runtime';
import {
  type ChatAck,
  type OutgoingChat,
  type SendChatOptions,
  type Session,
  SessionErrorCode,
} from '@birdtalk/session';
import { type ChatTarget, positiveId } from '../chat-target.js';
import { ClientErrorCode } from '../client-errors.js';
import { type OutgoingContent, textContent } from '../content.js';
import type { SendOptions, SentMessage } from '../context.js';
import type { Membership } from './group-membership.js';
import type { SentMessages } from './message-states.js';

/** What a send accepts: text, or content built with the content helpers (`imageContent`, …). */
export type SendContent = string | OutgoingContent;

/** The collaborators and limits of a {@link Sender}. */
export interface SenderDeps {
  /** The session; throws before the client started. */
  session(): Session;
  readonly membership: Membership;
  readonly states: SentMessages;
  /** The next `sendId` (persistent and increasing). */
  nextSendId(): Int64;
  /** `MsgChat.devId` of our messages: the device id. */
  deviceId(): string;
  readonly clock: Clock;
  /** How long a group send waits for the first group list (before the first login) before it is refused. */
  readonly membershipWaitMs: number;
  readonly maxTextBytes: number;
  /**
   * Asks the server whether we still belong to a group that refused a chat as from a non-member (see
   * `MembershipCheck`): `true` retries the chat once (before any later chat of the group), `false` and
   * `undefined` fail it. Absent: the refusal is believed and the group forgotten.
   */
  confirmMembership?(groupId: Int64): Promise<boolean | undefined>;
  /**
   * Whether the logged-in user blocked this user (see `BlockList`): a boolean when known at once, which saves a
   * send a turn of the microtask queue. Absent: nobody is blocked.
   */
  isBlocked?(userId: Int64): boolean | Promise<boolean>;
}

/** The error of a chat to a user we blocked: refused before sending, or taken out of the outbox. */
export function recipientBlockedError(userId: Int64, queued: boolean): RefusedError {
  return new RefusedError(
    ClientErrorCode.RECIPIENT_BLOCKED,
    queued
      ? `user ${userId} was blocked while this chat waited for the server; it is not sent again`
      : `user ${userId} is blocked; nothing was sent`,
    { details: { userId } },
  );
}

/**
 * Sends chats: validates everything before a byte goes out (ids, valid UTF-8, size, group membership), hands
 * the chat to the session's outbox (resent with the same `sendId` until acknowledged), tracks its state, and
 * turns the server's "fail" details into typed errors.
 */
export class Sender {
  readonly #deps: SenderDeps;
  /**
   * The recipient of each P2P chat waiting in the outbox, by `sendId`: its chats are taken out of the outbox
   * when the recipient gets blocked. By id rather than by an abort signal per chat: creating a signal costs
   * more than the rest of a send. One map of every chat rather than a set per recipient: blocking is rare,
   * sending is not, and a set per recipient was made and dropped with nearly every chat.
   */
  readonly #p2pInFlight = new TransientMap<Int64, Int64>();
  #closed = false;

  constructor(deps: SenderDeps) {
    this.#deps = deps;
  }

  /**
   * The user blocked `userId`: their chats still waiting for an acknowledgement fail with `RECIPIENT_BLOCKED`
   * and the outbox does not send them again.
   */
  recipientBlocked(userId: Int64): void {
    const sendIds: Int64[] = [];
    for (const [sendId, recipient] of this.#p2pInFlight) if (recipient === userId) sendIds.push(sendId);
    if (sendIds.length === 0) return;
    const session = this.#deps.session();
    for (const sendId of sendIds) session.abortChat(sendId, recipientBlockedError(userId, true));
  }

  /** Refuses new sends from now on (the client is stopping); chats already queued still go out. */
  close(): void {
    this.#closed = true;
  }

  /**
   * Sends content to a chat and resolves once the server stored it.
   *
   * @throws InvalidArgumentError before anything is sent: a bad target id (`INVALID_ID`), text with a lone
   * surrogate (`INVALID_UTF8`), text over `maxTextBytes` (`TEXT_TOO_LONG`), content that is neither
   * (`INVALID_CONTENT`), a group the user is not known to belong to (`NOT_GROUP_MEMBER`), a bad quote id.
   * @throws ProtocolError when the server refuses: `CHAT_NOT_FRIEND` (the peer does not follow us),
   * `CHAT_NOT_GROUP_MEMBER`, `CHAT_GROUP_NOT_FOUND`, `CHAT_REF_NOT_FOUND`, `CHAT_REJECTED` (other reasons).
   * @throws TimeoutError when no acknowledgement came within the outbox deadline.
   */
  send(target: ChatTarget, content: SendContent, options: SendOptions = {}): Promise<SentMessage> {
    // Not an async function: its promise would adopt the send's own a few turns of the microtask queue later,
    // with a promise and two jobs more per chat. A bad argument still rejects, never throws.
    try {
      const chat = checkTarget(target);
      const outgoing = this.#content(content);
      const quote = options.quote === undefined ? undefined : positiveId(options.quote, 'quote');
      return this.#send(chat, outgoing, quote, options.signal);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Recalls (deletes) a message; resolves with the recall notice as stored. Either party of a P2P chat and any
   * group member may recall; the server keeps the original data, so clients hide it.
   */
  async recall(
    id: Int64Input,
    target: ChatTarget,
    options: Pick<SendOptions, 'signal'> = {},
  ): Promise<SentMessage> {
    const chat = checkTarget(target);
    const ref = positiveId(id, 'id');
    return this.#send(chat, { type: ChatMsgType.DELETE, data: new Uint8Array(0) }, ref, options.signal);
  }

  /**
   * Checks a chat target as a send would, without sending: its ids, and for a group that the user belongs to
   * (waiting for the first group list if need be). Media sends check before they upload anything.
   *
   * @throws InvalidArgumentError `INVALID_ID`, `INVALID_ARGUMENT`, `NOT_GROUP_MEMBER`.
   */
  async checkTarget(target: ChatTarget): Promise<void> {
    const chat = checkTarget(target);
    if (chat.type === 'group') await this.#requireMember(chat.groupId);
  }

  /** Sends content the feature modules built (already validated by them). */
  sendContent(target: ChatTarget, content: OutgoingContent, options: SendOptions = {}): Promise<SentMessage> {
    return this.send(target, content, options);
  }

  async #requireMember(groupId: Int64): Promise<void> {
    if (!this.#deps.membership.known) await this.#membershipKnown();
    if (!this.#deps.membership.has(groupId)) {
      throw new InvalidArgumentError(
        ClientErrorCode.NOT_GROUP_MEMBER,
        `not a member of group ${groupId} (as far as the client knows)`,
        { details: { groupId } },
      );
    }
  }

  /** Waits for the first group list, at most `membershipWaitMs`. */
  async #membershipKnown(): Promise<void> {
    let timer: TimerHandle | undefined;
    await Promise.race([
      this.#deps.membership.whenKnown(),
      new Promise<void>((resolve) => {
        timer = this.#deps.clock.setTimeout(resolve, this.#deps.membershipWaitMs);
      }),
    ]);
    this.#deps.clock.clearTimeout(timer);
  }

  #content(content: SendContent): OutgoingContent {
    if (typeof content === 'string') {
      if (!isWellFormed(content)) {
        throw new InvalidArgumentError(
          ClientErrorCode.INVALID_UTF8,
          'the text holds a lone surrogate, which is not valid UTF-8',
        );
      }
      const outgoing = textContent(content);
      if (outgoing.data.byteLength > this.#deps.maxTextBytes) {
        throw new InvalidArgumentError(
          ClientErrorCode.TEXT_TOO_LONG,
          `the text is ${outgoing.data.byteLength} bytes of UTF-8; at most ${this.#deps.maxTextBytes} are allowed`,
          { details: { bytes: outgoing.data.byteLength, maxTextBytes: this.#deps.maxTextBytes } },
        );
      }
      return outgoing;
    }
    if (
      typeof content !== 'object' ||
      content === null ||
      !(content.data instanceof Uint8Array) ||
      !Number.isInteger(content.type)
    ) {
      throw new InvalidArgumentError(
        ClientErrorCode.INVALID_CONTENT,
        'content must be text or OutgoingContent',
      );
    }
    if (content.type === ChatMsgType.DELETE) {
      throw new InvalidArgumentError(ClientErrorCode.INVALID_CONTENT, 'use recall() to recall a message');
    }
    if (content.type === ChatMsgType.TEXT && content.data.byteLength > this.#deps.maxTextBytes) {
      throw new InvalidArgumentError(ClientErrorCode.TEXT_TOO_LONG, 'the text is too long', {
        details: { bytes: content.data.byteLength, maxTextBytes: this.#deps.maxTextBytes },
      });
    }
    return content;
  }

  async #send(
    chat: ChatTarget,
    content: OutgoingContent,
    ref: Int64 | undefined,
    signal: AbortSignal | undefined,
  ): Promise<SentMessage> {
    if (this.#closed)
      throw new StateError(ClientErrorCode.STOPPED, 'the client is stopping; nothing is sent');
    const session = this.#deps.session();
    if (chat.type === 'group') await this.#requireMember(chat.groupId);
    else {
      const blocked = this.#deps.isBlocked?.(chat.userId);
      if (blocked === true || (typeof blocked === 'object' && (await blocked))) {
        throw recipientBlockedError(chat.userId, false);
      }
    }
    if (this.#closed)
      throw new StateError(ClientErrorCode.STOPPED, 'the client is stopping; nothing is sent');
    const sendId = this.#deps.nextSendId();
    this.#deps.states.sending(sendId, chat);
    if (chat.type === 'p2p') this.#p2pInFlight.set(sendId, chat.userId);
    const { confirmMembership } = this.#deps;
    // A group that has just been loaded cold refuses one access as from a non-member: re-check with the group
    // list, and when it still lists us, send once more (the refused chat was not stored, and the next access
    // sees the members). The outbox asks once, so a server that keeps refusing cannot make it loop, and holds
    // the group's later chats meanwhile, so they are not stored before this one.
    const retryRefused =
      chat.type === 'group' && confirmMembership !== undefined
        ? async (error: BirdTalkError): Promise<boolean> =>
            isNotMember(error, chat) && (await confirmMembership(chat.groupId)) === true
        : undefined;
    const outgoing: OutgoingChat = {
      sendId,
      toId: chat.type === 'p2p' ? chat.userId : chat.groupId,
      chatType: chat.type === 'p2p' ? ChatType.ChatTypeP2P : ChatType.ChatTypeGroup,
      msgType: content.type,
      data: content.data,
      devId: this.#deps.deviceId(),
    };
    // Set afterwards rather than spread in: spreads copied the chat and its options once more per send.
    if (ref !== undefined) outgoing.refMessageId = ref;
    let ack: ChatAck;
    try {
      ack = await session.sendChat(outgoing, sendOptions(signal, retryRefused));
    } catch (error) {
      const typed = typedChatError(error, chat);
      if (isBirdTalkError(typed)) this.#deps.states.failed(sendId, typed as BirdTalkError);
      if (
        this.#deps.confirmMembership === undefined &&
        isBirdTalkError(typed, ClientErrorCode.CHAT_NOT_GROUP_MEMBER) &&
        chat.type === 'group'
      ) {
        this.#deps.membership.remove(chat.groupId);
      }
      throw typed;
    } finally {
      if (chat.type === 'p2p') this.#p2pInFlight.delete(sendId);
    }
    // Its state moved to sent already: the session's chat-acked event comes before the acknowledgement.
    return { id: ack.msgId, sendId, chat, time: Number(ack.serverTime) };
  }
}

/** The options of a send with neither a signal nor a refusal to reconsider: one object for all of them. */
const noOptions: SendChatOptions = Object.freeze({});

/** The session's options of a send: only what is set, without spreading one object into another. */
function sendOptions(
  signal: AbortSignal | undefined,
  retryRefused: SendChatOptions['retryRefused'],
): SendChatOptions {
  if (retryRefused === undefined) return signal === undefined ? noOptions : { signal };
  return signal === undefined ? { retryRefused } : { signal, retryRefused };
}

/** Validates a chat target given by an API caller and returns a clean copy. */
export function checkTarget(target: ChatTarget): ChatTarget {
  if (typeof target !== 'object' || target === null) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'a chat target is required (p2p(userId) or group(groupId))',
    );
  }
  if (target.type === 'p2p') return { type: 'p2p', userId: positiveId(target.userId, 'userId') };
  if (target.type === 'group') return { type: 'group', groupId: positiveId(target.groupId, 'groupId') };
  throw new InvalidArgumentError('INVALID_ARGUMENT', 'a chat target is p2p(userId) or group(groupId)');
}

/** The server's "fail" details as typed codes. */
const failDetails: ReadonlyArray<[string, string]> = [
  ['you are not a group member', ClientErrorCode.CHAT_NOT_GROUP_MEMBER],
  ['group id error', ClientErrorCode.CHAT_GROUP_NOT_FOUND],
  ['ref error', ClientErrorCode.CHAT_REF_NOT_FOUND],
];

function isNotMember(error: unknown, chat: ChatTarget): boolean {
  return isBirdTalkError(typedChatError(error, chat), ClientErrorCode.CHAT_NOT_GROUP_MEMBER);
}

/**
 * The session's refusal of a chat with the server's "fail" detail turned into the client's code for it
 * (`CHAT_NOT_GROUP_MEMBER`, `CHAT_GROUP_NOT_FOUND`, `CHAT_REF_NOT_FOUND`); any other error as it is.
 */
export function typedChatError(error: unknown, chat: ChatTarget): unknown {
  if (!isBirdTalkError(error, SessionErrorCode.CHAT_REJECTED) || !hasErrorName(error, 'ProtocolError')) {
    return error;
  }
  const rejected = error as unknown as ProtocolError;
  const detail = (rejected.serverDetail ?? '').trim();
  const code = failDetails.find(([text]) => text === detail)?.[1];
  if (code === undefined) return error;
  return new ProtocolError(code, rejected.message, {
    cause: rejected,
    ...(rejected.serverCode === undefined ? {} : { serverCode: rejected.serverCode }),
    serverDetail: rejected.serverDetail ?? detail,
    ...(rejected.request === undefined ? {} : { request: rejected.request }),
    details: {
      ...rejected.details,
      chat: chat.type === 'p2p' ? `p2p:${chat.userId}` : `group:${chat.groupId}`,
    },
  });
}
