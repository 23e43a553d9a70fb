import { group, p2p } from '@birdtalk/client';
import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { createBot } from '../bot.js';
import { createTestClient } from '../testing/test-client.js';
import { createRateLimiter, type Rate } from './rate-limiter.js';

/** The most sends of `times` (sorted) within any window of `windowMs`. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while (times[end]! - times[start]! >= windowMs) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** What a rate allows within a window: the burst, then one per interval. */
function allowed(rate: Rate, windowMs: number): number {
  return rate.burst + Math.ceil((windowMs * rate.ratePerSecond) / 1000);
}

describe('the rate limiter', () => {
  it('holds a burst of 1,000 sends under the configured rates, in order per chat, none failing', async () => {
    const clock = new FakeClock();
    const sentAt: Array<{ readonly chat: string; readonly at: number; readonly text: string }> = [];
    const client = createTestClient({
      clock,
      onSend: (record) => {
        sentAt.push({ chat: JSON.stringify(record.chat), at: clock.now(), text: record.text ?? '' });
      },
    });
    const global: Rate = { ratePerSecond: 50, burst: 10 };
    const perChat: Rate = { ratePerSecond: 2, burst: 5 };
    const bot = createBot(client, { rateLimit: { global, perChat, maxWaitMs: 60_000 } }, { clock });
    const started = clock.now();
    // A hot chat (every tenth send, 100 in all) among 50 others.
    const chatOf = (index: number) =>
      index % 10 === 0
        ? p2p('20999')
        : index % 2 === 0
          ? p2p(String(20_000 + (index % 50)))
          : group(String(50_000 + (index % 50)));
    const sends = Array.from({ length: 1000 }, (_, index) => bot.client.sendText(chatOf(index), `#${index}`));
    const settled = Promise.allSettled(sends);
    await clock.advance(60_000);
    const results = await settled;
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(sentAt).toHaveLength(1000);

    const times = sentAt.map((send) => send.at);
    for (const windowMs of [100, 1000, 5000]) {
      expect(busiestWindow(times, windowMs)).toBeLessThanOrEqual(allowed(global, windowMs));
    }
    const chats = new Map<string, typeof sentAt>();
    for (const send of sentAt) chats.set(send.chat, [...(chats.get(send.chat) ?? []), send]);
    expect(chats.size).toBe(46);
    for (const sends of chats.values()) {
      expect(
        busiestWindow(
          sends.map((send) => send.at),
          1000,
        ),
      ).toBeLessThanOrEqual(allowed(perChat, 1000));
      const order = sends.map((send) => Number(send.text.slice(1)));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    // Paced, not just delayed: the last send goes out about when the hot chat's rate allows it.
    const hotChatMs = ((100 - perChat.burst) / perChat.ratePerSecond) * 1000;
    expect(Math.max(...times) - started).toBeGreaterThanOrEqual(hotChatMs);
    expect(Math.max(...times) - started).toBeLessThanOrEqual(hotChatMs + 1000);
  });

  it('sends a burst at once, then one per interval', async () => {
    const clock = new FakeClock();
    const limiter = createRateLimiter(
      { global: { ratePerSecond: 10, burst: 3 }, perChat: { ratePerSecond: 100, burst: 100 } },
      clock,
    );
    const done: number[] = [];
    for (let i = 0; i < 5; i += 1)
      void limiter.acquire('p2p:1').then(() => done.push(clock.now() - 1_750_000_000_000));
    await clock.advance(0);
    expect(done).toEqual([0, 0, 0]);
    expect(limiter.waiting).toBe(2);
    await clock.advance(200);
    expect(done).toEqual([0, 0, 0, 100, 200]);
  });

  it('refuses at once a send that would wait longer than maxWaitMs, and reserves nothing for it', async () => {
    const clock = new FakeClock();
    const limiter = createRateLimiter(
      { global: { ratePerSecond: 1, burst: 1 }, perChat: { ratePerSecond: 1, burst: 1 }, maxWaitMs: 1_500 },
      clock,
    );
    await limiter.acquire('a');
    const second = limiter.acquire('b'); // waits 1 s
    await expect(limiter.acquire('c')).rejects.toMatchObject({ name: 'TimeoutError', code: 'TIMEOUT' });
    await clock.advance(1_000);
    await second;
    // The refused send took no turn: the next one is due a second after the second.
    const third = limiter.acquire('c');
    let passed = false;
    void third.then(() => {
      passed = true;
    });
    await clock.advance(999);
    expect(passed).toBe(false);
    await clock.advance(1);
    expect(passed).toBe(true);
  });

  it('stops waiting when the send is cancelled', async () => {
    const clock = new FakeClock();
    const limiter = createRateLimiter({ global: { ratePerSecond: 1, burst: 1 } }, clock);
    await limiter.acquire('a');
    const abort = new AbortController();
    const waiting = limiter.acquire('b', abort.signal);
    abort.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError', code: 'ABORTED' });
    expect(limiter.waiting).toBe(0);
  });

  it('refuses rates that cannot work', () => {
    const clock = new FakeClock();
    for (const rate of [
      { ratePerSecond: 0, burst: 1 },
      { ratePerSecond: 1, burst: 0 },
      { ratePerSecond: Number.NaN, burst: 1 },
    ]) {
      expect(() => createRateLimiter({ global: rate }, clock)).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
  });

  it('paces the replies of handlers, and can be turned off', async () => {
    for (const rateLimit of [{ perChat: { ratePerSecond: 1, burst: 1 } }, false as const]) {
      const clock = new FakeClock();
      const client = createTestClient({ clock });
      const bot = createBot(client, { rateLimit }, { clock });
      bot.command('three', async (ctx) => {
        await ctx.reply('1');
        await ctx.reply('2');
        await ctx.reply('3');
      });
      await bot.start();
      const handled = client.receive('/three');
      await clock.advance(0);
      expect(client.texts()).toEqual(rateLimit === false ? ['1', '2', '3'] : ['1']);
      await clock.advance(2_000);
      await handled;
      expect(client.texts()).toEqual(['1', '2', '3']);
    }
  });
});
