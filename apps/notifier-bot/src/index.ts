/**
 * The notifier bot: posts each line of a stream (a log, standard input) into a group, with backpressure.
 *
 * @packageDocumentation
 */

export { ACCOUNT_FILE, credentialsFor, rememberRegistration } from './account.js';
export { describeError } from './describe-error.js';
export { type BotEnvironment, botEnvironment, ConfigError } from './env.js';
export { lines } from './lines.js';
export { createLineLogger } from './log.js';
export {
  createNotifierBot,
  cut,
  DEFAULT_NOTIFIER_OPTIONS,
  type Notifier,
  type NotifierDeps,
  type NotifierOptions,
} from './notifier.js';
