import { ChatType, type MsgChat, type MsgQueryInit, type MsgQueryResult, SynType } from '@birdtalk/proto';
import { silentLogger } from '@birdtalk/runtime';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from './outbox.js';
import { createStoredFinder } from './stored-check.js';

const SELF = '10001';

function entry(
  sendId: string,
  toId: string,
  chatType: ChatType = ChatType.ChatTypeP2P,
  createdAt = 1_000_000,
): OutboxEntry {
  return { sendId, chat: { sendId, msgId: sendId, toId, chatType }, createdAt };
}

function row(msgId: number, sendId: string, fromId = SELF, tm = 1_000_500): MsgChat {
  return { msgId: String(msgId), sendId, fromId, tm: String(tm) } as unknown as MsgChat;
}

/** A server whose history answers backward queries from `rows` (ascending ids), 100 a page. */
function history(rows: readonly MsgChat[]) {
  const queries: MsgQueryInit[] = [];
  const query = async (q: MsgQueryInit): Promise<MsgQueryResult> => {
    queries.push(q);
    const bigId = BigInt(String(q.bigId ?? '0'));
    const page = rows
      .filter((r) => bigId === 0n || BigInt(r.msgId) <= bigId)
      .sort((a, b) => (BigInt(b.msgId) > BigInt(a.msgId) ? 1 : -1))
      .slice(0, 100);
    return { chatDataList: page } as unknown as MsgQueryResult;
  };
  return { query, queries };
}

describe('the history lookup before a resend', () => {
  it("finds the sender's own rows by sendId, with the stored msgId and time as the acknowledgement", async () => {
    const server = history([row(500, '7', '10002'), row(501, '7'), row(502, '8')]);
    const find = createStoredFinder({ query: server.query, selfId: () => SELF, logger: silentLogger });
    const found = await find([entry('7', '10002'), entry('9', '10002')]);
    // sendId 7 from someone else is not ours; ours is row 501. sendId 9 was never stored.
    expect([...found.found.entries()]).toEqual([
      ['7', { sendId: '7', msgId: '501', serverTime: '1000500', detail: 'found in history' }],
    ]);
    expect(server.queries).toEqual([
      {
        queryType: 0,
        synType: SynType.SynTypeBackward,
        bigId: '0',
        chatType: ChatType.ChatTypeP2P,
        userId: '10002',
      },
    ]);
  });

  it('asks once per conversation, a group by its id, and pages back only as far as the oldest entry', async () => {
    const rows = Array.from({ length: 250 }, (_, i) =>
      row(1000 + i, String(5000 + i), SELF, 1_000_000 + i * 10),
    );
    const server = history(rows);
    const find = createStoredFinder({
      query: server.query,
      selfId: () => SELF,
      logger: silentLogger,
      clockSkewMs: 0,
    });
    const found = await find([
      entry('5001', '77', ChatType.ChatTypeGroup, 1_000_000),
      entry('5200', '77', ChatType.ChatTypeGroup, 1_001_900),
    ]);
    expect([...found.found.keys()].sort()).toEqual(['5001', '5200']);
    expect(server.queries.map((q) => [q.groupId, q.bigId])).toEqual([
      ['77', '0'],
      ['77', '1149'],
      ['77', '1049'],
    ]);
  });

  it('stops at rows older than the oldest entry, and knows nothing about a conversation whose query failed', async () => {
    const old = Array.from({ length: 300 }, (_, i) => row(1000 + i, String(i), SELF, 10));
    const server = history(old);
    const find = createStoredFinder({ query: server.query, selfId: () => SELF, logger: silentLogger });
    const lookup = await find([entry('999999', '10002', ChatType.ChatTypeP2P, 50 * 60_000)]);
    expect(lookup.found.size).toBe(0);
    expect(lookup.unknown.size).toBe(0);
    expect(server.queries).toHaveLength(1);
    const failing = createStoredFinder({
      query: async () => {
        throw new Error('connection lost');
      },
      selfId: () => SELF,
      logger: silentLogger,
    });
    const failed = await failing([entry('7', '10002')]);
    expect(failed.found.size).toBe(0);
    expect([...failed.unknown]).toEqual(['7']);
  });

  it('knows nothing about a group whose query the server refused (a cold group\'s one-off "not a member")', async () => {
    const queries: MsgQueryInit[] = [];
    // The real server's refusal: an empty list under result "fail"; the next query is served.
    const refusal = { chatDataList: [], result: 'fail', detail: 'not member of group' };
    const find = createStoredFinder({
      query: async (q) => {
        queries.push(q);
        return (queries.length === 1 ? refusal : { chatDataList: [row(900, '7')], result: '' }) as never;
      },
      selfId: () => SELF,
      logger: silentLogger,
    });
    const refused = await find([
      entry('7', '77', ChatType.ChatTypeGroup),
      entry('8', '77', ChatType.ChatTypeGroup),
    ]);
    expect(refused.found.size).toBe(0);
    expect([...refused.unknown].sort()).toEqual(['7', '8']);
    const served = await find([entry('7', '77', ChatType.ChatTypeGroup)]);
    expect([...served.found.keys()]).toEqual(['7']);
    expect(served.unknown.size).toBe(0);
  });

  it('reads at most maxPages pages (10 by default) of a conversation, what they do not hold counts as not stored', async () => {
    // 2,000 rows, all newer than the entry, none of them it.
    const rows = Array.from({ length: 2_000 }, (_, i) =>
      row(10_000 + i, String(90_000 + i), SELF, 2_000_000),
    );
    const server = history(rows);
    const find = createStoredFinder({ query: server.query, selfId: () => SELF, logger: silentLogger });
    const lookup = await find([entry('5', '10002', ChatType.ChatTypeP2P, 1_000_000)]);
    expect(server.queries).toHaveLength(10);
    expect(lookup.found.size).toBe(0);
  });
});
