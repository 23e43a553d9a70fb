import { SCRIPTS, type Script } from './scripts.js';

/**
 * The few Redis commands the store and the lease use. An `ioredis` client (`new Redis(…)`) is one; so is a
 * Cluster client, since every key of an account shares one hash slot.
 */
export interface RedisLike {
  evalsha(sha: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
  get(key: string): Promise<string | null>;
  hget(key: string, field: string): Promise<string | null>;
  hgetall(key: string): Promise<Record<string, string>>;
  zrange(key: string, start: number, stop: number): Promise<string[]>;
}

/**
 * Runs a script by its SHA-1, loading it with EVAL the first time a server does not know it (a new server, a
 * restart, SCRIPT FLUSH): one round trip in the usual case, as ioredis' `defineCommand` does, without adding
 * commands to the caller's client.
 */
export async function runScript(
  redis: RedisLike,
  script: Script,
  keys: readonly string[],
  args: ReadonlyArray<string | number>,
): Promise<unknown> {
  try {
    return await redis.evalsha(script.sha, script.keys, ...keys, ...args);
  } catch (error) {
    if (!String((error as Error | undefined)?.message).startsWith('NOSCRIPT')) throw error;
    return redis.eval(script.source, script.keys, ...keys, ...args);
  }
}

export { SCRIPTS };
