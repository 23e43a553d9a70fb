import type { Int64 } from '@birdtalk/proto';
import type { Clock, Logger, Random, TimerHandle } from '@birdtalk/runtime';
import type { GapSweepEvent } from '../events.js';
import { groupStream, P2P_STREAM } from '../store/store.js';
import type { SweepOutcome, SweepStream } from './catch-up.js';
import type { Positions } from './positions.js';

/** The collaborators of a {@link GapSweeper}. */
export interface GapSweepDeps {
  /** Runs one sweep (`CatchUp.sweep`): `undefined` when it could not run now. */
  sweep(streams: readonly SweepStream[], maxQueries: number): Promise<SweepOutcome | undefined>;
  readonly positions: Positions;
  /** The groups we belong to, as far as the client knows. */
  groups(): readonly Int64[];
  readonly clock: Clock;
  /** Spreads the periodic sweeps, so that many clients started together do not sweep together. */
  readonly random: Random;
  readonly logger: Logger;
  /** The average pause between two periodic sweeps; 0 for none. */
  readonly intervalMs: number;
  /** The most history queries one sweep sends. */
  readonly maxQueries: number;
  emit(event: GapSweepEvent): void;
}

/**
 * Finds the messages whose push the server dropped while the connection stayed up. The real server silently
 * drops what does not fit in a connection's 128-frame send queue; a dropped reply makes the session rebuild the
 * connection (and the login's catch-up fetches what is missing), but a dropped push leaves no trace. So, while
 * a connection is ready, a sweep fetches streams forward from their positions every `intervalMs` (jittered by
 * ±10 %), and at once when a stream has many messages handled live that no page has listed yet. Each sweep
 * sends at most `maxQueries` queries: first the P2P stream, then the groups with live messages to confirm (the
 * most first), then the other groups in turn, where the previous sweep left off.
 */
export class GapSweeper {
  readonly #deps: GapSweepDeps;
  #timer: TimerHandle | undefined;
  #connected = false;
  #closed = false;
  #running = false;
  /** A sweep was asked for while one ran. */
  #again = false;
  /** The last group the rotation reached; the next sweep's rotation starts after it. */
  #rotation: bigint | undefined;

  constructor(deps: GapSweepDeps) {
    this.#deps = deps;
  }

  /** A connection is ready: the periodic sweeps run while it lasts. */
  connected(): void {
    if (this.#closed) return;
    this.#connected = true;
    if (this.#timer === undefined) this.#arm();
  }

  /** The connection ended: no sweep until the next one is ready (its login runs a full catch-up anyway). */
  disconnected(): void {
    this.#connected = false;
    this.#deps.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Stops for good. */
  close(): void {
    this.#closed = true;
    this.disconnected();
  }

  /** Sweeps now (or right after the running sweep): a stream has many live messages to confirm. */
  request(): void {
    if (this.#closed || !this.#connected) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    void this.#run('unconfirmed');
  }

  #arm(): void {
    const { intervalMs, clock, random } = this.#deps;
    if (intervalMs <= 0 || !this.#connected || this.#closed) return;
    const delayMs = Math.round(intervalMs * (0.9 + 0.2 * random.float()));
    this.#timer = clock.setTimeout(() => {
      this.#timer = undefined;
      if (this.#running) this.#arm();
      else void this.#run('interval');
    }, delayMs);
  }

  async #run(reason: GapSweepEvent['reason']): Promise<void> {
    this.#running = true;
    this.#deps.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    try {
      const { streams, rotation } = this.#plan();
      const outcome = await this.#deps.sweep(streams, this.#deps.maxQueries);
      if (outcome === undefined) return;
      // The rotation moves on by the groups this sweep finished, so that every group gets its turn.
      const finished = outcome.streamsDone - (streams.length - rotation.length);
      if (finished > 0) this.#rotation = rotation[finished - 1];
      else if (rotation.length === 0) this.#rotation = undefined;
      if (outcome.error !== undefined) {
        this.#deps.logger.debug('a sweep for dropped messages failed; the next one tries again', {
          error: outcome.error.message,
        });
      }
      this.#deps.emit({
        reason,
        queries: outcome.queries,
        delivered: outcome.delivered,
        complete: outcome.error === undefined && outcome.streamsDone === streams.length,
        ...(outcome.error === undefined ? {} : { error: outcome.error }),
      });
    } finally {
      this.#running = false;
      if (this.#again && this.#connected && !this.#closed) {
        this.#again = false;
        void this.#run('unconfirmed');
      } else {
        this.#arm();
      }
    }
  }

  /** The streams of one sweep, in order, and the groups of them that are the rotation's (ascending ids). */
  #plan(): { streams: SweepStream[]; rotation: bigint[] } {
    const groups = [...new Set(this.#deps.groups())].map(BigInt).sort((a, b) => (a < b ? -1 : 1));
    const byStream = new Map(groups.map((id) => [groupStream(id.toString()), id]));
    const urgent = new Set(
      this.#deps.positions
        .unconfirmedStreams()
        .map((stream) => byStream.get(stream))
        .filter((id): id is bigint => id !== undefined),
    );
    const others = groups.filter((id) => !urgent.has(id));
    const start = this.#rotation === undefined ? 0 : others.findIndex((id) => id > this.#rotation!);
    const rotation = start <= 0 ? others : [...others.slice(start), ...others.slice(0, start)];
    const group = (id: bigint): SweepStream => ({
      stream: groupStream(id.toString()),
      groupId: id.toString(),
    });
    return {
      streams: [
        { stream: P2P_STREAM, groupId: undefined },
        ...[...urgent].map(group),
        ...rotation.map(group),
      ],
      rotation,
    };
  }
}
