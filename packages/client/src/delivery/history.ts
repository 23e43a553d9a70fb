import { hasErrorName, ProtocolError } from '@birdtalk/errors';
import {
  ChatType,
  type Int64,
  type Int64Input,
  type MsgChat,
  type MsgQueryInit,
  QueryDataType,
  SynType,
} from '@birdtalk/proto';
import type { Session } from '@birdtalk/session';
import { type ChatTarget, positiveId } from '../chat-target.js';
import { ClientErrorCode } from '../client-errors.js';
import { type ChatMessage, chatOf, toChatMessage } from '../message.js';
import { checkTarget } from './sender.js';

/** Options of `client.history()`. */
export interface HistoryOptions {
  /** Only messages with ids below this one (exclusive); the newest messages when absent. */
  readonly before?: Int64Input;
  /** Ends the iteration (a page being fetched is abandoned). */
  readonly signal?: AbortSignal;
}

/** The server's fixed page size. */
export const HISTORY_PAGE_SIZE = 100;

/**
 * A conversation's history, newest first, fetched a page (100 messages) at a time as the iteration goes on:
 * backward queries from `before` (P2P: `userId` = the peer; group: `groupId`), ending at a short page. Recalled
 * messages are included with `recalled: true`.
 *
 * @throws InvalidArgumentError for a bad target or `before` id, at the first `next()`.
 * @throws ProtocolError `HISTORY_NOT_MEMBER` when the user is not a member of the group.
 */
export async function* history(
  session: Session,
  selfId: Int64,
  target: ChatTarget,
  options: HistoryOptions = {},
): AsyncGenerator<ChatMessage, void, undefined> {
  const chat = checkTarget(target);
  let upper: bigint | undefined =
    options.before === undefined ? undefined : BigInt(positiveId(options.before, 'before')) - 1n;
  const signal = options.signal;
  for (;;) {
    // bigId 0 means "now" to the server, so a cursor that reached 0 means there is nothing older.
    if (upper !== undefined && upper <= 0n) return;
    if (signal?.aborted) return;
    const query: MsgQueryInit = {
      queryType: QueryDataType.QueryDataTypeChatData,
      synType: SynType.SynTypeBackward,
      bigId: upper === undefined ? 0 : upper.toString(),
      ...(chat.type === 'p2p'
        ? { chatType: ChatType.ChatTypeP2P, userId: chat.userId }
        : { chatType: ChatType.ChatTypeGroup, groupId: chat.groupId }),
    };
    let rows: readonly MsgChat[];
    try {
      const result = await session.query(query, signal === undefined ? {} : { signal });
      if (result.result === 'fail') {
        throw new ProtocolError(
          ClientErrorCode.HISTORY_NOT_MEMBER,
          `not a member of group ${chat.type === 'group' ? chat.groupId : ''}`,
          {
            serverDetail: result.detail,
            request: 'history',
          },
        );
      }
      rows = result.chatDataList;
    } catch (error) {
      if (signal?.aborted && hasErrorName(error, 'AbortError')) return;
      throw error;
    }
    let lowest: bigint | undefined;
    for (const row of rows) {
      const id = BigInt(row.msgId);
      if (lowest === undefined || id < lowest) lowest = id;
      // A P2P query for your own id (self chat) returns every conversation: keep this one's.
      if (chat.type === 'p2p' && !belongsTo(row, selfId, chat.userId)) continue;
      yield toChatMessage(row, { selfId, catchingUp: false });
      if (signal?.aborted) return;
    }
    if (rows.length < HISTORY_PAGE_SIZE || lowest === undefined) return;
    upper = lowest - 1n;
  }
}

function belongsTo(row: MsgChat, selfId: Int64, peer: Int64): boolean {
  const other = chatOf(row, selfId);
  return other.type === 'p2p' && other.userId === peer;
}
