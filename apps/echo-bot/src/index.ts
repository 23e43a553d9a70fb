/**
 * The echo bot: follows back, echoes private text, answers `/help`, `/ping` and `/time`. `createEchoBot()`
 * runs it on a Node client; `echoBot()` sets its behaviour up on any client.
 *
 * @packageDocumentation
 */

export { createEchoBot, type EchoBotDeps, type EchoBotOptions, echoBot, HELP_TEXT } from './echo-bot.js';
