import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { p2p } from '../src/index.js';
import { type World, worldWith } from './harness.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let world: World;
let ada: string;
let bob: string;
let cy: string;

beforeEach(async () => {
  ({ world, ada, bob, cy } = await worldWith('ada', 'bob', 'cy'));
});

afterEach(() => world.close());

/** Collects garbage and lets finalizers run. */
async function collect(): Promise<void> {
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  await new Promise((resolve) => setImmediate(resolve));
}

describe('memory under a stuck handler and an unread iterator', () => {
  it('stays bounded for a simulated hour of traffic: backlog within maxBacklog, heap flat', async () => {
    const maxBacklog = 40;
    const bot = world.client(bob, { maxBacklog, handlerTimeoutMs: 60_000 });
    // A handler stuck for good on ada's chat, and an iterator nobody reads (it holds up every chat).
    bot.on('message', (message) => (message.from === ada ? new Promise(() => {}) : undefined));
    const unread = bot.messages();
    const deadLetters = bot.record('dead-letter');
    // Every chat message the bot's session decoded, and how many of them the client still holds on to.
    let arrived = 0;
    let collected = 0;
    const registry = new FinalizationRegistry(() => {
      collected += 1;
    });
    bot.session.on('chat', ({ chat }) => {
      arrived += 1;
      registry.register(chat, undefined);
    });
    const alice = world.client(ada);
    const carl = world.client(cy);
    await world.drive(Promise.all([bot.start(), alice.start(), carl.start()]));

    const text = 'x'.repeat(2048);
    let peakQueued = 0;
    let peakHeld = 0;
    const heap: number[] = [];
    const alive: number[] = [];
    for (let minute = 1; minute <= 60; minute += 1) {
      for (let tick = 0; tick < 6; tick += 1) {
        await world.drive(alice.sendText(p2p(bob), text));
        await world.drive(carl.sendText(p2p(bob), text));
        await world.clock.advance(10_000);
        peakQueued = Math.max(peakQueued, bot.backlog.queued);
        peakHeld = Math.max(peakHeld, bot.backlog.held);
      }
      if (minute === 20 || minute === 60) {
        await collect();
        heap.push(process.memoryUsage().heapUsed / 1024 / 1024);
        alive.push(arrived - collected);
      }
    }
    expect(peakHeld).toBeLessThanOrEqual(maxBacklog);
    expect(peakQueued).toBeLessThanOrEqual(maxBacklog + 300);
    // Stuck deliveries were given up on and left the unread iterator's buffer.
    expect(deadLetters.length).toBeGreaterThan(0);
    // 480 more messages arrived between minute 20 and 60: the client holds no more of them than its backlog
    // allows, and the heap grows by little more than what the reference server (in this process) stores.
    expect(alive[1]!).toBeLessThanOrEqual(2 * maxBacklog + 300);
    expect(alive[1]! - alive[0]!).toBeLessThan(maxBacklog);
    expect(heap[1]! - heap[0]!).toBeLessThan(3);
    console.info(
      `live messages held: ${alive.join(' → ')}; heap MiB: ${heap.map((h) => h.toFixed(1)).join(' → ')}`,
    );
    await unread.return?.();
  }, 300_000);
});
