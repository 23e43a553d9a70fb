import { createHash } from 'node:crypto';

/** The error text a script answers with when a write carries a fencing token older than an accepted one. */
export const STALE_FENCE_REPLY = 'BIRDTALK_STALE_FENCE';

/**
 * Lua shared by every write: KEYS[1] is the fence key, ARGV[1] the writer's fencing token ('' = unfenced).
 * A token below the highest accepted one is refused; a higher one becomes the highest. Tokens come from INCR,
 * so they are integers below 2^53 and compare exactly as Lua numbers.
 */
const FENCE = `
local token = ARGV[1]
if token ~= '' then
  local highest = redis.call('GET', KEYS[1])
  if highest and tonumber(highest) > tonumber(token) then
    return redis.error_reply('${STALE_FENCE_REPLY}')
  end
  if (not highest) or tonumber(highest) < tonumber(token) then
    redis.call('SET', KEYS[1], token)
  end
end
`;

/**
 * Decimal arithmetic on ids held as text: ids reach 2^63, beyond what a Lua number (a double) holds exactly.
 * Both operands are non-negative decimal strings without leading zeros.
 */
const DECIMAL = `
local function dec_cmp(a, b)
  if #a ~= #b then return #a < #b and -1 or 1 end
  if a == b then return 0 end
  return a < b and -1 or 1
end
local function dec_add(a, b)
  local result, carry = {}, 0
  local i, j = #a, #b
  while i > 0 or j > 0 or carry > 0 do
    local digit = carry
    if i > 0 then digit = digit + tonumber(string.sub(a, i, i)) end
    if j > 0 then digit = digit + tonumber(string.sub(b, j, j)) end
    table.insert(result, 1, tostring(digit % 10))
    carry = math.floor(digit / 10)
    i, j = i - 1, j - 1
  end
  return table.concat(result)
end
`;

/** One Lua script and its SHA-1 (for EVALSHA). */
export interface Script {
  readonly name: string;
  readonly source: string;
  readonly sha: string;
  readonly keys: number;
}

/** A script from its Lua source, with its SHA-1 for EVALSHA ({@link runScript}). */
export function defineScript(name: string, keys: number, source: string): Script {
  return { name, source, sha: createHash('sha1').update(source).digest('hex'), keys };
}

function script(name: string, keys: number, body: string): Script {
  return defineScript(name, keys, `${FENCE}\n${body}`);
}

/**
 * The codes of the changes {@link SCRIPTS}.write applies, each followed by its arguments in ARGV.
 *
 * - `position`: stream, position.
 * - `seen`: limit, count, then `count` keys. Each key gets the next sequence number as its score (a present key
 *   moves to the newest end) and loses its handling mark; then everything but the newest `limit` is removed.
 * - `mark`: count, then `count` handling marks.
 * - `putOutbox`: sendId, entry. `removeOutbox`: sendId.
 * - `set`: key, value.
 */
export const CHANGE = {
  position: 'p',
  seen: 's',
  mark: 'm',
  putOutbox: 'o',
  removeOutbox: 'r',
  set: 'v',
} as const;

/** The store's writes, each one atomic and fenced. KEYS[1] is always the fence key. */
export const SCRIPTS = {
  /**
   * The changes of one batch (see {@link CHANGE}), in order, as one atomic write: one round trip for every
   * change a client asks for in one run of microtasks. KEYS: fence, positions, seen, seen-seq, handling, outbox,
   * values. ARGV: token, then the changes.
   */
  write: script(
    'write',
    7,
    `
local i = 2
while i <= #ARGV do
  local change = ARGV[i]
  if change == '${CHANGE.position}' then
    redis.call('HSET', KEYS[2], ARGV[i + 1], ARGV[i + 2])
    i = i + 3
  elseif change == '${CHANGE.seen}' then
    local count = tonumber(ARGV[i + 2])
    local seq = redis.call('INCRBY', KEYS[4], count) - count
    for j = 1, count do
      local key = ARGV[i + 2 + j]
      redis.call('ZADD', KEYS[3], seq + j, key)
      redis.call('ZREM', KEYS[5], key)
    end
    redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -(tonumber(ARGV[i + 1]) + 1))
    i = i + 3 + count
  elseif change == '${CHANGE.mark}' then
    local count = tonumber(ARGV[i + 1])
    for j = 1, count do redis.call('ZADD', KEYS[5], 0, ARGV[i + 1 + j]) end
    i = i + 2 + count
  elseif change == '${CHANGE.putOutbox}' then
    redis.call('HSET', KEYS[6], ARGV[i + 1], ARGV[i + 2])
    i = i + 3
  elseif change == '${CHANGE.removeOutbox}' then
    redis.call('HDEL', KEYS[6], ARGV[i + 1])
    i = i + 2
  elseif change == '${CHANGE.set}' then
    redis.call('HSET', KEYS[7], ARGV[i + 1], ARGV[i + 2])
    i = i + 3
  else
    return redis.error_reply('unknown change ' .. tostring(change))
  end
end
return 1`,
  ),
  /**
   * KEYS: fence, send-id-mark. ARGV: token, count, floor. Returns the first id: max(mark + 1, floor); the new
   * mark is first + count - 1.
   */
  reserveSendIds: script(
    'reserveSendIds',
    2,
    `${DECIMAL}
local mark = redis.call('GET', KEYS[2]) or '0'
local first = dec_add(mark, '1')
if dec_cmp(ARGV[3], first) > 0 then first = ARGV[3] end
local last = dec_add(first, tostring(tonumber(ARGV[2]) - 1))
redis.call('SET', KEYS[2], last)
return first`,
  ),
  /** KEYS: fence, values. ARGV: token, key, value. Returns the value now stored. */
  setIfAbsent: script(
    'setIfAbsent',
    2,
    `redis.call('HSETNX', KEYS[2], ARGV[2], ARGV[3]) return redis.call('HGET', KEYS[2], ARGV[2])`,
  ),
  /**
   * KEYS: fence, values. ARGV: token, key, '1' when a value is expected ('0': none), the expected value, the
   * new value. Returns 1 when it stored the new value, 0 when the present one was not the expected one.
   */
  compareAndSet: script(
    'compareAndSet',
    2,
    `local current = redis.call('HGET', KEYS[2], ARGV[2])
if ARGV[3] == '0' then
  if current then return 0 end
elseif current ~= ARGV[4] then
  return 0
end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[5])
return 1`,
  ),
} as const;
