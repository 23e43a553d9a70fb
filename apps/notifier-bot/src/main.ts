// Posts each line of standard input into a group, then exits once everything is stored:
//
//   tail -f app.log | BIRDTALK_SERVER=wss://127.0.0.1:7817/ws BIRDTALK_PIN=<sha256> \
//     BIRDTALK_BOT_NAME=notifier BIRDTALK_BOT_PASSWORD=… BIRDTALK_NOTIFY_GROUP=10005 \
//     pnpm --filter @birdtalk/app-notifier-bot start
import { join } from 'node:path';
import { BOT_CONFIG_INVALID, botEnvironment, createLineLogger } from '@birdtalk/bot/node';
import { InvalidArgumentError, isBirdTalkError } from '@birdtalk/errors';
import { describeError } from './describe-error.js';
import { createNotifierBot } from './notifier.js';

const level = process.env.BIRDTALK_LOG_LEVEL;
const logger = createLineLogger(process.stderr, level);
const sdkLogger = createLineLogger(process.stderr, level === 'debug' ? 'debug' : 'error');
let server = '';
const interrupt = new AbortController();
let signals = 0;
const onSignal = (): void => {
  signals += 1;
  if (signals > 1) process.exit(130);
  interrupt.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

try {
  const env = botEnvironment(process.env, join(process.cwd(), '.notifier-bot-state'));
  server = env.server;
  const groupId = process.env.BIRDTALK_NOTIFY_GROUP?.trim() ?? '';
  if (!/^[1-9][0-9]*$/.test(groupId)) {
    throw new InvalidArgumentError(BOT_CONFIG_INVALID, 'BIRDTALK_NOTIFY_GROUP must be a group id');
  }
  if (env.insecure) logger.warn("BIRDTALK_INSECURE=1: the server's certificate is not checked");
  const notifier = createNotifierBot({ ...env, groupId }, { logger, sdkLogger });
  try {
    await notifier.start();
    logger.info('posting standard input', { groupId });
    // An interrupt ends the input: the line being posted finishes, nothing after it is read.
    await notifier.pipe(untilAborted(process.stdin, interrupt.signal), interrupt.signal);
  } finally {
    await notifier.stop();
  }
  logger.info('done', { posted: notifier.posted });
  process.exit(0);
} catch (error) {
  const config = isBirdTalkError(error, BOT_CONFIG_INVALID);
  logger.error(config ? error.message : `cannot post: ${describeError(error, server)}`);
  process.exit(config ? 2 : 1);
}

/** The chunks of a stream until `signal` aborts. */
async function* untilAborted(
  stream: NodeJS.ReadableStream,
  signal: AbortSignal,
): AsyncGenerator<string | Uint8Array> {
  const iterator = stream[Symbol.asyncIterator]();
  const aborted = new Promise<IteratorResult<string | Uint8Array>>((resolve) =>
    signal.addEventListener('abort', () => resolve({ done: true, value: undefined }), { once: true }),
  );
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Not awaited: a pipe whose writer is still open does not finish closing, and the process exits anyway.
    void iterator.return?.();
  }
}
