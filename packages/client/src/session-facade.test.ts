import { createMemoryKeyStore, createPureEcdh } from '@birdtalk/crypto';
import { seededRandom } from '@birdtalk/runtime';
import { FakeClock } from '@birdtalk/runtime/testing';
import { createSession } from '@birdtalk/session';
import { createScriptedServer } from '@birdtalk/session/testing';
import { describe, expect, it } from 'vitest';
import { ClientErrorCode } from './client-errors.js';
import { createSessionFacade } from './session-facade.js';

function realSession() {
  const clock = new FakeClock();
  const server = createScriptedServer({ clock, users: { '10001': { password: 'pw' } } });
  const session = createSession(
    { url: server.url, credentials: { method: 'id', userId: '10001', password: 'pw' } },
    {
      connector: server.connector,
      clock,
      random: seededRandom(1),
      ecdh: createPureEcdh(seededRandom(2)),
      keyStore: createMemoryKeyStore(),
    },
  );
  return { session, server };
}

describe('the session stand-in', () => {
  it('answers like an idle session and refuses requests before the session exists', async () => {
    const facade = createSessionFacade();
    expect(facade.state).toBe('idle');
    expect(facade.user).toBeUndefined();
    expect(facade.outboxSize).toBe(0);
    await expect(facade.query({ chatType: 1 })).rejects.toMatchObject({ code: ClientErrorCode.NOT_STARTED });
    await expect(facade.start()).rejects.toMatchObject({ code: ClientErrorCode.NOT_STARTED });
    await facade.close();
  });

  it('moves earlier subscriptions to the session, except those already removed', async () => {
    const facade = createSessionFacade();
    const states: string[] = [];
    const removed: string[] = [];
    facade.on('state', ({ to }) => states.push(to));
    const off = facade.on('state', ({ to }) => removed.push(to));
    const abort = new AbortController();
    facade.on('state', ({ to }) => removed.push(to), { signal: abort.signal });
    off();
    abort.abort();
    const ready = facade.ready();
    const { session } = realSession();
    facade.attach(session);
    await session.start();
    expect((await ready).userId).toBe('10001');
    expect(states).toContain('ready');
    expect(removed).toEqual([]);
    expect(facade.state).toBe('ready');
    expect(facade.user?.userId).toBe('10001');
    expect(() => facade.attach(session)).toThrow();
    await session.close();
  });

  it('forwards requests and streams once attached', async () => {
    const facade = createSessionFacade();
    const stream = facade.stream('state');
    const { session } = realSession();
    facade.attach(session);
    const first = stream.next();
    await session.start();
    expect((await first).value).toMatchObject({ to: 'connecting' });
    await expect(facade.groupOp({ operation: 16 })).resolves.toMatchObject({ operation: 16 });
    await session.close();
  });
});
