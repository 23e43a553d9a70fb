/**
 * The BirdTalk client for bot authors: one account kept logged in, every incoming message delivered to the
 * application exactly once (deduplicated, in order per chat, caught up after every login, positions persisted
 * only after handling), receipts, message states, history, and the feature modules (users, friends, groups,
 * files, media).
 *
 * @example
 * ```ts
 * import { createClient, p2p } from '@birdtalk/client';
 * import { createNodeConnector } from '@birdtalk/transport/node';
 *
 * const client = createClient(
 *   { server: 'wss://chat.example.com:7817/ws', credentials: { method: 'id', userId: '10001', password } },
 *   { connector: createNodeConnector() },
 * );
 * client.on('message', (message) => client.reply(message, `you said: ${message.text}`));
 * await client.start();
 * await client.sendText(p2p('10002'), 'hello');
 * ```
 *
 * @packageDocumentation
 */

export { type ChatTarget, group, p2p, positiveId, targetId, targetKey } from './chat-target.js';
export { createClient } from './client.js';
export type { Client, MessageFilter, StopOptions } from './client-api.js';
export { ClientErrorCode } from './client-errors.js';
export {
  type ClientDeps,
  type ClientOptions,
  DEFAULT_CLIENT_OPTIONS,
  type PassThroughSessionOptions,
} from './client-options.js';
export {
  type Attachment,
  type DraftyDocument,
  type DraftyEntity,
  type DraftySpan,
  type FileContentInit,
  fileContent,
  type ImageContentInit,
  imageContent,
  type MessageContent,
  type MessageKind,
  type OutgoingContent,
  parseDrafty,
  readContent,
  textContent,
  type VoiceContentInit,
  voiceContent,
} from './content.js';
export type {
  ClientContext,
  ClientPolicy,
  GroupMembership,
  HttpGet,
  SendOptions,
  SentMessage,
} from './context.js';
export type { CatchUpPolicy } from './delivery/catch-up.js';
export { dedupKeys } from './delivery/dedup.js';
export type { HistoryOptions } from './delivery/history.js';
export type { SendContent } from './delivery/sender.js';
export {
  type MessageMatch,
  messageTest,
  type WaitForFilter,
  type WaitForOptions,
} from './delivery/wait-for.js';
export type {
  CatchUpEvent,
  ClientClosedEvent,
  ClientEvents,
  ClientListener,
  ClientReadyEvent,
  ClientState,
  ClientStateChange,
  DeadLetterEvent,
  DeliveryEvent,
  GapSweepEvent,
  ListenOptions,
  MessageState,
  MessageStateEvent,
  RecallEvent,
  ReceiptEvent,
} from './events.js';
export * from './features.js';
export { createFetchHttpGet, httpBaseUrlOf } from './http.js';
export { type ChatMessage, toChatMessage } from './message.js';
export { createMemoryStore } from './store/memory-store.js';
export {
  deserializeOutboxEntry,
  type SerializedOutboxEntry,
  serializeOutboxEntry,
} from './store/outbox-codec.js';
export { DEVICE_ID_KEY, groupStream, P2P_STREAM, type Store } from './store/store.js';
