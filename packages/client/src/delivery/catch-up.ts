import {
  AbortError,
  BirdTalkError as BaseError,
  type BirdTalkError,
  isBirdTalkError,
} from '@birdtalk/errors';
import {
  ChatType,
  GroupOperationType,
  type Int64,
  type MsgQueryInit,
  type MsgQueryResult,
  QueryDataType,
  SynType,
} from '@birdtalk/proto';
import type { Clock, Logger, TimerHandle } from '@birdtalk/runtime';
import type { Session } from '@birdtalk/session';
import type { CatchUpEvent } from '../events.js';
import { groupStream, P2P_STREAM } from '../store/store.js';
import type { Membership } from './group-membership.js';
import { HISTORY_PAGE_SIZE } from './history.js';
import type { Inbox } from './inbox.js';
import type { Positions } from './positions.js';

/**
 * Where a stream with no stored position starts: `'latest'` skips what is already there (the newest message at
 * that moment becomes the position, nothing old is replayed); `'all'` replays the stream's whole history.
 */
export type CatchUpPolicy = 'latest' | 'all';

/** The collaborators of a {@link CatchUp}. */
export interface CatchUpDeps {
  readonly inbox: Inbox;
  readonly positions: Positions;
  readonly membership: Membership;
  readonly policy: CatchUpPolicy;
  readonly clock: Clock;
  readonly logger: Logger;
  /** A failed catch-up is tried again after this long while the connection stays up. */
  readonly retryDelayMs: number;
  emit(event: CatchUpEvent): void;
  onError(error: BirdTalkError): void;
  /**
   * Asks the server whether we still belong to a group whose history it refused (see `MembershipCheck`).
   * Absent: the refusal is believed and the group forgotten.
   */
  confirmMembership?(session: Session, groupId: Int64): Promise<boolean | undefined>;
}

/** A stream for {@link CatchUp.sweep}: the P2P stream (`groupId` undefined) or a group's. */
export interface SweepStream {
  readonly stream: string;
  readonly groupId: Int64 | undefined;
}

/** What one {@link CatchUp.sweep} did. */
export interface SweepOutcome {
  /** History queries sent. */
  readonly queries: number;
  /** Messages it fetched that had not reached the application yet (duplicates and own messages not counted). */
  readonly delivered: number;
  /** How many of the streams asked for, in order, were fetched up to their newest message. */
  readonly streamsDone: number;
  /** Why it stopped early, when a query failed. */
  readonly error?: BirdTalkError;
}

/** The queries one catch-up may send, and what they brought. */
interface Tally {
  left: number;
  queries: number;
  delivered: number;
}

/** Fetch the next page only once the application has fewer than this many messages queued. */
const backlogLimit = 2 * HISTORY_PAGE_SIZE;

/**
 * The offline catch-up, run after every login (the server pushes nothing that arrived while a client was away): the P2P stream forward from its position (`userId` 0, every conversation), the group list,
 * then each group forward from its position, 100 messages a page until a short page. Fetched messages go
 * through the inbox with `catchingUp: true`; live messages arriving meanwhile are held and fed in after.
 */
export class CatchUp {
  readonly #deps: CatchUpDeps;
  #run = 0;
  #abort: AbortController | undefined;
  #current: Promise<void> = Promise.resolve();
  #fetched: Promise<void> = Promise.resolve();
  #active = false;
  /** A sweep is fetching (no catch-up is running then). */
  #sweeping = false;
  #closed = false;
  #retry: TimerHandle | undefined;
  /** The connection of the latest login, for catch-ups the inbox asks for. */
  #last: { readonly session: Session; readonly connection: number } | undefined;
  /** Another catch-up was asked for while this one ran. */
  #again = false;
  /** Settles `whenFetched()` of the current run early, when it waits for the application. */
  #backlogFull: () => void = () => {};

  constructor(deps: CatchUpDeps) {
    this.#deps = deps;
  }

  /** Whether a catch-up is fetching or its messages are still being handled. */
  get active(): boolean {
    return this.#active;
  }

  /** Resolves once the latest catch-up is over (fetched and handled). */
  whenDone(): Promise<void> {
    return this.#current;
  }

  /**
   * Resolves once the latest catch-up has fetched and queued everything (its messages may still be being
   * handled), or has queued as much as it lets the application have at once and waits for it to handle some.
   * (An application that starts consuming only after `start()` resolved would otherwise wait for a catch-up
   * that waits for it.) Never rejects: failures are reported through `onError`.
   */
  whenFetched(): Promise<void> {
    return this.#fetched;
  }

  /** A login happened on connection `connection`: catch up (abandoning a catch-up still under way). */
  start(session: Session, connection: number): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#last = { session, connection };
    this.#again = false;
    this.#deps.clock.clearTimeout(this.#retry);
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const run = ++this.#run;
    this.#active = true;
    this.#sweeping = false;
    this.#deps.inbox.hold();
    this.#deps.inbox.catchUpStarting();
    this.#deps.inbox.resetCatchUpCount();
    this.#deps.emit({ phase: 'start', connection });
    let fetched!: () => void;
    this.#fetched = new Promise((resolve) => {
      fetched = resolve;
    });
    this.#backlogFull = fetched;
    this.#current = this.#execute(session, connection, run, abort.signal, fetched);
    return this.#current;
  }

  /**
   * The inbox holds live messages it could not take (or dropped some): a catch-up must fetch them, now or,
   * when one is running, right after it.
   */
  request(): void {
    if (this.#closed) return;
    if (this.#active || this.#sweeping) {
      this.#again = true;
      return;
    }
    const last = this.#last;
    if (last !== undefined && last.session.state === 'ready') void this.start(last.session, last.connection);
  }

  /** Stops: a running catch-up is abandoned. */
  close(): void {
    this.#closed = true;
    this.#deps.clock.clearTimeout(this.#retry);
    this.#abort?.abort();
    this.#run += 1;
    this.#active = false;
    this.#sweeping = false;
  }

  /**
   * A gap sweep: fetches `streams`, in order, forward from their positions as the catch-up after a login does,
   * sending at most `maxQueries` history queries in all. Live messages keep flowing meanwhile (nothing is held):
   * the pages list the live messages already handled too, which count as duplicates and let their stream's
   * position move past them; anything else on the pages is a message whose push never arrived. Resolves
   * `undefined` without a query while a catch-up or another sweep runs or no connection is ready; a login's
   * catch-up abandons a running sweep.
   */
  async sweep(streams: readonly SweepStream[], maxQueries: number): Promise<SweepOutcome | undefined> {
    const last = this.#last;
    if (this.#closed || this.#active || this.#sweeping) return undefined;
    if (last === undefined || last.session.state !== 'ready') return undefined;
    this.#sweeping = true;
    const run = this.#run;
    const abort = new AbortController();
    this.#abort = abort;
    const tally: Tally = { left: maxQueries, queries: 0, delivered: 0 };
    let streamsDone = 0;
    let error: BirdTalkError | undefined;
    try {
      for (const { stream, groupId } of streams) {
        if (!(await this.#stream(last.session, stream, groupId, abort.signal, tally))) break;
        streamsDone += 1;
      }
    } catch (cause) {
      error = isBirdTalkError(cause)
        ? (cause as BirdTalkError)
        : new BaseError('CATCH_UP_FAILED', 'the sweep failed', { cause });
    }
    if (run === this.#run) {
      this.#sweeping = false;
      // The inbox asked for a catch-up meanwhile (it held or dropped live messages): run it now.
      if (this.#again) this.request();
    }
    return {
      queries: tally.queries,
      delivered: tally.delivered,
      streamsDone,
      ...(error === undefined ? {} : { error }),
    };
  }

  /**
   * Gives a stream that has no position its starting point now (a group joined while running), so that a later
   * catch-up does not treat what arrives meanwhile as old history.
   */
  async initialise(session: Session, stream: string, groupId: Int64 | undefined): Promise<void> {
    if (this.#deps.positions.has(stream) || this.#deps.policy === 'all') return;
    try {
      await this.#startingPoint(session, stream, groupId, undefined);
    } catch (error) {
      this.#deps.logger.debug('a stream could not be given a starting point', {
        stream,
        error: String(error),
      });
    }
  }

  async #execute(
    session: Session,
    connection: number,
    run: number,
    signal: AbortSignal,
    fetched: () => void,
  ): Promise<void> {
    let error: BirdTalkError | undefined;
    const tally: Tally = { left: Number.POSITIVE_INFINITY, queries: 0, delivered: 0 };
    try {
      await this.#stream(session, P2P_STREAM, undefined, signal, tally);
      for (const groupId of await this.#groups(session, signal)) {
        await this.#stream(session, groupStream(groupId), groupId, signal, tally);
      }
    } catch (cause) {
      error = isBirdTalkError(cause)
        ? (cause as BirdTalkError)
        : new BaseError('CATCH_UP_FAILED', 'the catch-up failed', { cause });
    }
    if (run !== this.#run) {
      // A newer login took over; it releases the held messages and reports for itself.
      fetched();
      this.#deps.emit({
        phase: 'done',
        connection,
        delivered: 0,
        complete: false,
        ...(error ? { error } : {}),
      });
      return;
    }
    // Live messages that came meanwhile go in after what was fetched. After a failure they keep waiting for the
    // next catch-up (the retry below, or the next login's): handled now, they would move their stream's position
    // past older messages this one did not fetch, and those would never be fetched at all.
    // False when live messages were dropped meanwhile: they keep waiting for the next catch-up, below.
    const released = error === undefined && this.#deps.inbox.release();
    fetched();
    if (error !== undefined && !signal.aborted) {
      this.#deps.logger.warn('the catch-up failed; it is tried again', { error: error.message });
      this.#deps.onError(error);
      // A reconnect starts a new catch-up anyway; while this connection lasts, try again after a pause.
      this.#retry = this.#deps.clock.setTimeout(() => {
        if (run === this.#run && session.state === 'ready') void this.start(session, connection);
      }, this.#deps.retryDelayMs);
    }
    await this.#deps.inbox.whenCatchUpHandled();
    if (run !== this.#run) return;
    this.#active = false;
    this.#deps.emit({
      phase: 'done',
      connection,
      delivered: this.#deps.inbox.catchUpDelivered,
      complete: error === undefined,
      ...(error === undefined ? {} : { error }),
    });
    if (error === undefined && (!released || this.#again)) {
      // The inbox dropped or could not take live messages: fetch them once the application has room (checked
      // again after a pause while a stuck handler keeps it full, rather than fetching the same pages in a loop).
      const again = (): void => {
        if (run !== this.#run || session.state !== 'ready') return;
        if (this.#deps.inbox.backlogFull)
          this.#retry = this.#deps.clock.setTimeout(again, this.#deps.retryDelayMs);
        else void this.start(session, connection);
      };
      again();
    }
  }

  /** The groups to catch up on: the server's list (which also refreshes the membership). */
  async #groups(session: Session, signal: AbortSignal): Promise<readonly Int64[]> {
    try {
      // GroupListIn pages by a Redis cursor on the real server; one call without a cursor lists them all.
      const result = await session.groupOp({ operation: GroupOperationType.GroupListIn }, { signal });
      this.#deps.membership.replace(result.groups);
    } catch (error) {
      this.#deps.membership.settle();
      throw error;
    }
    return this.#deps.membership.all();
  }

  /**
   * Fetches one stream forward from its position; returns false when `tally` ran out of queries before the
   * stream's newest message.
   */
  async #stream(
    session: Session,
    stream: string,
    groupId: Int64 | undefined,
    signal: AbortSignal,
    tally: Tally,
  ): Promise<boolean> {
    const position = this.#deps.positions.get(stream);
    if (position === undefined && this.#deps.policy === 'latest') {
      if (!spend(tally)) return false;
      await this.#startingPoint(session, stream, groupId, signal);
      return true;
    }
    let from = position === undefined ? 1n : BigInt(position) + 1n;
    /** The next page, asked for before the one in hand was handed over. */
    let ahead: Promise<MsgQueryResult | undefined> | undefined;
    for (;;) {
      if (signal.aborted) throw new AbortError('the catch-up was abandoned');
      let result: MsgQueryResult | undefined;
      if (ahead !== undefined) {
        result = await ahead;
        ahead = undefined;
      } else {
        if (this.#deps.inbox.load >= backlogLimit) this.#backlogFull();
        await this.#deps.inbox.whenBelow(backlogLimit);
        if (!spend(tally)) return false;
        result = await this.#query(
          session,
          groupId,
          SynType.SynTypeForward,
          { littleId: from.toString() },
          signal,
        );
      }
      if (result === undefined) return true;
      const rows = result.chatDataList;
      let highest = from - 1n;
      for (const row of rows) {
        const id = BigInt(row.msgId);
        if (id > highest) highest = id;
      }
      const more = rows.length >= HISTORY_PAGE_SIZE && highest >= from;
      if (more) {
        from = highest + 1n;
        // The next page is asked for before this one is handed over, so that the server looks it up while the
        // application takes this one, instead of both taking turns — but only while the application's queue
        // has room for this page and the next, as it would have after handing this one over (the backlog
        // stays bounded as before), and only if the query budget allows it.
        if (this.#deps.inbox.load + rows.length < backlogLimit && spend(tally)) {
          ahead = this.#query(
            session,
            groupId,
            SynType.SynTypeForward,
            { littleId: from.toString() },
            signal,
          );
          // Awaited on the next pass; abandoned when this pass throws (its failure then has no one to tell).
          ahead.catch(() => {});
        }
      }
      for (const row of rows) {
        if (signal.aborted) throw new AbortError('the catch-up was abandoned');
        const taken = this.#deps.inbox.ingest(row, 'catch-up');
        if (taken === 'queued' || taken === 'taken') tally.delivered += 1;
      }
      if (!more) return true;
    }
  }

  /** Under `'latest'`: the newest message of the stream becomes its position (0 when it is empty). */
  async #startingPoint(
    session: Session,
    stream: string,
    groupId: Int64 | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const result = await this.#query(session, groupId, SynType.SynTypeBackward, { bigId: 0 }, signal);
    if (result === undefined) return;
    let newest = 0n;
    for (const row of result.chatDataList) {
      const id = BigInt(row.msgId);
      if (id > newest) newest = id;
    }
    if (!this.#deps.positions.has(stream)) this.#deps.positions.raise(stream, newest.toString());
  }

  /** One page; `undefined` when the server says we are not a member of the group (it is then dropped). */
  async #query(
    session: Session,
    groupId: Int64 | undefined,
    synType: SynType,
    range: Pick<MsgQueryInit, 'littleId' | 'bigId'>,
    signal: AbortSignal | undefined,
  ): Promise<MsgQueryResult | undefined> {
    const query: MsgQueryInit = {
      queryType: QueryDataType.QueryDataTypeChatData,
      synType,
      ...range,
      ...(groupId === undefined
        ? { chatType: ChatType.ChatTypeP2P, userId: 0 }
        : { chatType: ChatType.ChatTypeGroup, groupId }),
    };
    const ask = () => session.query(query, signal === undefined ? {} : { signal });
    const result = await ask();
    if (groupId === undefined || result.result !== 'fail') return result;
    const confirm = this.#deps.confirmMembership;
    if (confirm === undefined) {
      this.#deps.membership.remove(groupId);
      return undefined;
    }
    // A group the server has just loaded cold refuses one access as from a non-member: ask once more only
    // when the group list still has us; otherwise the check has already dropped the group.
    if ((await confirm(session, groupId)) !== true) return undefined;
    const again = await ask();
    return again.result === 'fail' ? undefined : again;
  }
}

/** Counts one query against `tally`; false when none is left. */
function spend(tally: Tally): boolean {
  if (tally.left <= 0) return false;
  tally.left -= 1;
  tally.queries += 1;
  return true;
}
