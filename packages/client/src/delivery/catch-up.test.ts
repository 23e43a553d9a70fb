import { type BirdTalkError, TimeoutError } from '@birdtalk/errors';
import type { GroupOpResult, MsgChat, MsgQueryInit, MsgQueryResult } from '@birdtalk/proto';
import { EventHub } from '@birdtalk/runtime';
import { FakeClock, flushEventLoop } from '@birdtalk/runtime/testing';
import type { Session } from '@birdtalk/session';
import { describe, expect, it } from 'vitest';
import { rawChat } from '../../test/raw-chat.js';
import type { CatchUpEvent, ClientEvents } from '../events.js';
import { createMemoryStore } from '../store/memory-store.js';
import { CatchUp, type CatchUpPolicy } from './catch-up.js';
import { DedupWindow } from './dedup.js';
import { Membership } from './group-membership.js';
import { Inbox } from './inbox.js';
import { Positions } from './positions.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function page(rows: MsgChat[], extra: Partial<MsgQueryResult> = {}): MsgQueryResult {
  return { chatDataList: rows, result: 'ok', ...extra } as unknown as MsgQueryResult;
}

function rows(from: number, count: number, fields: Partial<MsgChat> = {}): MsgChat[] {
  return Array.from({ length: count }, (_, i) => rawChat({ msgId: String(from + i), ...fields }));
}

function setup(
  options: {
    policy?: CatchUpPolicy;
    positions?: Record<string, string>;
    groups?: string[];
    /** Answer each query a macrotask later, as a server does (the application handles messages meanwhile). */
    answerLater?: boolean;
  } = {},
) {
  const clock = new FakeClock();
  const hub = new EventHub<ClientEvents>(() => {});
  const delivered: string[] = [];
  hub.on('message', (m) => {
    delivered.push(m.id);
  });
  const positions = new Positions(new Map(Object.entries(options.positions ?? {})), () => {});
  const membership = new Membership();
  const inbox = new Inbox({
    hub,
    dedup: new DedupWindow(1000),
    positions,
    store: createMemoryStore(),
    clock,
    logger: silent,
    selfId: () => '20',
    includeOwnMessages: false,
    isOwnSend: () => false,
    handlerRetries: 0,
    handlerRetryDelayMs: 0,
    handlerTimeoutMs: 0,
    handling: [],
    maxQueuedMessages: 10_000,
    maxHeldMessages: 10_000,
    onBacklogFull: () => {},
    onAccepted: () => {},
    onError: () => {},
  });
  const events: CatchUpEvent[] = [];
  const errors: BirdTalkError[] = [];
  const queries: MsgQueryInit[] = [];
  /** The application's backlog (messages queued or being handled) when each query was sent. */
  const loadAtQuery: number[] = [];
  const answers: Array<(query: MsgQueryInit) => MsgQueryResult | Error> = [];
  const session = {
    state: 'ready',
    async query(query: MsgQueryInit) {
      queries.push(query);
      loadAtQuery.push(inbox.load);
      if (options.answerLater === true) await new Promise((resolve) => setImmediate(resolve));
      const answer = answers.shift()?.(query) ?? page([]);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    async groupOp() {
      return {
        groups: (options.groups ?? []).map((groupId) => ({ groupId, params: {} })),
      } as unknown as GroupOpResult;
    },
  } as unknown as Session;
  const catchUp = new CatchUp({
    inbox,
    positions,
    membership,
    policy: options.policy ?? 'latest',
    clock,
    logger: silent,
    retryDelayMs: 10_000,
    emit: (event) => events.push(event),
    onError: (error) => errors.push(error),
  });
  return {
    clock,
    catchUp,
    session,
    hub,
    queries,
    loadAtQuery,
    answers,
    delivered,
    events,
    errors,
    positions,
    membership,
    inbox,
  };
}

describe('the catch-up', () => {
  it('pages forward from the position until a short page, then the groups', async () => {
    const t = setup({ positions: { p2p: '99', 'group:7': '500' }, groups: ['7'] });
    t.answers.push(
      () => page(rows(100, 100)),
      () => page(rows(200, 30)),
      () => page(rows(501, 2, { chatType: 2, toId: '7' })),
    );
    await t.catchUp.start(t.session, 1);
    expect(t.queries.map((q) => [q.chatType, q.synType, q.littleId, q.userId ?? q.groupId])).toEqual([
      [1, 0, '100', 0],
      [1, 0, '200', 0],
      [2, 0, '501', '7'],
    ]);
    expect(t.delivered).toHaveLength(132);
    expect(t.events.at(-1)).toMatchObject({ phase: 'done', delivered: 132, complete: true });
    expect(t.positions.get('p2p')).toBe('229');
    expect(t.positions.get('group:7')).toBe('502');
  });

  it('asks for the next page before handing over the full page in hand, and for none after a short page', async () => {
    const t = setup({ positions: { p2p: '0' }, answerLater: true });
    t.answers.push(
      () => page(rows(1, 100)),
      () => page(rows(101, 100)),
      () => page(rows(201, 5)),
    );
    await t.catchUp.start(t.session, 1);
    expect(t.queries.map((q) => q.littleId)).toEqual(['1', '101', '201']);
    // Each next page went out while the page before it was still in hand, none of it queued yet.
    expect(t.loadAtQuery).toEqual([0, 0, 0]);
    expect(t.delivered).toHaveLength(205);
    expect(t.positions.get('p2p')).toBe('205');
  });

  it('asks ahead only while the application has room for the page in hand and the next', async () => {
    const t = setup({ positions: { p2p: '0' } });
    // The handler never finishes: every message handed over stays in the backlog.
    let release!: () => void;
    const stuck = new Promise<void>((resolve) => {
      release = resolve;
    });
    t.hub.on('message', () => stuck);
    t.answers.push(
      () => page(rows(1, 100)),
      () => page(rows(101, 100)),
      () => page(rows(201, 100)),
    );
    void t.catchUp.start(t.session, 1);
    await flushEventLoop();
    // The second page was asked for ahead (room for 200); with 100 in hand and 100 arriving, the third waits.
    expect(t.queries.map((q) => q.littleId)).toEqual(['1', '101']);
    release();
  });

  it("starts a stream without a position at its newest message under 'latest'", async () => {
    const t = setup();
    t.answers.push(() => page(rows(40, 3).reverse()));
    await t.catchUp.start(t.session, 1);
    expect(t.queries.map((q) => [q.synType, q.bigId])).toEqual([[1, 0]]);
    expect(t.delivered).toEqual([]);
    expect(t.positions.get('p2p')).toBe('42');
  });

  it('drops a group the server says we are not in', async () => {
    const t = setup({ positions: { p2p: '1', 'group:7': '1' }, groups: ['7'] });
    t.answers.push(
      () => page([]),
      () => page([], { result: 'fail' }),
    );
    await t.catchUp.start(t.session, 1);
    expect(t.membership.has('7')).toBe(false);
    expect(t.events.at(-1)).toMatchObject({ phase: 'done', complete: true });
  });

  it('reports a failure and tries again later on the same connection', async () => {
    const t = setup({ positions: { p2p: '1' } });
    t.answers.push(() => new TimeoutError('query.0 got no answer'));
    await t.catchUp.start(t.session, 1);
    expect(t.errors.map((e) => e.name)).toEqual(['TimeoutError']);
    expect(t.events.at(-1)).toMatchObject({ phase: 'done', complete: false });
    t.answers.push(() => page(rows(2, 1)));
    await t.clock.advance(10_000);
    await flushEventLoop();
    await t.catchUp.whenDone();
    expect(t.delivered).toEqual(['2']);
    expect(t.events.at(-1)).toMatchObject({ phase: 'done', complete: true, delivered: 1 });
  });

  it('keeps live messages waiting when a catch-up fails, so no position moves past what it did not fetch', async () => {
    const t = setup({ positions: { p2p: '1' } });
    // A message pushed on the new connection before its catch-up ran (the connection then dropped at once).
    t.inbox.hold();
    t.inbox.ingest(rawChat({ msgId: '5' }), 'live');
    t.answers.push(() => new TimeoutError('query.0 got no answer'));
    await t.catchUp.start(t.session, 1);
    await flushEventLoop();
    expect(t.delivered).toEqual([]);
    expect(t.positions.get('p2p')).toBe('1');
    // The next catch-up fetches the older messages first; the held copy of 5 is then a duplicate.
    t.answers.push(() => page(rows(2, 4)));
    await t.clock.advance(10_000);
    await flushEventLoop();
    await t.catchUp.whenDone();
    expect(t.delivered).toEqual(['2', '3', '4', '5']);
    expect(t.positions.get('p2p')).toBe('5');
  });

  it('abandons a run when a newer login starts one', async () => {
    const t = setup({ positions: { p2p: '1' } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = t.session.query.bind(t.session);
    let first = true;
    (t.session as { query: Session['query'] }).query = async (query, options) => {
      if (first) {
        first = false;
        await gate;
        throw new Error('connection lost');
      }
      return slow(query, options);
    };
    const one = t.catchUp.start(t.session, 1);
    const two = t.catchUp.start(t.session, 2);
    release();
    await Promise.all([one, two]);
    expect(t.events.filter((e) => e.phase === 'start').map((e) => e.connection)).toEqual([1, 2]);
    const done = t.events.filter((e) => e.phase === 'done');
    expect(done.find((e) => e.connection === 1)).toMatchObject({ complete: false });
    expect(done.find((e) => e.connection === 2)).toMatchObject({ complete: true });
    // The abandoned run's failure is not reported: the newer run stands for it.
    expect(t.errors).toEqual([]);
  });
});

describe('a sweep', () => {
  it('fetches the streams it is given forward from their positions, within its query budget, holding nothing', async () => {
    const t = setup({ positions: { p2p: '99', 'group:7': '500', 'group:8': '800' }, groups: ['7', '8'] });
    await t.catchUp.start(t.session, 1);
    t.queries.length = 0;
    t.answers.push(
      () => page(rows(100, 100)),
      () => page(rows(200, 1)),
      () => page(rows(501, 1, { chatType: 2, toId: '7' })),
    );
    const outcome = await t.catchUp.sweep(
      [
        { stream: 'p2p', groupId: undefined },
        { stream: 'group:7', groupId: '7' },
        { stream: 'group:8', groupId: '8' },
      ],
      3,
    );
    expect(outcome).toEqual({ queries: 3, delivered: 102, streamsDone: 2 });
    expect(t.queries.map((q) => [q.littleId, q.groupId])).toEqual([
      ['100', undefined],
      ['200', undefined],
      ['501', '7'],
    ]);
    // Live messages go straight through meanwhile: nothing is held.
    expect(t.inbox.ingest(rawChat({ msgId: '900' }), 'live')).toBe('queued');
    await t.inbox.whenIdle();
    expect(t.positions.get('p2p')).toBe('200');
    expect(t.positions.get('group:7')).toBe('501');
    expect(t.positions.get('group:8')).toBe('800');
    // A sweep is no catch-up: no catch-up events.
    expect(t.events.filter((event) => event.phase === 'start')).toHaveLength(1);
  });

  it('is skipped while a catch-up runs, and abandoned by a new login', async () => {
    const t = setup({ positions: { p2p: '1' } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const query = t.session.query.bind(t.session);
    (t.session as { query: Session['query'] }).query = async (msgQuery, options) => {
      await gate;
      return query(msgQuery, options);
    };
    const login = t.catchUp.start(t.session, 1);
    expect(await t.catchUp.sweep([{ stream: 'p2p', groupId: undefined }], 5)).toBeUndefined();
    release();
    await login;
    await t.catchUp.whenDone();
    const before = t.queries.length;

    let hold!: () => void;
    const held = new Promise<void>((resolve) => {
      hold = resolve;
    });
    (t.session as { query: Session['query'] }).query = async (msgQuery, options) => {
      await held;
      if (options?.signal?.aborted) throw new Error('abandoned');
      return query(msgQuery, options);
    };
    const sweeping = t.catchUp.sweep([{ stream: 'p2p', groupId: undefined }], 5);
    // Another sweep while one runs is skipped too.
    expect(await t.catchUp.sweep([{ stream: 'p2p', groupId: undefined }], 5)).toBeUndefined();
    const relogin = t.catchUp.start(t.session, 2);
    hold();
    const outcome = await sweeping;
    await relogin;
    expect(outcome?.error).toBeDefined();
    expect(t.queries.length - before).toBe(1);
    expect(t.events.filter((event) => event.phase === 'done').at(-1)).toMatchObject({
      connection: 2,
      complete: true,
    });
  });
});
