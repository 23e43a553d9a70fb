/**
 * The notifier bot: posts each line of a stream (a log, standard input) into a group, with backpressure.
 *
 * @packageDocumentation
 */

export { describeError } from './describe-error.js';
export { lines } from './lines.js';
export {
  createNotifierBot,
  cut,
  DEFAULT_NOTIFIER_OPTIONS,
  type Notifier,
  type NotifierDeps,
  type NotifierOptions,
} from './notifier.js';
