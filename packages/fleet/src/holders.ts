import { accountKeys, type RedisLike } from '@birdtalk/store-redis';

/** Who holds an account's lease, as Redis says now. */
export interface AccountHolder {
  readonly userId: string;
  /** The worker holding the lease, or undefined when nobody does (free, expired, or between hand-overs). */
  readonly workerId: string | undefined;
  /** The holder's fencing token (decimal text), when held. */
  readonly token: string | undefined;
}

/** Options of {@link readHolders}. */
export interface ReadHoldersOptions {
  readonly redis: Pick<RedisLike, 'get'>;
  /** The accounts to look up (the fleet's account list). */
  readonly accounts: ReadonlyArray<{ readonly userId: string }>;
  /** The Redis key prefix; `birdtalk` by default (the fleet's). */
  readonly prefix?: string;
}

/**
 * Which worker holds each account, read from the lease keys in Redis (`owner|token` under
 * `{<prefix>:<account>}:lease`): the fleet-wide view, from any process, where `fleet.status()` is one worker's
 * own. The reads are independent, so the answer is a snapshot per account, not of the whole fleet at one instant.
 */
export async function readHolders(options: ReadHoldersOptions): Promise<AccountHolder[]> {
  const prefix = options.prefix ?? 'birdtalk';
  return Promise.all(
    options.accounts.map(async ({ userId }) => {
      const value = await options.redis.get(accountKeys(prefix, userId).lease);
      const bar = value === null ? -1 : value.lastIndexOf('|');
      if (value === null || bar <= 0) return { userId, workerId: undefined, token: undefined };
      return { userId, workerId: value.slice(0, bar), token: value.slice(bar + 1) };
    }),
  );
}
