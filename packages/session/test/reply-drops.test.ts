import { createMemoryKeyStore, createPureEcdh } from '@birdtalk/crypto';
import { isBirdTalkError } from '@birdtalk/errors';
import { ChatType, ErrorMsgType, UserOperationType } from '@birdtalk/proto';
import { seededRandom } from '@birdtalk/runtime';
import { createMemoryLogger, FakeClock, flushEventLoop } from '@birdtalk/runtime/testing';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type Session, SessionErrorCode } from '../src/index.js';

const PASSWORD = 'drops-password';
const text = (value: string) => new TextEncoder().encode(value);

let server: BirdTalkServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  expect(server?.hazards() ?? []).toEqual([]);
  await server?.close();
});

/** What one request asked, and how its outcome shows whether it got its own answer. */
type Probe = {
  kind: 'chat' | 'find' | 'nick' | 'bad-op';
  promise: Promise<unknown>;
  check(value: unknown): boolean;
};

/** Errors that settle a request without attributing anything to it: the answer never came. */
function unanswered(error: unknown): boolean {
  return (
    isBirdTalkError(error, SessionErrorCode.NO_REPLY) ||
    isBirdTalkError(error, SessionErrorCode.REPLIES_LOST) ||
    isBirdTalkError(error, SessionErrorCode.CONNECTION_LOST) ||
    (error as { name?: string }).name === 'TimeoutError'
  );
}

/** How one request ended, and whether what it got was somebody else's answer. */
interface Outcome {
  readonly kind: Probe['kind'];
  readonly wrong: boolean;
  readonly error: unknown;
}

function outcomeOf(probe: Probe): Promise<Outcome> {
  return probe.promise.then(
    (value) => ({ kind: probe.kind, wrong: !probe.check(value), error: undefined }),
    (error: unknown) => ({
      kind: probe.kind,
      // A server error on a valid request, or anything but a server error on the invalid one, is an answer
      // that belonged to some other request.
      wrong:
        probe.kind === 'bad-op'
          ? !(
              unanswered(error) ||
              (error as { serverCode?: number }).serverCode === ErrorMsgType.ErrTMsgContent
            )
          : !unanswered(error),
      error,
    }),
  );
}

async function run(count: number, faults: Parameters<BirdTalkServer['faults']['set']>[0]) {
  const clock = new FakeClock(1_750_000_000_000);
  server = await createServer({ strict: true, listen: false, clock, random: seededRandom(3) });
  const ada = await server.createUser({ userName: 'ada', password: PASSWORD });
  const bob = await server.createUser({ userName: 'bob', password: PASSWORD });
  const others: string[] = [];
  for (let i = 0; i < 5; i += 1)
    others.push(await server.createUser({ userName: `u${i}`, password: PASSWORD }));
  await server.follow(bob, ada);
  await server.follow(ada, bob);
  session = createSession(
    {
      url: 'ws://reference.invalid/ws',
      credentials: { method: 'id', userId: ada, password: PASSWORD },
      // Ten thousand requests made at once wait their turn for a long time: long enough timeouts show what
      // each request got, rather than that the queue was long.
      requestTimeoutMs: 3_600_000,
      outboxDeadlineMs: 3_600_000,
    },
    {
      connector: server.connector(),
      clock,
      random: seededRandom(4),
      keyStore: createMemoryKeyStore(),
      ecdh: createPureEcdh(seededRandom(5)),
      logger: createMemoryLogger({ level: 'warn' }),
    },
  );
  await session.start();
  server.faults.set(faults);
  const dice = seededRandom(6);
  const probes: Probe[] = [];
  const outcomes: Array<Promise<Outcome>> = [];
  const track = (probe: Probe): void => {
    probes.push(probe);
    outcomes.push(outcomeOf(probe));
  };
  const s = session;
  for (let i = 0; i < count; i += 1) {
    const roll = dice.float();
    if (roll < 0.5) {
      const promise = s.sendChat({ toId: bob, chatType: ChatType.ChatTypeP2P, data: text(`m${i}`) });
      track({ kind: 'chat', promise, check: () => true });
    } else if (roll < 0.7) {
      const target = others[i % others.length]!;
      const promise = s.friendOp({
        operation: UserOperationType.FindUser,
        params: { mode: 'id', value: target },
      });
      track({
        kind: 'find',
        promise,
        check: (value) => (value as { users: Array<{ userId: string }> }).users[0]?.userId === target,
      });
    } else if (roll < 0.9) {
      const nick = `nick-${i}`;
      const promise = s.userOp({ operation: UserOperationType.SetUserInfo, params: { NickName: nick } });
      track({
        kind: 'nick',
        promise,
        check: (value) => (value as { users: Array<{ nickName: string }> }).users[0]?.nickName === nick,
      });
    } else {
      // The server answers this one with an error only ("user not in db").
      const promise = s.friendOp({ operation: UserOperationType.UnBlockFriend, user: { userId: '99999' } });
      track({ kind: 'bad-op', promise, check: () => false });
    }
    // Requests are made in bursts, as an application under load makes them.
    if (i % 50 === 49) await flushEventLoop(1);
  }
  let settled = 0;
  for (const outcome of outcomes) void outcome.then(() => (settled += 1));
  // Time moves only while nothing else does: resends, fence timeouts and reconnects wait on the clock, but no
  // request times out merely because the test went faster than the event loop.
  let seen = -1;
  let idleTurns = 0;
  for (let turn = 0; turn < 1_000_000 && settled < probes.length; turn += 1) {
    await flushEventLoop(1);
    if (settled !== seen) {
      seen = settled;
      idleTurns = 0;
    } else if (++idleTurns > 20) {
      await clock.advance(250);
      idleTurns = 0;
    }
  }
  const results = await Promise.race([Promise.all(outcomes), flushEventLoop(5).then(() => undefined)]);
  return { probes, results, dropped: server.faults.dropped };
}

describe('replies the server drops', () => {
  it('never pins an answer on the wrong request, and settles every request (10,000 under random drops)', async () => {
    const { probes, results, dropped } = await run(10_000, { dropOutboundProbability: 0.01, seed: 17 });
    expect(results).toBeDefined();
    expect(results!.length).toBe(probes.length);
    const wrong = results!.filter((result) => result.wrong);
    expect(wrong.map((result) => `${result.kind}: ${String(result.error ?? 'the wrong answer')}`)).toEqual(
      [],
    );
    expect(dropped).toBeGreaterThan(50);
  }, 300_000);

  it('keeps a slow reader’s 128-frame send queue from overflowing: nothing is dropped, everything answered', async () => {
    const { probes, results, dropped } = await run(2_000, { slowReaderIntervalMs: 2 });
    expect(results!.length).toBe(probes.length);
    expect(
      results!.filter((result) => result.wrong || (result.error !== undefined && result.kind !== 'bad-op')),
    ).toEqual([]);
    expect(dropped).toBe(0);
  }, 300_000);
});
