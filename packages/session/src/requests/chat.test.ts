import { ChatType } from '@birdtalk/proto';
import { EventHub } from '@birdtalk/runtime';
import { createMemoryLogger, FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_OPTIONS, resolveOptions } from '../options.js';
import { createMemoryOutboxStore, Outbox } from '../outbox.js';
import { SecretScrubber } from '../secrets.js';
import { createClockSendIds } from '../send-ids.js';
import type { SessionEvents } from '../types.js';
import { type ChatCore, PrebuiltFrames, sendChat } from './chat.js';

function core(): ChatCore & { readonly prebuilt: PrebuiltFrames } {
  const clock = new FakeClock(1_750_000_000_000);
  const logger = createMemoryLogger();
  return {
    options: resolveOptions({ url: 'ws://x', credentials: { method: 'id', userId: '10001', password: 'p' } }),
    clock,
    sendIds: createClockSendIds(clock),
    scrubber: new SecretScrubber(),
    hub: new EventHub<SessionEvents>(() => {}),
    outbox: new Outbox({
      clock,
      store: createMemoryOutboxStore(),
      logger,
      deadlineMs: DEFAULT_SESSION_OPTIONS.outboxDeadlineMs,
      resendUnacknowledged: true,
      resendDelayMs: 5_000,
      onAcked: () => {},
      onFailed: () => {},
    }),
    prebuilt: new PrebuiltFrames(),
    selfId: () => '10001',
    whenReady: () => new Promise(() => {}),
  };
}

describe('sendChat', () => {
  it('keeps no prebuilt frame of a chat the outbox refused before tracking it', async () => {
    const c = core();
    const aborted = AbortSignal.abort();
    for (let i = 0; i < 100; i += 1) {
      const sent = sendChat(
        c,
        { toId: '10002', chatType: ChatType.ChatTypeP2P, data: new Uint8Array(1_000) },
        { signal: aborted },
      );
      await expect(sent).rejects.toMatchObject({ name: 'AbortError' });
    }
    expect(c.prebuilt.size).toBe(0);
  });
});
