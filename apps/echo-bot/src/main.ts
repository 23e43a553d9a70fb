// Runs the echo bot with its configuration from the environment until SIGINT or SIGTERM:
//
//   BIRDTALK_SERVER=wss://127.0.0.1:7817/ws BIRDTALK_PIN=<sha256> \
//   BIRDTALK_BOT_NAME=echo BIRDTALK_BOT_PASSWORD=… pnpm --filter @birdtalk/app-echo-bot start
import { join } from 'node:path';
import {
  BOT_CONFIG_INVALID,
  botEnvironment,
  createLineLogger,
  describeStartupError as describeError,
  runBot,
} from '@birdtalk/bot/node';
import { isBirdTalkError } from '@birdtalk/errors';
import { createEchoBot } from './echo-bot.js';

// BIRDTALK_LOG_LEVEL=debug shows the protocol too; otherwise the SDK below only reports errors.
const level = process.env.BIRDTALK_LOG_LEVEL;
const logger = createLineLogger(process.stderr, level);
const sdkLogger = createLineLogger(process.stderr, level === 'debug' ? 'debug' : 'error');
let server = '';
try {
  const env = botEnvironment(process.env, join(process.cwd(), '.echo-bot-state'));
  server = env.server;
  if (env.insecure) logger.warn("BIRDTALK_INSECURE=1: the server's certificate is not checked");
  const bot = createEchoBot(env, { logger, sdkLogger });
  bot.client.on('reconnecting', ({ attempt, delayMs, error }) =>
    logger.warn('connection lost; reconnecting', { attempt, delayMs, reason: describeError(error, server) }),
  );
  bot.client.on('ready', ({ user }) =>
    logger.info('ready', { userId: user.userId, userName: user.userName }),
  );
  await runBot(bot);
  logger.info('stopped');
} catch (error) {
  const config = isBirdTalkError(error, BOT_CONFIG_INVALID);
  logger.error(config ? error.message : `cannot run: ${describeError(error, server)}`);
  process.exitCode = config ? 2 : 1;
}
