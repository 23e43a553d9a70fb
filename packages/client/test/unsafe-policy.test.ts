import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from './harness.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('policy.allowServerCrashingRequests', () => {
  it('refuses friend approval by default, and with the policy sends it through every layer to the server', async () => {
    // Lenient: the reference server records the request the stock server dies on, answers with an error and
    // stays up, so the test can look at what arrived.
    world = await createWorld({ strict: false, expectedHazards: ['approve-friend'] });
    const ann = await world.user('ann');
    const bob = await world.user('bob');

    const careful = world.client(ann);
    await world.drive(careful.start());
    await expect(careful.friends.approve(bob)).rejects.toMatchObject({
      name: 'RefusedError',
      code: 'REFUSED_APPROVE_FRIEND',
    });
    expect(careful.sent.some((m) => m.plainMsg?.friendOp?.operation === 11)).toBe(false);
    await careful.stop();

    const unsafe = world.client(bob, { policy: { allowServerCrashingRequests: true } });
    await world.drive(unsafe.start());
    await world.drive(unsafe.friends.approve(ann).catch(() => undefined));
    expect(unsafe.sent.some((m) => m.plainMsg?.friendOp?.operation === 11)).toBe(true);
    expect(world.server.hazards().map((hazard) => hazard.name)).toEqual(['approve-friend']);
    world.server.clearHazards();
  });
});
