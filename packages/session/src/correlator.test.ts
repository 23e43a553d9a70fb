import { hasErrorName, isBirdTalkError, TransportError } from '@birdtalk/errors';
import { ComMsgType, decodeMsg, encodeMsg, type MsgError, type MsgInit } from '@birdtalk/proto';
import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { Correlator } from './correlator.js';
import { classifyFrame, type Inbound } from './dispatch.js';
import { SessionErrorCode } from './errors.js';

const inbound = (msg: MsgInit): Inbound =>
  classifyFrame(decodeMsg(encodeMsg({ version: 1, ...msg } as MsgInit))).inbound!;
const error = (code: number, detail = ''): MsgError => ({
  code,
  detail,
  sendId: '0',
  msgId: '0',
  msgType: 0,
  params: {},
});
const friendResult = (sendId: string) =>
  inbound({
    msgType: ComMsgType.MsgTFriendOpRet,
    plainMsg: { friendOpRet: { operation: 10, result: 'ok', sendId } },
  });

function friendRequest(correlator: Correlator, sendId: string, timeoutMs = 30_000) {
  const { promise } = correlator.register({
    label: `friend ${sendId}`,
    match: (frame) =>
      frame.kind === 'friend-op-result' && frame.result.sendId === sendId
        ? { value: frame.result }
        : undefined,
    whenSilent: 'reject',
    timeoutMs,
  });
  correlator.fenceSent();
  return promise;
}

describe('Correlator', () => {
  it('settles a request on its reply', async () => {
    const correlator = new Correlator(new FakeClock());
    const pending = friendRequest(correlator, '7');
    expect(correlator.offer(friendResult('8'))).toBeUndefined();
    expect(correlator.offer(friendResult('7'))?.label).toBe('friend 7');
    await expect(pending).resolves.toMatchObject({ sendId: '7' });
    expect(correlator.fenceReturned()).toBe(true);
    expect(correlator.fenceCount).toBe(0);
  });

  it('settles a request registered with an outcome through it, once, with no promise', () => {
    const correlator = new Correlator(new FakeClock());
    const settled: string[] = [];
    const outcome = {
      resolve: (value: { sendId: string }) => settled.push(`ok ${value.sendId}`),
      reject: (reason: unknown) => settled.push(`error ${(reason as Error).message}`),
    };
    const spec = {
      label: 'friend 7',
      match: (frame: Inbound) =>
        frame.kind === 'friend-op-result' && frame.result.sendId === '7'
          ? { value: frame.result }
          : undefined,
      whenSilent: 'reject' as const,
      timeoutMs: Number.POSITIVE_INFINITY,
    };
    const registration = correlator.registerWith(spec, outcome);
    expect(registration).not.toHaveProperty('promise', expect.anything());
    correlator.fenceSent();
    expect(correlator.offer(friendResult('7'))).toBe(spec);
    expect(correlator.fenceReturned()).toBe(true);
    expect(settled).toEqual(['ok 7']);
    correlator.registerWith(spec, outcome);
    correlator.close(new TransportError(SessionErrorCode.CONNECTION_LOST, 'gone'));
    correlator.registerWith(spec, outcome);
    expect(settled).toEqual(['ok 7', 'error gone', 'error gone']);
  });

  it('counts as awaiting the fences not back and the requests not answered, while inFlight keeps both until their fence', async () => {
    const correlator = new Correlator(new FakeClock());
    const first = friendRequest(correlator, '1');
    const second = friendRequest(correlator, '2');
    expect([correlator.awaiting, correlator.inFlight]).toEqual([4, 4]);
    // An answered request waits for its fence, but the server owes nothing more for it.
    correlator.offer(friendResult('1'));
    expect([correlator.awaiting, correlator.inFlight]).toEqual([3, 4]);
    correlator.fenceReturned();
    expect([correlator.awaiting, correlator.inFlight]).toEqual([2, 2]);
    // Settled by its fence with no answer: both leave together.
    correlator.fenceReturned();
    expect([correlator.awaiting, correlator.inFlight]).toEqual([0, 0]);
    await expect(first).resolves.toMatchObject({ sendId: '1' });
    await expect(second).rejects.toMatchObject({ code: SessionErrorCode.NO_REPLY });
  });

  it('arms no timer for a request without a timeout of its own (timeoutMs Infinity)', async () => {
    const clock = new FakeClock();
    const correlator = new Correlator(clock);
    friendRequest(correlator, '1', Number.POSITIVE_INFINITY);
    expect(clock.pendingTimers).toBe(0);
    const timed = friendRequest(correlator, '2');
    expect(clock.pendingTimers).toBe(1);
    correlator.fenceReturned();
    correlator.fenceReturned();
    await expect(timed).rejects.toMatchObject({ code: SessionErrorCode.NO_REPLY });
    expect(clock.pendingTimers).toBe(0);
  });

  it('attributes errors to the request in front of the first fence, in order (the doubled ErrTNotLogin)', async () => {
    const correlator = new Correlator(new FakeClock());
    const first = friendRequest(correlator, '1');
    const second = friendRequest(correlator, '2');
    // The server answers request 1 with two errors, then the fence, then request 2 normally.
    expect(correlator.attributeError(error(15, 'should login first.'))).toEqual({
      to: 'pending',
      label: 'friend 1',
    });
    expect(correlator.attributeError(error(15, 'should login first.'))).toEqual({
      to: 'pending',
      label: 'friend 1',
    });
    correlator.fenceReturned();
    const failure = await first.catch((e: unknown) => e);
    expect(isBirdTalkError(failure, 'SERVER_NOT_LOGGED_IN')).toBe(true);
    expect((failure as { serverCode: number }).serverCode).toBe(15);
    expect((failure as { details: { errors: number } }).details.errors).toBe(2);
    correlator.offer(friendResult('2'));
    await expect(second).resolves.toMatchObject({ sendId: '2' });
  });

  it('hands each request only the errors attributed to it, in order, and none to requests that drew none', async () => {
    const correlator = new Correlator(new FakeClock());
    const seen = new Map<string, MsgError[]>();
    const request = (label: string) => {
      const { promise } = correlator.register({
        label,
        match: (_frame, errors) => {
          seen.set(label, [...errors]);
          return undefined;
        },
        whenSilent: 'reject',
        timeoutMs: Number.POSITIVE_INFINITY,
      });
      correlator.fenceSent();
      promise.catch(() => {});
    };
    request('first');
    correlator.attributeError(error(4, 'one'));
    correlator.attributeError(error(5, 'two'));
    correlator.fenceReturned();
    request('second');
    request('third');
    correlator.attributeError(error(6, 'three'));
    correlator.offer(friendResult('1'));
    expect(seen.get('second')!.map((e) => e.detail)).toEqual(['three']);
    expect(seen.get('third')).toEqual([]);
    const fresh = new Correlator(new FakeClock());
    const { promise } = fresh.register({
      label: 'fresh',
      match: (_frame, errors) => ({ value: errors.length }),
      whenSilent: 'reject',
      timeoutMs: Number.POSITIVE_INFINITY,
    });
    fresh.offer(friendResult('1'));
    await expect(promise).resolves.toBe(0);
  });

  it('settles a request whose fence came back empty at once with PROTOCOL_NO_REPLY', async () => {
    const clock = new FakeClock();
    const correlator = new Correlator(clock);
    const pending = friendRequest(correlator, '1');
    correlator.fenceReturned();
    const failure = await pending.catch((e: unknown) => e);
    expect(isBirdTalkError(failure, SessionErrorCode.NO_REPLY)).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it('resolves requests that have no reply on success when their fence returns', async () => {
    const correlator = new Correlator(new FakeClock());
    const { promise } = correlator.register<string>({
      label: 'receipt',
      whenSilent: 'resolve',
      silentValue: 'done',
      timeoutMs: 1000,
    });
    correlator.fenceSent();
    correlator.fenceReturned();
    await expect(promise).resolves.toBe('done');
  });

  it('leaves errors that arrive before an older fence unattributed', () => {
    const correlator = new Correlator(new FakeClock());
    correlator.fenceSent(); // a liveness heartbeat
    void friendRequest(correlator, '1');
    expect(correlator.attributeError(error(9))).toEqual({ to: 'none' });
    correlator.fenceReturned();
    expect(correlator.attributeError(error(9))).toEqual({ to: 'pending', label: 'friend 1' });
  });

  it('reports an error that follows an answered request as settled', async () => {
    const correlator = new Correlator(new FakeClock());
    const pending = friendRequest(correlator, '1');
    correlator.offer(friendResult('1'));
    await pending;
    expect(correlator.attributeError(error(14))).toEqual({ to: 'settled', label: 'friend 1' });
  });

  it('times out on the injected clock and keeps absorbing the late reply', async () => {
    const clock = new FakeClock();
    const correlator = new Correlator(clock);
    const pending = friendRequest(correlator, '1', 500);
    await clock.advance(500);
    const failure = await pending.catch((e: unknown) => e);
    expect(hasErrorName(failure, 'TimeoutError')).toBe(true);
    expect(correlator.offer(friendResult('1'))?.label).toBe('friend 1');
  });

  it('aborts through a signal', async () => {
    const correlator = new Correlator(new FakeClock());
    const controller = new AbortController();
    const { promise } = correlator.register({
      label: 'x',
      whenSilent: 'reject',
      timeoutMs: 1000,
      signal: controller.signal,
    });
    controller.abort();
    expect(hasErrorName(await promise.catch((e: unknown) => e), 'AbortError')).toBe(true);
  });

  it('rejects everything still waiting when the connection goes, and refuses later requests', async () => {
    const correlator = new Correlator(new FakeClock());
    const pending = friendRequest(correlator, '1');
    const logout = correlator.register({
      label: 'logout',
      whenSilent: 'resolve',
      whenConnectionLost: 'resolve',
      timeoutMs: 1000,
    });
    const lost = new TransportError(SessionErrorCode.CONNECTION_LOST, 'gone');
    correlator.close(lost);
    await expect(pending).rejects.toBe(lost);
    await expect(logout.promise).resolves.toBeUndefined();
    await expect(friendRequest(correlator, '2')).rejects.toBe(lost);
    expect(correlator.pendingCount).toBe(0);
  });

  it('takes back a request whose frame could not be sent, and stops its timer and abort listener', async () => {
    const clock = new FakeClock();
    const correlator = new Correlator(clock);
    const controller = new AbortController();
    const unsent = correlator.register({
      label: 'unsent',
      whenSilent: 'reject',
      timeoutMs: 1000,
      signal: controller.signal,
    });
    const kept = friendRequest(correlator, '1');
    expect(correlator.awaiting).toBe(3);
    const failure = new TransportError(SessionErrorCode.CONNECTION_LOST, 'not sent');
    correlator.abandon(unsent, failure);
    await expect(unsent.promise).rejects.toBe(failure);
    expect(correlator.pendingCount).toBe(1);
    expect(correlator.awaiting).toBe(2);
    // Settled once: neither its timer nor its signal settles it again, and the request behind it is intact.
    expect(clock.pendingTimers).toBe(1);
    controller.abort();
    await clock.advance(2000);
    correlator.offer(friendResult('1'));
    await expect(kept).resolves.toMatchObject({ sendId: '1' });
  });

  it('reports a heartbeat reply without a fence', () => {
    expect(new Correlator(new FakeClock()).fenceReturned()).toBe(false);
  });
});
