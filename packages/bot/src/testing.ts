/**
 * Unit-testing bots without a server: a test client that records what the bot sends and lets the test deliver
 * messages and events, plus builders for messages and events as the real client produces them.
 *
 * @example
 * ```ts
 * import { createBot } from '@birdtalk/bot';
 * import { createTestClient } from '@birdtalk/bot/testing';
 *
 * const client = createTestClient();
 * const bot = createBot(client);
 * bot.command('ping', (ctx) => ctx.reply('pong'));
 * await bot.start();
 * const { texts } = await client.receive('/ping');
 * // texts: ['pong']
 * ```
 *
 * @packageDocumentation
 */

export {
  type AttachmentInit,
  chatOf,
  contentMessage,
  fileMessage,
  followedEvent,
  imageMessage,
  type MessageInit,
  memberLeftEvent,
  membersJoinedEvent,
  nextTestId,
  recallEvent,
  receiptEvent,
  TEST_BOT_ID,
  TEST_USER_ID,
  textMessage,
  unfollowedEvent,
  userProfile,
  voiceMessage,
} from './testing/builders.js';
export {
  createTestClient,
  type DeliveryResult,
  type NotificationEvent,
  type SentRecord,
  type TestClient,
  type TestClientOptions,
} from './testing/test-client.js';
