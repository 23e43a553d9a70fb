import type { Int64 } from '@birdtalk/proto';
import { TransientMap } from '@birdtalk/runtime';

/**
 * How a handled message reached the client: `'fetched'` in a history page (a catch-up), which lists every
 * message of the stream in its range, so nothing before it is missing; `'live'` as a push, which proves
 * nothing about the messages before it — the real server silently drops pushes when a connection's send
 * queue overflows.
 */
export type HandledVia = 'fetched' | 'live';

/**
 * The sync position of one message stream, as a watermark: it only moves past ids whose handling finished,
 * and never past one still being handled, however the handling of different chats interleaves; and only past
 * ids a history page listed, never on the strength of a push alone: a push the server dropped would otherwise
 * lie behind the position, where no catch-up looks. After a crash the catch-up starts from the position, so
 * nothing unhandled is skipped; what was handled beyond it (live messages included) is recognised by the
 * deduplication window, which the next catch-up's pages then move the position past.
 */
export class StreamWatermark {
  #position: bigint | undefined;
  /** How many times each id is being handled. */
  readonly #pending = new TransientMap<bigint, number>();
  /**
   * The keys of `#pending`, ascending: the lowest is the first, where the position must stop. Ids are begun
   * and finished mostly in ascending order, so this is mostly appended to at one end and taken from the other.
   */
  readonly #pendingIds: bigint[] = [];
  /** Ids above the position that finished while something below them was still pending, ascending. */
  readonly #finished: bigint[] = [];
  /** Ids above the position handled live, that no history page has listed yet, ascending. */
  readonly #live: bigint[] = [];

  constructor(position: Int64 | undefined) {
    this.#position = position === undefined ? undefined : BigInt(position);
  }

  /** The position: every id of the stream up to it was handled. Undefined before anything was recorded. */
  get position(): Int64 | undefined {
    return this.#position?.toString();
  }

  /** How many messages are being handled. */
  get pendingCount(): number {
    let count = 0;
    for (const n of this.#pending.values()) count += n;
    return count;
  }

  /**
   * How many messages above the position are being handled or were handled: what a catch-up after a crash
   * would fetch again, and what deduplication must still remember.
   */
  get lag(): number {
    return this.pendingCount + this.#finished.length + this.#live.length;
  }

  /** How many messages above the position were handled live and wait for a history page to list them. */
  get unconfirmed(): number {
    return this.#live.length;
  }

  /** A message of the stream is being handled. */
  begin(id: Int64 | bigint): void {
    const key = BigInt(id);
    const count = this.#pending.get(key);
    this.#pending.set(key, (count ?? 0) + 1);
    if (count === undefined) insertSorted(this.#pendingIds, key);
  }

  /**
   * A message of the stream was handled (or needed no handling); returns the new position if it moved. A
   * message handled `'live'` holds nothing up, but the position moves past it only once a history page lists it.
   */
  finish(id: Int64 | bigint, via: HandledVia = 'fetched'): Int64 | undefined {
    const key = BigInt(id);
    const count = this.#pending.get(key);
    if (count !== undefined) {
      if (count > 1) this.#pending.set(key, count - 1);
      else {
        this.#pending.delete(key);
        removeSorted(this.#pendingIds, key);
      }
    }
    if (this.#position === undefined || key > this.#position) {
      if (via === 'fetched') {
        insertSorted(this.#finished, key);
        removeSorted(this.#live, key);
      } else if (!includesSorted(this.#finished, key)) {
        insertSorted(this.#live, key);
      }
    }
    return this.#advance();
  }

  /**
   * Moves the position to `id` unless it is already there or beyond, and unless something below `id` is being
   * handled; returns the new position if it moved. Sets the starting point of a stream without history.
   */
  raise(id: Int64 | bigint): Int64 | undefined {
    const key = BigInt(id);
    if (this.#position !== undefined && key <= this.#position) return undefined;
    insertSorted(this.#finished, key);
    removeSorted(this.#live, key);
    return this.#advance();
  }

  #advance(): Int64 | undefined {
    const lowestPending = this.#pendingIds[0];
    const cut =
      lowestPending === undefined ? this.#finished.length : lowerBound(this.#finished, lowestPending);
    if (cut === 0) return undefined;
    const top = this.#finished[cut - 1]!;
    this.#finished.splice(0, cut);
    if (this.#position !== undefined && top <= this.#position) return undefined;
    this.#position = top;
    // Live ids the position passed were listed by no page (recalled, or before a starting point): nothing
    // will confirm them, and a catch-up never looks behind the position.
    const stale = lowerBound(this.#live, top + 1n);
    if (stale > 0) this.#live.splice(0, stale);
    return top.toString();
  }
}

/** The index of the first element of the ascending `list` that is ≥ `value`. */
function lowerBound(list: readonly bigint[], value: bigint): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function insertSorted(list: bigint[], value: bigint): void {
  const last = list[list.length - 1];
  if (last === undefined || last < value) {
    // The usual case: ids arrive in ascending order.
    list.push(value);
    return;
  }
  const at = lowerBound(list, value);
  if (list[at] !== value) list.splice(at, 0, value);
}

function removeSorted(list: bigint[], value: bigint): void {
  if (list[0] === value) {
    // The usual case: the lowest finishes first.
    list.shift();
    return;
  }
  const at = lowerBound(list, value);
  if (list[at] === value) list.splice(at, 1);
}

function includesSorted(list: readonly bigint[], value: bigint): boolean {
  return list[lowerBound(list, value)] === value;
}

/** The watermarks of every stream, persisting each position when it moves. */
export class Positions {
  readonly #streams = new Map<string, StreamWatermark>();
  readonly #save: (stream: string, position: Int64) => void;

  constructor(initial: ReadonlyMap<string, Int64>, save: (stream: string, position: Int64) => void) {
    for (const [stream, position] of initial) this.#streams.set(stream, new StreamWatermark(position));
    this.#save = save;
  }

  /** The position of `stream`, or undefined when it has none yet. */
  get(stream: string): Int64 | undefined {
    return this.#streams.get(stream)?.position;
  }

  /** See {@link StreamWatermark.lag}; 0 for an unknown stream. */
  lag(stream: string): number {
    return this.#streams.get(stream)?.lag ?? 0;
  }

  /** See {@link StreamWatermark.unconfirmed}; 0 for an unknown stream. */
  unconfirmed(stream: string): number {
    return this.#streams.get(stream)?.unconfirmed ?? 0;
  }

  /** The streams with messages handled live that no history page has listed yet, the most of them first. */
  unconfirmedStreams(): string[] {
    return [...this.#streams]
      .filter(([, watermark]) => watermark.unconfirmed > 0)
      .sort(([, a], [, b]) => b.unconfirmed - a.unconfirmed)
      .map(([stream]) => stream);
  }

  /** The largest lag of any stream. */
  maxLag(): number {
    let max = 0;
    for (const watermark of this.#streams.values()) max = Math.max(max, watermark.lag);
    return max;
  }

  /** Whether `stream` has a position. */
  has(stream: string): boolean {
    return this.get(stream) !== undefined;
  }

  begin(stream: string, id: Int64 | bigint): void {
    this.#watermark(stream).begin(id);
  }

  /** See {@link StreamWatermark.finish}. */
  finish(stream: string, id: Int64 | bigint, via: HandledVia = 'fetched'): void {
    const moved = this.#watermark(stream).finish(id, via);
    if (moved !== undefined) this.#save(stream, moved);
  }

  /** Sets the starting point of a stream (see {@link StreamWatermark.raise}). */
  raise(stream: string, id: Int64): void {
    const moved = this.#watermark(stream).raise(id);
    if (moved !== undefined) this.#save(stream, moved);
  }

  #watermark(stream: string): StreamWatermark {
    let watermark = this.#streams.get(stream);
    if (watermark === undefined) {
      watermark = new StreamWatermark(undefined);
      this.#streams.set(stream, watermark);
    }
    return watermark;
  }
}
