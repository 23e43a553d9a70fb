import type { Int64 } from '@birdtalk/proto';
import { expectTypeOf } from 'vitest';
import type {
  CatchUpEvent,
  ChatMessage,
  Client,
  MessageState,
  RecallEvent,
  ReceiptEvent,
  SentMessage,
  Store,
} from './index.js';

declare const client: Client;

// Each event hands its listener the payload its map entry names; delivery listeners may be async.
client.on('message', async (message) => expectTypeOf(message).toEqualTypeOf<ChatMessage>());
client.on('recall', (event) => expectTypeOf(event).toEqualTypeOf<RecallEvent>());
client.on('receipt', (event) => expectTypeOf(event).toEqualTypeOf<ReceiptEvent>());
client.on('catch-up', (event) => {
  if (event.phase === 'done') expectTypeOf(event.delivered).toEqualTypeOf<number>();
  expectTypeOf(event).toEqualTypeOf<CatchUpEvent>();
});
client.on('message-state', (event) => expectTypeOf(event.state).toEqualTypeOf<MessageState>());
expectTypeOf(client.on('message', () => {})).toEqualTypeOf<() => void>();
// @ts-expect-error: there is no such event.
client.on('chat', () => {});
// @ts-expect-error: a message listener gets a ChatMessage, not text.
client.on('message', (message: string) => message);

// Ids are exact decimal strings, never numbers.
expectTypeOf<ChatMessage['id']>().toEqualTypeOf<Int64>();
expectTypeOf<SentMessage['id']>().toEqualTypeOf<Int64>();
expectTypeOf(client.messages()).toEqualTypeOf<AsyncIterableIterator<ChatMessage>>();
expectTypeOf(client.once('ready')).resolves.toHaveProperty('connection');

// A store is all-async.
expectTypeOf<ReturnType<Store['loadPositions']>>().toEqualTypeOf<Promise<ReadonlyMap<string, Int64>>>();
