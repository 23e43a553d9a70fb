import { RefusedError } from '@birdtalk/errors';
import { encodeMsg, type Msg, UserOperationType } from '@birdtalk/proto';
import type { Connector, Transport } from '@birdtalk/transport';
import { describe, expect, it } from 'vitest';
import { refusal } from './checks.js';
import { createFrameLog } from './frame-log.js';
import type { World } from './world.js';

/** A transport that only records what it is asked to send. */
const fakeConnector: Connector = async () => ({ send: () => undefined }) as unknown as Transport;

const approve = encodeMsg({ plainMsg: { friendOp: { operation: UserOperationType.ApproveFriend } } });
const isApprove = (frame: Msg) => frame.plainMsg?.friendOp?.operation === UserOperationType.ApproveFriend;

async function outcome(work: (transport: Transport) => Promise<unknown>): Promise<string> {
  const frames = createFrameLog();
  const transport = await frames.wrap(fakeConnector)('ws://x/ws');
  const check = refusal('approving', 'REFUSED_APPROVE_FRIEND', () => work(transport), isApprove);
  try {
    await check.run({ frames } as unknown as World);
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('refusal checks', () => {
  it('pass for the expected RefusedError with nothing forbidden sent', async () => {
    expect(
      await outcome(async () => {
        throw new RefusedError('REFUSED_APPROVE_FRIEND', 'no');
      }),
    ).toBe('ok');
  });

  it('fail when the request is not refused, refused otherwise, or sent anyway', async () => {
    expect(await outcome(async () => undefined)).toBe('it was not refused');
    expect(
      await outcome(async () => {
        throw new RefusedError('REFUSED_OTHER', 'no');
      }),
    ).toBe('refused with RefusedError REFUSED_OTHER, expected RefusedError REFUSED_APPROVE_FRIEND');
    expect(
      await outcome(async (transport) => {
        transport.send(approve);
        throw new RefusedError('REFUSED_APPROVE_FRIEND', 'too late');
      }),
    ).toBe('1 forbidden request(s) were sent anyway');
  });
});
