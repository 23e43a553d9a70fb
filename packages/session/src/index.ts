/**
 * One BirdTalk protocol session: the connection, the Hello and key exchange, login or registration, liveness,
 * reconnects with backoff, request correlation (with fences, since server errors carry no id), the outbox of
 * chats, dispatch of what the server pushes, and the one module that builds every outgoing frame and refuses
 * what would crash the real server.
 *
 * @example
 * ```ts
 * import { createSession } from '@birdtalk/session';
 * import { ChatType } from '@birdtalk/proto';
 *
 * const session = createSession(
 *   { url: 'wss://chat.example.com:7817/ws', credentials: { method: 'id', userId: '10001', password: 'secret' } },
 *   { connector },
 * );
 * session.on('chat', ({ chat }) => console.log(chat.fromId, new TextDecoder().decode(chat.data)));
 * await session.start();
 * await session.sendChat({ toId: '10002', chatType: ChatType.ChatTypeP2P, data: new TextEncoder().encode('hi') });
 * ```
 *
 * @packageDocumentation
 */

export { SessionErrorCode, serverErrorCode } from './errors.js';
export type { ListenOptions } from './events.js';
export {
  type BuiltFrame,
  buildFrame,
  type ChatSpec,
  type DownloadSpec,
  type FrameContext,
  type FrameSpec,
  type FriendOpSpec,
  type GroupOpSpec,
  type HeartbeatSpec,
  type HelloSpec,
  INT64_MAX,
  type KeyExchange1Spec,
  type KeyExchange3Spec,
  type QuerySpec,
  type ReceiptSpec,
  type UploadSpec,
  type UserOpSpec,
} from './frames.js';
export { collectHelloInfo, type HelloInfo, type RuntimeGlobals, SDK_VERSION } from './hello-info.js';
export {
  type CodeRequest,
  type Credentials,
  DEFAULT_SESSION_OPTIONS,
  type SessionDeps,
  type SessionOptions,
} from './options.js';
export {
  type ChatAck,
  createMemoryOutboxStore,
  type OutboxEntry,
  type OutboxStore,
  type RetryRefused,
} from './outbox.js';
export { createClockSendIds, type SendIdSource } from './send-ids.js';
export {
  createSession,
  type GroupOpOptions,
  type OutgoingChat,
  type RequestOptions,
  type SendChatOptions,
  type Session,
} from './session.js';
export type {
  ChatAckedEvent,
  ChatFailedEvent,
  ClosedEvent,
  CloseReason,
  DisconnectedEvent,
  IncomingChat,
  PresenceEvent,
  ReadyEvent,
  ReconnectingEvent,
  RegisteredEvent,
  ServerErrorEvent,
  SessionEvents,
  SessionState,
  StateChange,
} from './types.js';
