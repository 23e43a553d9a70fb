// Runs the echo bot with its configuration from the environment until SIGINT or SIGTERM:
//
//   BIRDTALK_SERVER=wss://127.0.0.1:7817/ws BIRDTALK_PIN=<sha256> \
//   BIRDTALK_BOT_NAME=echo BIRDTALK_BOT_PASSWORD=… pnpm --filter @birdtalk/app-echo-bot start
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  BOT_CONFIG_INVALID,
  BotExitCode,
  botEnvironment,
  createLineLogger,
  runBot,
  serveHealth,
} from '@birdtalk/bot/node';
import { isBirdTalkError } from '@birdtalk/errors';
import { createEchoBot } from './echo-bot.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Who the bot logs in as, for the banner: its user id, or the name it registers on its first start. */
function accountOf(env: ReturnType<typeof botEnvironment>): string {
  const { credentials } = env;
  if (credentials.method === 'id') return String(credentials.userId);
  return credentials.method === 'register' ? `register ${credentials.userName}` : credentials.method;
}

// BIRDTALK_LOG_LEVEL=debug shows the protocol too; otherwise the SDK below only reports errors.
const level = process.env.BIRDTALK_LOG_LEVEL;
const logger = createLineLogger(process.stderr, level);
const sdkLogger = createLineLogger(process.stderr, level === 'debug' ? 'debug' : 'error');
try {
  const env = botEnvironment(process.env, join(process.cwd(), '.echo-bot-state'));
  if (env.insecure) logger.warn("BIRDTALK_INSECURE=1: the server's certificate is not checked");
  const bot = createEchoBot(env, { logger, sdkLogger });
  // BIRDTALK_HEALTH_PORT: /healthz answers 503 until the bot is connected and logged in, 200 while it is.
  const health = env.health === undefined ? undefined : await serveHealth(bot, env.health);
  try {
    // runBot logs how connecting goes and why the bot ended, and sets the exit code (see BotExitCode).
    await runBot(bot, {
      logger,
      server: env.server,
      settings: {
        userId: env.credentials.method === 'register' ? 'BIRDTALK_BOT_NAME' : 'BIRDTALK_BOT_ID',
        password: 'BIRDTALK_BOT_PASSWORD',
        pin: 'BIRDTALK_PIN',
        server: 'BIRDTALK_SERVER',
      },
      banner: {
        name: 'echo-bot',
        version,
        account: accountOf(env),
        stateDir: env.stateDir,
        ...(health === undefined ? {} : { health: health.url }),
      },
    });
  } finally {
    await health?.close();
  }
} catch (error) {
  // Only the configuration and the client's construction can throw here; runBot never does.
  logger.error(
    isBirdTalkError(error, BOT_CONFIG_INVALID) || !(error instanceof Error)
      ? String((error as Error).message ?? error)
      : error.message,
  );
  process.exitCode = BotExitCode.CONFIG;
}
