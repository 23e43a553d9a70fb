import { ComMsgType } from '@birdtalk/proto';
import { createMemoryLogger } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import type { ServerContext } from '../src/context.js';
import type { Session } from '../src/session.js';
import { encodeOnce, pushToUser, pushToUserExcept } from '../src/wire.js';

/** Just what the push functions read: users with their connection ids, and the connections. */
function fakeContext(sessionsOf: Record<string, bigint[]>) {
  const sent: Array<{ sid: bigint; frame: Uint8Array }> = [];
  const sessions = new Map<bigint, Session>();
  for (const sids of Object.values(sessionsOf)) {
    for (const sid of sids) {
      sessions.set(sid, {
        sid,
        sendFrame: (frame: Uint8Array) => sent.push({ sid, frame }),
      } as unknown as Session);
    }
  }
  const ctx = {
    store: { users: { cached: (userId: bigint) => ({ sessions: sessionsOf[String(userId)] ?? [] }) } },
    sessions,
    logger: createMemoryLogger(),
  } as unknown as ServerContext;
  return { ctx, sent, session: (sid: bigint) => sessions.get(sid)! };
}

const heartbeat = {
  version: 1,
  tm: 1,
  msgType: ComMsgType.MsgTHeartBeat,
  plainMsg: { heartBeat: { tm: 1 } },
};

describe('pushing to a user', () => {
  it('encodes a shared push once, and only when a connection takes it', () => {
    const { ctx, sent, session } = fakeContext({ '1': [], '2': [11n], '3': [21n, 22n] });
    let asked = 0;
    const once = encodeOnce(ctx, heartbeat);
    const push = () => {
      asked += 1;
      return once();
    };
    // Nobody online, or only the connection that sent it: nothing is encoded.
    pushToUser(ctx, 1n, push);
    pushToUserExcept(ctx, 2n, push, session(11n));
    expect(asked).toBe(0);
    pushToUser(ctx, 3n, push);
    pushToUserExcept(ctx, 3n, push, session(21n));
    expect(sent.map((s) => s.sid)).toEqual([21n, 22n, 22n]);
    expect(once()).toBe(sent[0]!.frame);
    expect(new Set(sent.map((s) => s.frame)).size).toBe(1);
  });
});
