import { InvalidArgumentError, ProtocolError } from '@birdtalk/errors';
import {
  type Int64,
  type Int64Input,
  type MsgChatInit,
  type MsgChatReplyInit,
  toInt64,
} from '@birdtalk/proto';
import { TransientMap } from '@birdtalk/runtime';
import type { Connection } from '../connection.js';
import type { MatchOutcome } from '../correlator.js';
import { isSendAck } from '../dispatch.js';
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

/**
 * Frames of queued chats that the early check already built, by `sendId`, for their first attempt: a chat of
 * up to 10 MiB is then not built and encoded twice. Each frame is kept only until its chat's first attempt
 * or final failure.
 */
export class PrebuiltFrames {
  /** Frames come and go with their chats: a {@link TransientMap}, which holds no `Map` while empty. */
  readonly #frames = new TransientMap<Int64, { readonly frame: BuiltFrame; readonly selfId: Int64 }>();

  /** How many frames are kept. */
  get size(): number {
    return this.#frames.size;
  }

  /** Keeps the frame of `sendId`, built for user `selfId`. */
  put(sendId: Int64, frame: BuiltFrame, selfId: Int64): void {
    this.#frames.set(sendId, { frame, selfId });
  }

  /** Takes the frame of `sendId` out; returns it only if it was built for `selfId` (the user logged in now). */
  take(sendId: Int64, selfId: Int64 | undefined): BuiltFrame | undefined {
    const kept = this.#frames.get(sendId);
    this.#frames.delete(sendId);
    return kept !== undefined && kept.selfId === selfId ? kept.frame : undefined;
  }

  /** Drops the frame of `sendId`, if one is kept (its chat failed before its first attempt). */
  drop(sendId: Int64): void {
    this.#frames.delete(sendId);
  }

  /** Drops every frame. */
  clear(): void {
    this.#frames.clear();
  }
}

/** What sending a chat needs beyond the request core. */
export interface ChatCore extends RequestCore {
  readonly outbox: Outbox;
  readonly prebuilt: PrebuiltFrames;
}

/** Queues a chat in the outbox; see `Session.sendChat`. */
export async function sendChat(
  core: ChatCore,
  chat: OutgoingChat,
  options: SendChatOptions = {},
): Promise<ChatAck> {
  if (typeof chat !== 'object' || chat === null) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a chat message is required');
  }
  const sendId = chat.sendId === undefined ? core.sendIds.next() : toInt64(chat.sendId);
  const entry: OutboxEntry = {
    sendId,
    // Not a spread with the ids after it: that measured 5 µs more client CPU per chat in the round-trip benchmark.
    chat: Object.assign({}, chat, { sendId, msgId: sendId }),
    createdAt: core.clock.now(),
  };
  const built = precheck(core, { kind: 'chat', chat: entry.chat });
  // The checked frame goes out as it is on the first attempt (if the same user is still logged in), instead of
  // being built and encoded a second time; resends build afresh.
  if (built === undefined) return core.outbox.submit(entry, options.signal, options.retryRefused);
  core.prebuilt.put(entry.sendId, built, core.selfId()!);
  try {
    return await core.outbox.submit(entry, options.signal, options.retryRefused);
  } catch (error) {
    // Refused before it was tracked (aborted, closed, the store failed), the chat has no attempt to use the
    // frame; a tracked chat that failed has dropped it already.
    core.prebuilt.drop(entry.sendId);
    throw error;
  }
}

/** The outbox's sender on `conn`: one attempt of a chat, settled by its acknowledgement. */
export function chatSender(core: ChatCore, conn: Connection): OutboxSender {
  return (entry) => {
    const label = `chat ${entry.sendId}`;
    return conn.requestSharingFence<ChatAck>(
      { kind: 'chat', chat: entry.chat },
      {
        label,
        match: (inbound, errors): MatchOutcome<ChatAck> | undefined => {
          if (
            inbound.kind !== 'chat-reply' ||
            !isSendAck(inbound.reply) ||
            inbound.reply.sendId !== entry.sendId
          ) {
            return undefined;
          }
          const reply = inbound.reply;
          const detail = reply.params.detail ?? '';
          if (reply.extraMsg === 'ok') {
            return { value: { sendId: entry.sendId, msgId: reply.msgId, serverTime: reply.sendOk, detail } };
          }
          // "not friend" follows an ErrTNotFriend (21), which the fence attributed to this chat.
          const cause = errors[0];
          return {
            error: new ProtocolError(
              detail === notFriendDetail ? SessionErrorCode.CHAT_NOT_FRIEND : SessionErrorCode.CHAT_REJECTED,
              `the server refused ${label}: "${detail}"`,
              {
                serverDetail: detail,
                request: label,
                ...(cause === undefined ? {} : { serverCode: cause.code }),
                details: { sendId: entry.sendId },
              },
            ),
          };
        },
        whenSilent: 'reject',
        // Chats share fences (see requestSharingFence); saying so here spares a copy of this spec per chat.
        errorsNeedReply: true,
        // No timeout (and no timer) of its own: the fence answers a processed chat at once, liveness catches a
        // dead connection, and the outbox deadline bounds the whole. A timed-out attempt could otherwise
        // swallow a late acknowledgement and provoke a duplicate resend.
        timeoutMs: Number.POSITIVE_INFINITY,
      },
      core.prebuilt.take(entry.sendId, conn.selfId),
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
