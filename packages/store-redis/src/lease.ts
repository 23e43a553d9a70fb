import { InvalidArgumentError, StateError } from '@birdtalk/errors';
import { type Clock, systemClock } from '@birdtalk/runtime';
import { accountKeys } from './keys.js';
import { type RedisLike, runScript } from './redis-client.js';
import { defineScript as script } from './scripts.js';

/** Error codes of account leases. */
export const LeaseErrorCode = {
  /** `StateError`: the lease was lost (taken over, expired, or not renewed in time); stop handling the account. */
  LEASE_LOST: 'LEASE_LOST',
} as const;

/** Options of {@link acquireLease}. */
export interface LeaseOptions {
  readonly redis: RedisLike;
  /** The account to hold (the bot's user id). */
  readonly account: string;
  /** Who asks: unique per process (host, pid, a random part). Recorded in the lease for observability. */
  readonly owner: string;
  /** The key prefix; `birdtalk` by default (the same as the store's). */
  readonly prefix?: string;
  /**
   * How long the lease lives without renewal, and so the longest a crashed holder can keep an account from
   * being taken over. 15 s by default.
   */
  readonly ttlMs?: number;
  /** How often the holder renews; a third of the TTL by default. */
  readonly renewEveryMs?: number;
  readonly clock?: Clock;
}

/** The default lease timings. */
export const DEFAULT_LEASE_OPTIONS = { ttlMs: 15_000, renewFraction: 1 / 3 } as const;

/** A held lease. */
export interface Lease {
  readonly account: string;
  readonly owner: string;
  /**
   * The fencing token: strictly greater than every token granted for this account before. Give it to the
   * store (`fencingToken`), so that writes of an older holder are refused.
   */
  readonly token: string;
  /** Aborted, with a `LEASE_LOST` error as its reason, as soon as the lease is known or feared to be lost. */
  readonly signal: AbortSignal;
  /**
   * The local deadline (clock time) before which the lease is certainly still held: the send time of the last
   * successful renewal plus the TTL. Actions that the store cannot fence (sending messages) check it.
   */
  heldUntil(): number;
  /** Stops renewing and gives the lease up at once, so another process can take over without waiting. */
  release(): Promise<void>;
}

/**
 * KEYS: lease, lease-counter, fence. ARGV: owner, ttlMs. Grants the lease when it is free (or already this
 * owner's): a new token from the counter, the lease set with its TTL, and the fence raised to the new token at
 * once, so that from this moment every write of an older holder is refused, even before this holder writes.
 */
const ACQUIRE = script(
  'acquire',
  3,
  `
local held = redis.call('GET', KEYS[1])
if held and string.sub(held, 1, #ARGV[1] + 1) ~= (ARGV[1] .. '|') then return false end
local token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. token, 'PX', ARGV[2])
local fence = redis.call('GET', KEYS[3])
if (not fence) or tonumber(fence) < token then redis.call('SET', KEYS[3], token) end
return tostring(token)`,
);

/** KEYS: lease. ARGV: holder (owner|token), ttlMs. Extends the lease only if this holder still has it. */
const RENEW = script(
  'renew',
  1,
  `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`,
);

/** KEYS: lease. ARGV: holder. Deletes the lease only if this holder still has it. */
const RELEASE = script(
  'release',
  1,
  `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`,
);

/**
 * Tries to take the lease on an account: resolves with the lease, or `undefined` when another owner holds it.
 * A held lease renews itself every `renewEveryMs`; when a renewal finds the lease gone or taken, or no renewal
 * succeeded before the local deadline, its `signal` aborts and renewal stops.
 *
 * Safety does not rest on the timing: the store refuses writes whose token is older than the newest granted
 * one (fencing). Timing only bounds how long a crashed holder blocks a takeover (the TTL).
 */
export async function acquireLease(options: LeaseOptions): Promise<Lease | undefined> {
  const clock = options.clock ?? systemClock;
  const ttlMs = options.ttlMs ?? DEFAULT_LEASE_OPTIONS.ttlMs;
  const renewEveryMs =
    options.renewEveryMs ?? Math.max(1, Math.floor(ttlMs * DEFAULT_LEASE_OPTIONS.renewFraction));
  if (options.owner.includes('|'))
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'an owner may not contain "|"');
  const keys = accountKeys(options.prefix ?? 'birdtalk', options.account);
  const askedAt = clock.now();
  const granted = await runScript(
    options.redis,
    ACQUIRE,
    [keys.lease, keys.leaseCounter, keys.fence],
    [options.owner, ttlMs],
  );
  if (granted === null || granted === undefined || granted === 0) return undefined;
  const token = String(granted);
  const holder = `${options.owner}|${token}`;
  const controller = new AbortController();
  let heldUntil = askedAt + ttlMs;
  let timer = clock.setTimeout(renew, renewEveryMs);
  let released = false;
  // The deadline has its own timer: a renewal may neither succeed nor fail while Redis is away (an ioredis
  // client with maxRetriesPerRequest: null keeps it queued), and the lease must still be given up in time.
  let deadline = clock.setTimeout(
    () => lose('no renewal succeeded before it expired'),
    Math.max(0, heldUntil - clock.now()),
  );

  const lose = (why: string): void => {
    if (controller.signal.aborted) return;
    clock.clearTimeout(timer);
    clock.clearTimeout(deadline);
    controller.abort(
      new StateError(LeaseErrorCode.LEASE_LOST, `the lease on account ${options.account} was lost: ${why}`, {
        details: { account: options.account, token },
      }),
    );
  };

  async function renew(): Promise<void> {
    if (released || controller.signal.aborted) return;
    const sentAt = clock.now();
    try {
      const renewed = await runScript(options.redis, RENEW, [keys.lease], [holder, ttlMs]);
      if (released) return;
      if (renewed !== 1) {
        lose('another process holds it, or it expired');
        return;
      }
      heldUntil = sentAt + ttlMs;
      clock.clearTimeout(deadline);
      deadline = clock.setTimeout(
        () => lose('no renewal succeeded before it expired'),
        Math.max(0, heldUntil - clock.now()),
      );
    } catch {
      // Redis unreachable: keep trying until the local deadline says the lease may be gone.
    }
    if (controller.signal.aborted || released) return;
    const remaining = heldUntil - clock.now();
    if (remaining <= 0) {
      lose('no renewal succeeded before it expired');
      return;
    }
    timer = clock.setTimeout(renew, Math.min(renewEveryMs, remaining));
  }

  return {
    account: options.account,
    owner: options.owner,
    token,
    signal: controller.signal,
    heldUntil: () => heldUntil,
    async release() {
      if (released) return;
      released = true;
      clock.clearTimeout(timer);
      clock.clearTimeout(deadline);
      if (!controller.signal.aborted) {
        controller.abort(
          new StateError(LeaseErrorCode.LEASE_LOST, `the lease on account ${options.account} was released`, {
            details: { account: options.account, token },
          }),
        );
      }
      await runScript(options.redis, RELEASE, [keys.lease], [holder]).catch(() => undefined);
    },
  };
}
