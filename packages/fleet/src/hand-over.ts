import { accountKeys, defineScript, type Lease, type RedisLike, runScript } from '@birdtalk/store-redis';

/**
 * KEYS: the lease, the hand-over mark. ARGV: the holder (`owner|token`), the token. Records the token as handed
 * over, only while that holder still has the lease: a lost lease was not handed over.
 */
const MARK = defineScript(
  'fleetHandOver',
  2,
  `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
return 1`,
);

/** The key of an account's last handed-over lease token, in the account's hash slot. */
function markKey(prefix: string, account: string): string {
  return `${accountKeys(prefix, account).lease}:handed-over`;
}

/** Records that the holder of `lease` hands the account over gracefully, before it releases the lease. */
export async function markHandedOver(redis: RedisLike, prefix: string, lease: Lease): Promise<void> {
  const keys = [accountKeys(prefix, lease.account).lease, markKey(prefix, lease.account)];
  await runScript(redis, MARK, keys, [`${lease.owner}|${lease.token}`, lease.token]);
}

/**
 * Whether the lease before `lease` was handed over: tokens are granted one after another, so the previous
 * holder's is `token - 1`. A first ever lease (token 1) counts as handed over: there was nobody to take it from.
 */
export async function wasHandedOver(redis: RedisLike, prefix: string, lease: Lease): Promise<boolean> {
  const previous = BigInt(lease.token) - 1n;
  if (previous < 1n) return true;
  return (await redis.get(markKey(prefix, lease.account))) === String(previous);
}
