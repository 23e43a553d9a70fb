import type { Clock } from '@birdtalk/runtime';

/** Milliseconds of 2019-01-01T00:00:00Z, the epoch of the server's snowflake ids. */
export const SNOWFLAKE_EPOCH_MS = 1_546_300_800_000;

const TIMESTAMP_SHIFT = 22n;
const DATACENTER_SHIFT = 17n;
const WORKER_SHIFT = 12n;
const SEQUENCE_MASK = 0xfffn;

/** A generator of snowflake ids, laid out as the real server lays them out. */
export interface Snowflake {
  /** The next id: 0 when the clock moved backwards, as on the real server. */
  next(): bigint;
}

/**
 * Snowflake ids with the real server's layout: milliseconds since 2019-01-01 shifted left by 22, datacenter 1
 * at bit 17, worker 1 at bit 12, and a 12-bit sequence.
 *
 * The real generator spins on the wall clock when 4096 ids are taken within one millisecond; with an injected
 * (possibly fake) clock that would never end, so this one borrows the next millisecond instead. Ids stay
 * unique and increasing either way.
 */
export function createSnowflake(clock: Clock): Snowflake {
  let lastMs = -1;
  let sequence = 0n;
  return {
    next(): bigint {
      let now = Math.floor(clock.now());
      if (now < lastMs) {
        // The real server answers 0 when time goes backwards; keep the same contract.
        return 0n;
      }
      if (now === lastMs) {
        sequence = (sequence + 1n) & SEQUENCE_MASK;
        if (sequence === 0n) {
          now = lastMs + 1;
        }
      } else {
        sequence = 0n;
      }
      lastMs = now;
      return (
        (BigInt(now - SNOWFLAKE_EPOCH_MS) << TIMESTAMP_SHIFT) |
        (1n << DATACENTER_SHIFT) |
        (1n << WORKER_SHIFT) |
        sequence
      );
    },
  };
}

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/** A decoded 64-bit field (decimal text) as a bigint; anything unexpected reads as 0. */
export function big(value: string | number | bigint | undefined): bigint {
  if (value === undefined) return 0n;
  if (typeof value === 'bigint') return value;
  try {
    return BigInt(value);
  } catch {
    return 0n;
  }
}

/**
 * Go's `strconv.ParseInt(s, 10, bits)`: an optional sign and decimal digits, in range; `undefined` on any
 * error (Go returns 0 together with an error, and callers often ignore the error).
 */
export function parseGoInt(text: string, bits = 64): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  const min = bits === 64 ? int64Min : -(2n ** BigInt(bits - 1));
  const max = bits === 64 ? int64Max : 2n ** BigInt(bits - 1) - 1n;
  if (value < min || value > max) return undefined;
  return value;
}

/** Go's `strconv.Atoi` truncated to int32, as the server stores ages: 0 on any error. */
export function goAtoiInt32(text: string): number {
  const value = parseGoInt(text, 64);
  if (value === undefined) return 0;
  return Number(BigInt.asIntN(32, value));
}

/** Compares two bigints for sorting. */
export function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
