/**
 * The echo bot: follows back, echoes private text, answers `/help`, `/ping` and `/time`. `createEchoBot()`
 * runs it on a Node client; `echoBot()` sets its behaviour up on any client.
 *
 * @packageDocumentation
 */

export { ACCOUNT_FILE, credentialsFor, rememberRegistration } from './account.js';
export { describeError } from './describe-error.js';
export { createEchoBot, type EchoBotDeps, type EchoBotOptions, echoBot, HELP_TEXT } from './echo-bot.js';
export { type BotEnvironment, botEnvironment, ConfigError } from './env.js';
export { createLineLogger } from './log.js';
