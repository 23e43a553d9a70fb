import { InvalidArgumentError, ProtocolError } from '@birdtalk/errors';
import {
  type Int64,
  type Int64Input,
  type MsgChatInit,
  type MsgChatReplyInit,
  type MsgError,
  toInt64,
} from '@birdtalk/proto';
import type { Connection } from '../connection.js';
import type { MatchOutcome, RequestSpec } from '../correlator.js';
import { type Inbound, isSendAck } from '../dispatch.js';
import { SessionErrorCode } from '../errors.js';
import type { BuiltFrame } from '../frames.js';
import type { ChatAck, Outbox, OutboxEntry, OutboxSender, RetryRefused } from '../outbox.js';
import { precheck, type RequestCore, type RequestOptions, request } from './core.js';

/** A chat to send. `sendId` is allocated when absent; `msgId` and `fromId` are always filled in. */
export type OutgoingChat = Omit<MsgChatInit, 'sendId' | 'msgId' | 'fromId'> & {
  readonly sendId?: Int64Input;
};

/** Options of one chat: see `Session.sendChat`. */
export interface SendChatOptions extends Pick<RequestOptions, 'signal'> {
  /**
   * Asked, at most once, whether a chat the server refused ("fail") is sent once more; later chats of its
   * conversation wait for the answer (and for that attempt), so they are not stored before it.
   */
  readonly retryRefused?: RetryRefused;
}

/** The detail of a failed acknowledgement that names its cause. */
const notFriendDetail = 'not friend';

/** What sending a chat needs beyond the request core. */
export interface ChatCore extends RequestCore {
  readonly outbox: Outbox;
}

/**
 * The frame the early check built for a chat, kept by the outbox for the chat's first attempt: a chat of up to
 * 10 MiB is then not built and encoded twice. Used only while the same user is logged in.
 */
interface PreparedFrame {
  readonly frame: BuiltFrame;
  readonly selfId: Int64;
}

/** Queues a chat in the outbox; see `Session.sendChat`. */
export function sendChat(core: ChatCore, chat: OutgoingChat, options?: SendChatOptions): Promise<ChatAck> {
  // Not an async function: the outbox's promise is returned as it is, instead of being adopted by another.
  try {
    if (typeof chat !== 'object' || chat === null) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'a chat message is required');
    }
    const sendId = chat.sendId === undefined ? core.sendIds.next() : toInt64(chat.sendId);
    const entry: OutboxEntry = {
      sendId,
      // Not a spread with the ids after it: that measured 5 µs more client CPU per chat in the round-trip
      // benchmark.
      chat: Object.assign({}, chat, { sendId, msgId: sendId }),
      createdAt: core.clock.now(),
    };
    const built = precheck(core, { kind: 'chat', chat: entry.chat });
    // The checked frame goes out as it is on the first attempt (if the same user is still logged in), instead of
    // being built and encoded a second time; resends build afresh.
    const prepared: PreparedFrame | undefined =
      built === undefined ? undefined : { frame: built, selfId: core.selfId()! };
    return core.outbox.submit(entry, options?.signal, options?.retryRefused, prepared);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * What the server's acknowledgement of one chat attempt looks like, and what it means: the request spec of every
 * attempt, with its steps on the prototype (a label, a match closure and a spec object per attempt were a
 * good part of what a chat allocated).
 */
class ChatAttemptSpec implements RequestSpec<ChatAck> {
  readonly whenSilent = 'reject';
  // Chats share fences (see requestSharingFence).
  readonly errorsNeedReply = true;
  // No timeout (and no timer) of its own: the fence answers a processed chat at once, liveness catches a dead
  // connection, and the outbox deadline bounds the whole. A timed-out attempt could otherwise swallow a late
  // acknowledgement and provoke a duplicate resend.
  readonly timeoutMs = Number.POSITIVE_INFINITY;
  readonly #sendId: Int64;

  constructor(sendId: Int64) {
    this.#sendId = sendId;
  }

  /** Built when asked (errors, logs): acknowledgements are matched without it. */
  get label(): string {
    return `chat ${this.#sendId}`;
  }

  match(inbound: Inbound, errors: readonly MsgError[]): MatchOutcome<ChatAck> | undefined {
    const sendId = this.#sendId;
    if (inbound.kind !== 'chat-reply' || !isSendAck(inbound.reply) || inbound.reply.sendId !== sendId) {
      return undefined;
    }
    const reply = inbound.reply;
    const detail = reply.params.detail ?? '';
    if (reply.extraMsg === 'ok') {
      return { value: { sendId, msgId: reply.msgId, serverTime: reply.sendOk, detail } };
    }
    // "not friend" follows an ErrTNotFriend (21), which the fence attributed to this chat.
    const cause = errors[0];
    const label = this.label;
    return {
      error: new ProtocolError(
        detail === notFriendDetail ? SessionErrorCode.CHAT_NOT_FRIEND : SessionErrorCode.CHAT_REJECTED,
        `the server refused ${label}: "${detail}"`,
        {
          serverDetail: detail,
          request: label,
          ...(cause === undefined ? {} : { serverCode: cause.code }),
          details: { sendId },
        },
      ),
    };
  }
}

/** The outbox's sender on `conn`: one attempt of a chat, settled by its acknowledgement. */
export function chatSender(conn: Connection): OutboxSender {
  return (entry, outcome, prepared) => {
    const kept = prepared as PreparedFrame | undefined;
    conn.requestSharingFenceTo<ChatAck>(
      { kind: 'chat', chat: entry.chat },
      new ChatAttemptSpec(entry.sendId),
      outcome,
      kept !== undefined && kept.selfId === conn.selfId ? kept.frame : undefined,
    );
  };
}

/**
 * Sends a delivery or read receipt; resolves once the server processed it. Receipts share their fence with the
 * other requests of their turn: the server never answers one, and the only error it has for one (an empty
 * `params.batch`) is refused by the frame builder before anything is sent. A catch-up that fetched 10,000
 * messages owes about a hundred of them; each behind a fence of its own, they took a round trip apiece and held
 * the catch-up's page queries back meanwhile.
 */
export function sendReceipt(
  core: RequestCore,
  receipt: MsgChatReplyInit,
  options: RequestOptions = {},
): Promise<void> {
  return request<void>(
    core,
    { kind: 'receipt', receipt },
    { label: `receipt ${String(receipt?.msgId)}`, whenSilent: 'resolve', errorsNeedReply: true },
    options,
    true,
    'shared',
  );
}
