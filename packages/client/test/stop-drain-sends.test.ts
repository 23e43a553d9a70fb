import { flushEventLoop } from '@birdtalk/runtime/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type ChatMessage, ClientErrorCode, p2p } from '../src/index.js';
import { until, type World, worldWith } from './harness.js';

let world: World;
let ada: string;
let bob: string;

beforeEach(async () => {
  ({ world, ada, bob } = await worldWith('ada', 'bob'));
});

afterEach(() => world.close());

it('lets a handler that is running when stop() is called still reply; the reply is acknowledged before the end', async () => {
  const alice = world.client(ada);
  const bobby = world.client(bob);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const replies: string[] = [];
  bobby.on('message', async (message) => {
    await gate;
    const sent = await bobby.reply(message, `echo: ${message.text}`);
    replies.push(sent.id);
  });
  const received: ChatMessage[] = [];
  alice.on('message', (message) => {
    received.push(message);
  });
  await world.drive(Promise.all([alice.start(), bobby.start()]));
  await world.drive(alice.sendText(p2p(bob), 'hi'));
  await until(() => bobby.catchingUp === false);
  await flushEventLoop(5);
  const stopping = bobby.stop({ drainTimeoutMs: 60_000 });
  await flushEventLoop(5);
  release();
  await world.drive(stopping);
  expect(replies).toHaveLength(1);
  await until(() => received.length === 1, 'the reply');
  expect(received[0]?.text).toBe('echo: hi');
});

it('refuses sends that start after the running handlers finished', async () => {
  const bobby = world.client(bob);
  await world.drive(bobby.start());
  await world.drive(bobby.stop());
  await expect(bobby.sendText(p2p(ada), 'too late')).rejects.toMatchObject({ code: ClientErrorCode.STOPPED });
});
