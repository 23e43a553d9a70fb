import { type ChatMessage, type Client, createClient, createMemoryStore, p2p } from '@birdtalk/client';
import { createPureEcdh } from '@birdtalk/crypto';
import { type BirdTalkError, isBirdTalkError } from '@birdtalk/errors';
import { ComMsgType, encodeMsg, UserOperationType } from '@birdtalk/proto';
import { seededRandom } from '@birdtalk/runtime';
import { FakeClock, flushEventLoop } from '@birdtalk/runtime/testing';
import { createServer, HAZARDS, type HazardName } from '@birdtalk/server';
import { createScriptedServer } from '@birdtalk/session/testing';
import type { Transport } from '@birdtalk/transport';
import { createMemoryTransportPair } from '@birdtalk/transport/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientFrames, type FuzzKind, fuzzFrames, fuzzSeed, serverFrames } from '../src/fuzz.js';

/** At least this many frames go into each side. */
const FRAMES = 100_000;
const PASSWORD = 'fuzz-password';

let rejections: unknown[] = [];
const onRejection = (reason: unknown): void => {
  rejections.push(reason);
};
beforeEach(() => {
  rejections = [];
  process.on('unhandledRejection', onRejection);
});
afterEach(() => {
  process.off('unhandledRejection', onRejection);
});

/** Runs the event loop and the fake clock until `promise` settles. */
async function drive<T>(clock: FakeClock, promise: Promise<T>, what: string): Promise<T> {
  let settled = false;
  const watched = promise.finally(() => {
    settled = true;
  });
  watched.catch(() => {});
  for (let step = 0; step < 5_000 && !settled; step += 1) {
    await flushEventLoop(2);
    if (!settled) await clock.advance(20);
  }
  if (!settled) throw new Error(`still waiting for ${what}`);
  return watched;
}

function count(kinds: Map<FuzzKind, number>, kind: FuzzKind): void {
  kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
}

// A few seconds alone, but far longer on a loaded 2-core CI machine: the generous bound is for that.
const fuzzTimeoutMs = 180_000;

describe('hostile frames into a live client', () => {
  const seed = fuzzSeed(20_240_601);

  it(`survives ${FRAMES} random, truncated, bit-flipped and spliced frames with typed reports only, then sends (seed ${seed})`, {
    timeout: fuzzTimeoutMs,
  }, async () => {
    const clock = new FakeClock(1_750_000_000_000);
    const server = createScriptedServer({
      clock,
      ecdh: createPureEcdh(seededRandom(seed + 1)),
      users: {
        '10001': { password: PASSWORD, userName: 'bot' },
        '10002': { password: PASSWORD, userName: 'peer' },
      },
    });
    const client: Client = createClient(
      {
        server: server.url,
        credentials: { method: 'id', userId: '10001', password: PASSWORD },
        receiptDelayMs: 0,
        handlerRetryDelayMs: 1,
      },
      {
        connector: server.connector,
        clock,
        random: seededRandom(seed + 2),
        ecdh: createPureEcdh(seededRandom(seed + 3)),
        store: createMemoryStore(),
      },
    );
    const anomalies: BirdTalkError[] = [];
    const errors: unknown[] = [];
    const messages: ChatMessage[] = [];
    client.session.on('protocol-error', (error) => anomalies.push(error));
    client.on('error', (error) => errors.push(error));
    client.on('message', (message) => {
      messages.push(message);
    });
    await drive(clock, client.start(), 'the first login');

    const kinds = new Map<FuzzKind, number>();
    const templates = serverFrames({ selfId: '10001', peerId: '10002', groupId: '10001' });
    let sent = 0;
    for (const { kind, bytes } of fuzzFrames(seed, templates, FRAMES)) {
      let peer = server.connections.at(-1)!;
      if (peer.transport.state !== 'open') {
        // Something in the storm ended the connection: the client reconnects by itself.
        await drive(clock, client.session.ready(), 'a reconnect');
        peer = server.connections.at(-1)!;
      }
      peer.sendRaw(bytes);
      sent += 1;
      count(kinds, kind);
      if (sent % 25 === 0) await flushEventLoop(1);
      if (sent % 5_000 === 0) await clock.advance(1_000);
    }
    await clock.advance(5_000);

    // Still usable: a request after the storm succeeds.
    await drive(clock, client.session.ready(), 'the client to be ready');
    const sentAfter = await drive(clock, client.sendText(p2p('10002'), 'after the storm'), 'the send');
    expect(sentAfter.id).toMatch(/^[1-9][0-9]*$/);
    await drive(clock, client.stop(), 'the stop');

    expect(sent).toBe(FRAMES);
    for (const kind of ['valid', 'random', 'truncated', 'bit-flipped', 'spliced'] as const) {
      expect(kinds.get(kind) ?? 0).toBeGreaterThan(FRAMES / 20);
    }
    // Every problem was reported as a typed error, and the storm was noticed.
    expect(anomalies.length).toBeGreaterThan(FRAMES / 4);
    expect(anomalies.every((error) => isBirdTalkError(error))).toBe(true);
    expect(errors.filter((error) => !isBirdTalkError(error))).toEqual([]);
    expect(messages.length).toBeGreaterThan(0);
    expect(rejections).toEqual([]);
    // Whatever it was fed, the client answered with nothing that would crash the real server.
    expect(server.hazards()).toEqual([]);
  });
});

describe('hostile frames into the reference server', () => {
  const seed = fuzzSeed(20_240_602);

  it(`survives ${FRAMES} random, truncated, bit-flipped and spliced frames, recording only named hazards, and serves normally afterwards (seed ${seed})`, {
    timeout: fuzzTimeoutMs,
  }, async () => {
    const clock = new FakeClock(1_750_000_000_000);
    const server = await createServer({
      listen: false,
      clock,
      random: seededRandom(seed),
      // The storm provokes them on purpose; what must never appear is an internal error of the server.
      expectedHazards: Object.keys(HAZARDS) as HazardName[],
    });
    const selfId = await server.createUser({ userName: 'fuzz', password: PASSWORD });
    const peerId = await server.createUser({ userName: 'peer', password: PASSWORD });
    await server.follow(selfId, peerId);
    await server.follow(peerId, selfId);
    const groupId = await server.createGroup({
      owner: selfId,
      members: [peerId],
      params: { jointype: 'direct' },
    });

    const dice = seededRandom(seed + 1);
    const login = [
      encodeMsg({
        version: 1,
        msgType: ComMsgType.MsgTHello,
        tm: 1,
        plainMsg: { hello: { clientId: 'fuzz', version: '1.0' } },
      }),
      encodeMsg({
        version: 1,
        msgType: ComMsgType.MsgTUserOp,
        tm: 2,
        plainMsg: {
          userOp: {
            operation: UserOperationType.Login,
            user: { userId: selfId, params: { pwd: PASSWORD } },
            params: { loginmode: 'id' },
          },
        },
      }),
    ];
    let connections = 0;
    const open = (): Transport => {
      const [clientEnd, serverEnd] = createMemoryTransportPair();
      server.acceptTransport(serverEnd);
      connections += 1;
      // Most connections log in first, so that the frames reach the handlers behind the login check.
      if (dice.float() < 0.7) for (const frame of login) clientEnd.send(frame);
      return clientEnd;
    };

    const kinds = new Map<FuzzKind, number>();
    let transport = open();
    let sent = 0;
    for (const { kind, bytes } of fuzzFrames(seed, clientFrames({ selfId, peerId, groupId }), FRAMES)) {
      if (transport.state !== 'open') transport = open();
      transport.send(bytes);
      sent += 1;
      count(kinds, kind);
      // The server handles a frame as it arrives: let it, before deciding whether the connection still stands.
      await Promise.resolve();
      await Promise.resolve();
      if (sent % 50 === 0) await flushEventLoop(1);
      if (sent % 5_000 === 0) await clock.advance(1_000);
    }
    await clock.advance(5_000);

    expect(sent).toBe(FRAMES);
    for (const kind of ['valid', 'random', 'truncated', 'bit-flipped', 'spliced'] as const) {
      expect(kinds.get(kind) ?? 0).toBeGreaterThan(FRAMES / 20);
    }
    const names = new Set(server.hazards().map((hazard) => hazard.name));
    // Undecodable frames were recorded as the real server's crash; the server itself never failed.
    expect(names.has('malformed-frame')).toBe(true);
    expect(server.hazards().filter((hazard) => !(hazard.name in HAZARDS))).toEqual([]);
    expect(connections).toBeGreaterThan(100);
    server.clearHazards();

    // Still serving: two clients log in and talk.
    const clientOf = (userId: string, n: number): Client =>
      createClient(
        {
          server: 'ws://reference.invalid/ws',
          credentials: { method: 'id', userId, password: PASSWORD },
          receiptDelayMs: 0,
        },
        {
          connector: server.connector(),
          clock,
          random: seededRandom(seed + 10 + n),
          ecdh: createPureEcdh(seededRandom(seed + 20 + n)),
          store: createMemoryStore(),
        },
      );
    const alice = clientOf(selfId, 1);
    const bob = clientOf(peerId, 2);
    const received = bob.once('message', { filter: (m) => m.text === 'after the storm' });
    await drive(clock, Promise.all([alice.start(), bob.start()]), 'the logins');
    await drive(clock, alice.sendText(p2p(peerId), 'after the storm'), 'the send');
    expect((await drive(clock, received, 'the delivery')).from).toBe(selfId);
    await drive(clock, Promise.all([alice.stop(), bob.stop()]), 'the stops');
    expect(server.hazards()).toEqual([]);
    expect(rejections).toEqual([]);
    await server.close();
  });
});
