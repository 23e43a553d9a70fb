import type { Clock } from '@birdtalk/runtime';
import type { FakeClock } from '@birdtalk/runtime/testing';
import { expectTypeOf } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import type {
  CloseInfo,
  Transport,
  TransportClock,
  TransportErrorCode,
  WebSocketConstructor,
} from './index.js';

declare const transport: Transport;

// Each event hands its listener the arguments its map entry names.
transport.on('frame', (frame) => expectTypeOf(frame).toEqualTypeOf<Uint8Array>());
transport.on('text', (text) => expectTypeOf(text).toEqualTypeOf<string>());
transport.on('pong', (data) => expectTypeOf(data).toEqualTypeOf<Uint8Array>());
transport.on('close', (info) => expectTypeOf(info).toEqualTypeOf<CloseInfo>());
transport.on('error', (error) => expectTypeOf(error.code).toEqualTypeOf<string>());
expectTypeOf(transport.on('frame', () => {})).toEqualTypeOf<() => void>();
// @ts-expect-error: there is no such event.
transport.on('message', () => {});
// @ts-expect-error: a frame listener gets bytes, not text.
transport.on('frame', (frame: string) => frame);

// The runtime's Clock and FakeClock serve as a TransportClock without adapters.
expectTypeOf<Clock>().toExtend<TransportClock>();
expectTypeOf<FakeClock>().toExtend<TransportClock>();

// The ws package's WebSocket and the DOM's WebSocket both fit the WHATWG connector.
expectTypeOf(WsWebSocket).toExtend<WebSocketConstructor>();
expectTypeOf<typeof globalThis.WebSocket>().toExtend<WebSocketConstructor>();

expectTypeOf<TransportErrorCode>().toExtend<`TRANSPORT_${string}`>();
