// Runs the support bot with its configuration from the environment until SIGINT or SIGTERM:
//
//   BIRDTALK_SERVER=wss://127.0.0.1:7817/ws BIRDTALK_PIN=<sha256> \
//   BIRDTALK_BOT_NAME=helpdesk BIRDTALK_BOT_PASSWORD=… pnpm --filter @birdtalk/app-support-bot start
import { join } from 'node:path';
import {
  botEnvironment,
  createLineLogger,
  credentialsFor,
  describeStartupError,
  runBot,
} from '@birdtalk/bot/node';
import { createNodeClient } from '@birdtalk/client/node';
import { createSqliteStore } from '@birdtalk/store-sqlite';
import { supportBot } from './support-bot.js';

const logger = createLineLogger(process.stderr, process.env.BIRDTALK_LOG_LEVEL);
let server = '';
try {
  const env = botEnvironment(process.env, join(process.cwd(), '.support-bot-state'));
  server = env.server;
  const client = createNodeClient({
    server: env.server,
    credentials: await credentialsFor(env.stateDir, env.credentials),
    stateDir: env.stateDir,
    ...(env.tls === undefined ? {} : { tls: env.tls }),
  });
  // Tickets and conversations in progress, in one SQLite file beside the client's state.
  const store = createSqliteStore({ path: join(env.stateDir, 'support.db') });
  await runBot(supportBot(client, store, { logger }));
  await store.close();
  logger.info('stopped');
} catch (error) {
  logger.error(`cannot run: ${describeStartupError(error, server)}`);
  process.exitCode = 1;
}
