import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChatMessage, p2p } from '../src/index.js';
import { createWorld, until, type World } from './harness.js';

let world: World;
let ada: string;
let bob: string;

beforeEach(async () => {
  world = await createWorld();
  ada = await world.user('ada');
  bob = await world.user('bob');
});

afterEach(async () => {
  await world.close();
});

describe('P2P chat between two clients', () => {
  it('delivers a message once, with a delivery receipt that moves the sender state on', async () => {
    const alice = world.client(ada);
    const bobby = world.client(bob);
    const received: ChatMessage[] = [];
    bobby.on('message', (message) => {
      received.push(message);
    });
    const states = alice.record('message-state');
    await world.drive(Promise.all([alice.start(), bobby.start()]));
    const sent = await world.drive(alice.sendText(p2p(bob), 'hello bob'));
    await until(() => received.length === 1, 'the message');
    const [message] = received;
    expect(message?.text).toBe('hello bob');
    expect(message?.id).toBe(sent.id);
    expect(message?.chat).toEqual({ type: 'p2p', userId: ada });
    expect(message?.from).toBe(ada);
    expect(message?.own).toBe(false);
    expect(message?.catchingUp).toBe(false);
    await world.drive(new Promise<void>((resolve) => {
      const check = () => (alice.messageState(sent.id) === 'delivered' ? resolve() : setTimeout(check, 0));
      check();
    }));
    expect(states.map((s) => s.state)).toEqual(['sending', 'sent', 'delivered']);
  });
});
