import type { Transport, TransportEvents } from '../src/transport.js';

/** Resolves with the arguments of the next `event` of `transport`. */
export function nextEvent<K extends keyof TransportEvents>(
  transport: Transport,
  event: K,
): Promise<TransportEvents[K]> {
  return new Promise((resolve) => {
    const off = transport.on(event, (...args) => {
      off();
      resolve(args);
    });
  });
}

/** Resolves with the first argument of the next `count` events of `transport`. */
export function collect<K extends keyof TransportEvents>(
  transport: Transport,
  event: K,
  count: number,
): Promise<Array<TransportEvents[K][0]>> {
  return new Promise((resolve) => {
    const seen: Array<TransportEvents[K][0]> = [];
    const off = transport.on(event, (...args) => {
      seen.push(args[0]);
      if (seen.length === count) {
        off();
        resolve(seen);
      }
    });
  });
}

/** Resolves with everything `transport` emitted until, and including, its `'close'`. */
export function recordUntilClose(transport: Transport): Promise<Array<[keyof TransportEvents, unknown]>> {
  return new Promise((resolve) => {
    const log: Array<[keyof TransportEvents, unknown]> = [];
    for (const event of ['frame', 'text', 'pong', 'error'] as const) {
      transport.on(event, (value) => log.push([event, value]));
    }
    transport.on('close', (info) => {
      log.push(['close', info]);
      resolve(log);
    });
  });
}

/** Deterministic pseudo-random bytes, so that failures are reproducible. */
export function patternBytes(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i += 1) {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}
