/**
 * The environment every BirdTalk component receives instead of reaching for globals: a {@link Clock} for time
 * and timers, a {@link Random} source and a {@link Logger} — and the typed {@link EventHub} every component
 * reports through. Production code uses {@link systemClock},
 * {@link systemRandom} and a logger of the application's choosing; tests pass the fakes from
 * `@birdtalk/runtime/testing`.
 *
 * @example
 * ```ts
 * import { createLogger, sleep, systemClock } from '@birdtalk/runtime';
 *
 * const logger = createLogger((record) => process.stderr.write(`${record.level} ${record.message}\n`));
 * await sleep(systemClock, 100);
 * logger.info('slept', { ms: 100 });
 * ```
 *
 * @packageDocumentation
 */

export { type Clock, sleep, systemClock, type TimerHandle } from './clock.js';
export {
  DEFAULT_STREAM_BUFFER,
  EventHub,
  type HubListener,
  type ListenOptions,
  type StreamOptions,
} from './event-hub.js';
export {
  createLogger,
  type LogFields,
  type Logger,
  type LoggerOptions,
  type LogLevel,
  type LogRecord,
  redactFields,
  silentLogger,
} from './logger.js';
export { type Random, seededRandom, systemRandom } from './random.js';
export { TransientMap } from './transient-map.js';
