import { createMemoryKeyStore } from '@birdtalk/crypto';
import { flushEventLoop } from '@birdtalk/runtime/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientErrorCode, createMemoryStore, p2p } from '../src/index.js';
import { createWorld, PASSWORD, requestsOf, until, type World } from './harness.js';

let world: World;
let ada: string;
let bob: string;

beforeEach(async () => {
  world = await createWorld();
  ada = await world.user('ada', { email: 'ada@example.com' });
  bob = await world.user('bob');
});

afterEach(async () => {
  await world.close();
});

describe('logging in', () => {
  it('by id, and again without the password from the stored key', async () => {
    const keyStore = createMemoryKeyStore();
    const first = world.client(ada, {}, { keyStore });
    const ready = first.record('ready');
    const user = await world.drive(first.start());
    expect(user.userId).toBe(ada);
    expect(first.user?.userId).toBe(ada);
    expect(first.state).toBe('ready');
    await world.drive(first.stop());
    expect(first.state).toBe('closed');
    const second = world.client(ada, {}, { keyStore });
    const again = second.record('ready');
    await world.drive(second.start());
    expect(ready.map((r) => r.fastLogin)).toEqual([false]);
    expect(again.map((r) => r.fastLogin)).toEqual([true]);
  });

  it('not by e-mail by default: an unknown address or a code makes the stock server mail, which kills it', async () => {
    for (const credentials of [
      { method: 'email', email: 'nobody@example.com', password: PASSWORD },
      { method: 'email-code', email: 'ada@example.com' },
    ] as const) {
      const client = world.client(ada, { credentials });
      const closed = client.record('closed');
      await expect(world.drive(client.start())).rejects.toMatchObject({
        name: 'RefusedError',
        code: 'REFUSED_EMAIL_LOGIN',
      });
      await until(() => closed.length === 1, 'the closed event');
      expect(closed[0]?.reason).toBe('auth-failed');
    }
    expect(world.server.hazards()).toEqual([]);
  });

  it('by e-mail and password, on a server whose mail works', async () => {
    await world.close();
    world = await createWorld({ mailWorks: true });
    ada = await world.user('ada', { email: 'ada@example.com' });
    const client = world.client(ada, {
      credentials: { method: 'email', email: 'ada@example.com', password: PASSWORD },
      policy: { allowServerCrashingRequests: true },
    });
    expect((await world.drive(client.start())).userId).toBe(ada);
  });

  it('by e-mail and a mailed code, on a server whose mail works', async () => {
    await world.close();
    world = await createWorld({ mailWorks: true });
    ada = await world.user('ada', { email: 'ada@example.com' });
    const asked: string[] = [];
    const client = world.client(
      ada,
      {
        credentials: { method: 'email-code', email: 'ada@example.com' },
        policy: { allowServerCrashingRequests: true },
      },
      {
        requestCode: async ({ email }) => {
          asked.push(email);
          return '12345';
        },
      },
    );
    expect((await world.drive(client.start())).userId).toBe(ada);
    expect(asked).toEqual(['ada@example.com']);
  });

  it('by registering, telling the application the new id', async () => {
    const client = world.client('0', {
      credentials: { method: 'register', userName: 'newbie', password: 'pw-newbie' },
    });
    const registered = client.record('registered');
    const user = await world.drive(client.start());
    expect(registered.map((r) => r.user.userId)).toEqual([user.userId]);
    expect(world.server.getUser(user.userId)?.userName).toBe('newbie');
  });

  it('fails for wrong credentials, and the client closes', async () => {
    const client = world.client(ada, { credentials: { method: 'id', userId: ada, password: 'wrong' } });
    const closed = client.record('closed');
    await expect(world.drive(client.start())).rejects.toMatchObject({ code: 'LOGIN_REJECTED' });
    await until(() => closed.length === 1, 'the closed event');
    expect(closed[0]?.reason).toBe('auth-failed');
    expect(client.state).toBe('closed');
  });
});

describe('ending', () => {
  it('logs out: the session ends and the client closes', async () => {
    const client = world.client(ada);
    const closed = client.record('closed');
    await world.drive(client.start());
    await world.drive(client.logout());
    expect(closed.map((c) => c.reason)).toEqual(['logged-out']);
    expect(client.state).toBe('closed');
    await expect(client.sendText(p2p(bob), 'hi')).rejects.toMatchObject({ code: ClientErrorCode.STOPPED });
  });

  it('unregisters: the account is deleted', async () => {
    const client = world.client(bob);
    const closed = client.record('closed');
    await world.drive(client.start());
    await world.drive(client.unregister());
    expect(closed.map((c) => c.reason)).toEqual(['unregistered']);
    expect(world.server.getUser(bob)?.params.status).toBe('deleted');
  });

  it('stops idempotently, and refuses to start again', async () => {
    const client = world.client(ada);
    await world.drive(client.start());
    const first = client.stop();
    expect(client.stop()).toBe(first);
    await world.drive(first);
    await expect(client.start()).resolves.toBeDefined(); // the same, earlier promise
    const fresh = world.client(ada);
    await world.drive(fresh.stop());
    await expect(fresh.start()).rejects.toMatchObject({ code: ClientErrorCode.STOPPED });
  });

  it('stops with await using', async () => {
    let captured: ReturnType<World['client']> | undefined;
    {
      await using client = world.client(ada);
      captured = client;
      await world.drive(client.start());
    }
    expect(captured?.state).toBe('closed');
  });

  it('lets a running handler finish before stopping, and persists its position', async () => {
    const store = createMemoryStore();
    const alice = world.client(ada);
    const bobby = world.client(bob, {}, { store });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handled: string[] = [];
    bobby.on('message', async (message) => {
      await gate;
      handled.push(message.text);
    });
    await world.drive(Promise.all([alice.start(), bobby.start()]));
    const sent = await world.drive(alice.sendText(p2p(bob), 'slow one'));
    await until(() => bobby.state === 'ready' && bobby.catchingUp === false);
    await flushEventLoop(5);
    const stopping = bobby.stop({ drainTimeoutMs: 60_000 });
    await flushEventLoop(5);
    expect(bobby.state).toBe('stopping');
    release();
    await world.drive(stopping);
    expect(handled).toEqual(['slow one']);
    await expect(store.loadPositions()).rejects.toMatchObject({ code: ClientErrorCode.STORE_CLOSED });
    expect(sent.id).toBeDefined();
  });

  it('gives up on a stuck handler after the drain timeout; the message comes again next time', async () => {
    const alice = world.client(ada);
    const bobby = world.client(bob);
    bobby.on('message', () => new Promise(() => {}));
    await world.drive(Promise.all([alice.start(), bobby.start()]));
    await world.drive(alice.sendText(p2p(bob), 'stuck'));
    await until(() => bobby.session.state === 'ready');
    await flushEventLoop(5);
    const started = world.clock.now();
    await world.drive(bobby.stop({ drainTimeoutMs: 2_000 }));
    expect(world.clock.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(bobby.state).toBe('closed');
  });
});

describe('starting badly', () => {
  it('rejects and closes when the store cannot be opened', async () => {
    const broken = {
      ...createMemoryStore(),
      loadPositions: async () => {
        throw new Error('disk on fire');
      },
    };
    const client = world.client(ada, {}, { store: broken });
    const closed = client.record('closed');
    await expect(world.drive(client.start())).rejects.toThrow('disk on fire');
    expect(client.state).toBe('closed');
    expect(closed).toHaveLength(1);
  });

  it('rejects with CLIENT_STOPPED when stopped while starting', async () => {
    const client = world.client(ada);
    const starting = client.start();
    const stopping = client.stop();
    await expect(world.drive(starting)).rejects.toMatchObject({ code: ClientErrorCode.STOPPED });
    await world.drive(stopping);
    expect(client.state).toBe('closed');
  });

  it('refuses a group send once the first group list is overdue', async () => {
    const client = world.client(ada, { session: { requestTimeoutMs: 1_000 } });
    world.server.faults.set({ silent: true });
    void client.start().catch(() => {});
    await until(() => client.session.state !== 'idle', 'the session');
    const sending = client
      .sendText({ type: 'group', groupId: '10001' }, 'hi')
      .catch((error: unknown) => error);
    await world.clock.advance(100);
    await flushEventLoop(5);
    const result = await world.drive(sending);
    expect(result).toMatchObject({ code: ClientErrorCode.NOT_GROUP_MEMBER });
    world.server.faults.clear();
  });
});

describe('the device id', () => {
  it('is generated once per store and sent as MsgHello.clientId; two clients on one store agree', async () => {
    const store = createMemoryStore();
    const shared = {
      ...store,
      close: async () => {},
    };
    const first = world.client(ada, {}, { store: shared });
    const second = world.client(ada, {}, { store: shared });
    await world.drive(Promise.all([first.start(), second.start()]));
    expect(first.deviceId).toMatch(/^[0-9a-f]{32}$/);
    expect(second.deviceId).toBe(first.deviceId);
    const hello = first.sent.find((msg) => msg.plainMsg?.message === 'hello');
    expect(hello?.plainMsg?.message === 'hello' && hello.plainMsg.hello.clientId).toBe(first.deviceId);
  });

  it('can be overridden', async () => {
    const client = world.client(ada, { clientId: 'my-bot-1' });
    await world.drive(client.start());
    expect(client.deviceId).toBe('my-bot-1');
    const hello = client.sent.find((msg) => msg.plainMsg?.message === 'hello');
    expect(hello?.plainMsg?.message === 'hello' && hello.plainMsg.hello.clientId).toBe('my-bot-1');
  });
});

describe('before start', () => {
  it('keeps feature subscriptions for the session, and refuses requests', async () => {
    const client = world.client(ada);
    const readies: number[] = [];
    client.session.on('ready', (event) => readies.push(event.connection));
    await expect(client.session.query({ chatType: 1 })).rejects.toMatchObject({
      code: ClientErrorCode.NOT_STARTED,
    });
    await expect(client.sendText(p2p(bob), 'too early')).rejects.toMatchObject({
      code: ClientErrorCode.NOT_STARTED,
    });
    await world.drive(client.start());
    expect(readies).toEqual([1]);
    expect(requestsOf(client.sent).filter((p) => p === 'chatData')).toEqual([]);
  });
});
