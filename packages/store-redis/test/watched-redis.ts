import type { RedisLike } from '../src/index.js';

/** What a test wants to see of the commands a store sends; each is told before the command goes. */
export interface RedisWatch {
  readonly evalsha?: (sha: string, args: ReadonlyArray<string | number>) => void;
  readonly hget?: (key: string, field: string) => void;
}

/** A Redis connection that passes every command on to `connection` and shows the watched ones to `watch` first. */
export function watchedRedis(connection: RedisLike, watch: RedisWatch): RedisLike {
  return {
    evalsha: (sha, numKeys, ...args) => {
      watch.evalsha?.(sha, args);
      return connection.evalsha(sha, numKeys, ...args);
    },
    eval: (script, numKeys, ...args) => connection.eval(script, numKeys, ...args),
    get: (key) => connection.get(key),
    hget: (key, field) => {
      watch.hget?.(key, field);
      return connection.hget(key, field);
    },
    hgetall: (key) => connection.hgetall(key),
    zrange: (key, start, stop) => connection.zrange(key, start, stop),
  };
}
