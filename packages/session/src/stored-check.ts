import {
  ChatType,
  type Int64,
  type MsgChat,
  type MsgQueryInit,
  type MsgQueryResult,
  QueryDataType,
  SynType,
} from '@birdtalk/proto';
import type { Logger } from '@birdtalk/runtime';
import { describeError } from './events.js';
import type { ChatAck, OutboxEntry } from './outbox.js';

/** What a history lookup learnt about each chat. */
export interface StoredLookup {
  /** Chats found stored, with the acknowledgement each row stands for. */
  readonly found: Map<Int64, ChatAck>;
  /** Chats whose conversation could not be read (a query failed): nothing is known about them. */
  readonly unknown: Set<Int64>;
}

/**
 * Looks up, in the server's history, which chats of a previous attempt were stored although their
 * acknowledgement never arrived. A chat neither found nor unknown was not stored when the lookup ran. It never
 * rejects.
 */
export type StoredFinder = (entries: readonly OutboxEntry[]) => Promise<StoredLookup>;

/** What a {@link createStoredFinder} needs. */
export interface StoredFinderDeps {
  /** Sends a query on the ready connection. */
  readonly query: (query: MsgQueryInit) => Promise<MsgQueryResult>;
  /** The logged-in user. */
  readonly selfId: () => Int64 | undefined;
  readonly logger: Logger;
  /** The most pages of 100 rows read per conversation before giving up the search. */
  readonly maxPages?: number;
  /**
   * How much older than an entry's `createdAt` (the client's clock) a row may be and still be looked at: the
   * server stamps rows with its own clock, which may run behind ours.
   */
  readonly clockSkewMs?: number;
}

/** The server's fixed page size. */
const PAGE_SIZE = 100;

/** The defaults of {@link StoredFinderDeps}. */
export const STORED_FINDER_DEFAULTS = { maxPages: 10, clockSkewMs: 10 * 60_000 } as const;

/**
 * The real server does not deduplicate by `sendId`: a chat sent again after a lost acknowledgement is stored
 * twice, and every client other than ours shows it twice. But history returns the sender's own rows with their
 * `sendId`, so before resending, one backward query per conversation (from now, page by page, until rows older
 * than the oldest entry) tells which chats are already there. Receipt queries are not used: they make the
 * server push messages again.
 */
export function createStoredFinder(deps: StoredFinderDeps): StoredFinder {
  const maxPages = deps.maxPages ?? STORED_FINDER_DEFAULTS.maxPages;
  const skew = deps.clockSkewMs ?? STORED_FINDER_DEFAULTS.clockSkewMs;
  return async (entries) => {
    const found = new Map<Int64, ChatAck>();
    const unknown = new Set<Int64>();
    const self = deps.selfId();
    if (self === undefined) {
      for (const entry of entries) unknown.add(entry.sendId);
      return { found, unknown };
    }
    const byChat = new Map<string, OutboxEntry[]>();
    for (const entry of entries) {
      const key = `${entry.chat.chatType}:${String(entry.chat.toId)}`;
      byChat.set(key, [...(byChat.get(key) ?? []), entry]);
    }
    for (const group of byChat.values()) {
      const first = group[0]!;
      const wanted = new Set(group.map((entry) => entry.sendId));
      const oldest = Math.min(...group.map((entry) => entry.createdAt)) - skew;
      const isGroup = first.chat.chatType === ChatType.ChatTypeGroup;
      let bigId = '0';
      try {
        for (let page = 0; page < maxPages && wanted.size > 0; page += 1) {
          const result = await deps.query({
            queryType: QueryDataType.QueryDataTypeChatData,
            synType: SynType.SynTypeBackward,
            bigId,
            ...(isGroup
              ? { chatType: ChatType.ChatTypeGroup, groupId: String(first.chat.toId) }
              : { chatType: ChatType.ChatTypeP2P, userId: String(first.chat.toId) }),
          });
          if (result.result === 'fail') {
            // A refused query (a group that has just been loaded cold sees no members once: "not member of
            // group") lists nothing, which says nothing about what is stored: this lookup failed.
            deps.logger.debug('the server refused the history lookup before a resend', {
              detail: result.detail,
            });
            for (const sendId of wanted) unknown.add(sendId);
            break;
          }
          const rows = result.chatDataList;
          for (const row of rows) match(row, self, wanted, found);
          if (rows.length < PAGE_SIZE) break;
          const lowest = rows.reduce(
            (low, row) => (BigInt(row.msgId) < low ? BigInt(row.msgId) : low),
            BigInt(rows[0]!.msgId),
          );
          const oldestRow = Math.min(...rows.map((row) => Number(row.tm)));
          if (oldestRow < oldest || lowest <= 1n) break;
          bigId = (lowest - 1n).toString();
        }
      } catch (error) {
        // Not evidence of anything either way.
        for (const sendId of wanted) unknown.add(sendId);
        deps.logger.debug('the history lookup before a resend failed', { error: describeError(error) });
      }
    }
    return { found, unknown };
  };
}

function match(row: MsgChat, self: Int64, wanted: Set<Int64>, found: Map<Int64, ChatAck>): void {
  if (row.fromId !== self || !wanted.has(row.sendId)) return;
  wanted.delete(row.sendId);
  found.set(row.sendId, {
    sendId: row.sendId,
    msgId: row.msgId,
    serverTime: row.tm,
    detail: 'found in history',
  });
}
