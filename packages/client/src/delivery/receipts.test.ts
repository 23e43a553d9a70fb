import { TransportError } from '@birdtalk/errors';
import type { MsgChatReplyInit } from '@birdtalk/proto';
import { FakeClock, flushEventLoop } from '@birdtalk/runtime/testing';
import type { Session } from '@birdtalk/session';
import { describe, expect, it } from 'vitest';
import { ReceiptSender } from './receipts.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function fakeSession(state: { ready: boolean; fail?: unknown }) {
  const sent: MsgChatReplyInit[] = [];
  const session = {
    get state() {
      return state.ready ? 'ready' : 'reconnecting';
    },
    async sendReceipt(receipt: MsgChatReplyInit) {
      if (state.fail !== undefined) {
        const error = state.fail;
        state.fail = undefined;
        throw error;
      }
      sent.push(receipt);
    },
  } as unknown as Session;
  return { session, sent };
}

function setup(ready = true, delayMs = 100) {
  const clock = new FakeClock();
  const state: { ready: boolean; fail?: unknown } = { ready };
  const { session, sent } = fakeSession(state);
  const receipts = new ReceiptSender({
    session: () => session,
    selfId: () => '20',
    clock,
    logger: silent,
    delayMs,
    maxBatch: 3,
    onError: () => {},
  });
  return { clock, state, sent, receipts };
}

describe('receipts', () => {
  it('send every delivery receipt of a run from one sender, across batches that went out', async () => {
    const { clock, sent, receipts } = setup();
    receipts.delivered({ id: '1', sendId: '91', from: '10' });
    receipts.delivered({ id: '2', sendId: '92', from: '10' });
    await clock.advance(100);
    // The same sender again after its batch went out: a new batch, not the one already sent.
    receipts.delivered({ id: '3', sendId: '93', from: '10' });
    receipts.delivered({ id: '4', sendId: '94', from: '11' });
    receipts.delivered({ id: '5', sendId: '95', from: '10' });
    await clock.advance(100);
    receipts.close(new TransportError('TRANSPORT_CLOSED', 'closed'));
    receipts.delivered({ id: '6', sendId: '96', from: '10' });
    await clock.advance(100);
    expect(sent.map((receipt) => [receipt.userId, receipt.msgId, receipt.params?.batch])).toEqual([
      ['10', '1', '1,2'],
      ['10', '3', '3,5'],
      ['11', '4', undefined],
    ]);
  });

  it('batch what falls due together, per sender, with params.batch and gid "0"', async () => {
    const { clock, sent, receipts } = setup();
    receipts.delivered({ id: '1', sendId: '91', from: '10' });
    receipts.delivered({ id: '2', sendId: '92', from: '10' });
    receipts.delivered({ id: '3', sendId: '93', from: '11' });
    expect(sent).toEqual([]);
    await clock.advance(100);
    expect(sent).toEqual([
      {
        msgId: '1',
        sendId: '91',
        userId: '10',
        fromId: '20',
        recvOk: 1_750_000_000_100,
        readOk: 0,
        params: { gid: '0', batch: '1,2' },
      },
      {
        msgId: '3',
        sendId: '93',
        userId: '11',
        fromId: '20',
        recvOk: 1_750_000_000_100,
        readOk: 0,
        params: { gid: '0' },
      },
    ]);
  });

  it('split large batches', async () => {
    const { clock, sent, receipts } = setup();
    for (let i = 1; i <= 7; i += 1) receipts.delivered({ id: String(i), sendId: `9${i}`, from: '10' });
    await clock.advance(100);
    expect(sent.map((r) => r.params?.batch ?? r.msgId)).toEqual(['1,2,3', '4,5,6', '7']);
  });

  it('send read receipts with both times, resolving once sent', async () => {
    const { clock, sent, receipts } = setup();
    const done = receipts.read([
      { id: '5', sendId: '95', from: '10' },
      { id: '6', sendId: '96', from: '12' },
    ]);
    let resolved = false;
    void done.then(() => {
      resolved = true;
    });
    await flushEventLoop();
    expect(resolved).toBe(false);
    await clock.advance(100);
    await done;
    expect(sent.map((r) => [r.userId, r.recvOk, r.readOk])).toEqual([
      ['10', 1_750_000_000_100, 1_750_000_000_100],
      ['12', 1_750_000_000_100, 1_750_000_000_100],
    ]);
  });

  it('wait for a login before sending anything', async () => {
    const { clock, state, sent, receipts } = setup(false);
    receipts.delivered({ id: '1', sendId: '91', from: '10' });
    receipts.delivered({ id: '2', sendId: '92', from: '10' });
    await clock.advance(1_000);
    expect(sent).toEqual([]);
    state.ready = true;
    receipts.connected();
    await clock.advance(0);
    expect(sent.map((r) => r.params?.batch)).toEqual(['1,2']);
  });

  it('keep receipts whose connection was lost for the next login', async () => {
    const { clock, state, sent, receipts } = setup();
    state.fail = new TransportError('SESSION_CONNECTION_LOST', 'gone');
    receipts.delivered({ id: '1', sendId: '91', from: '10' });
    await clock.advance(100);
    expect(sent).toEqual([]);
    expect(receipts.pending).toBe(1);
    receipts.connected();
    await clock.advance(0);
    expect(sent.map((r) => r.msgId)).toEqual(['1']);
  });

  it('send nothing after close, and reject waiting read receipts', async () => {
    const { clock, sent, receipts } = setup();
    const read = receipts.read([{ id: '5', sendId: '95', from: '10' }]);
    receipts.close(new TransportError('X', 'closed'));
    await expect(read).rejects.toMatchObject({ code: 'X' });
    receipts.delivered({ id: '1', sendId: '91', from: '10' });
    await clock.advance(1_000);
    expect(sent).toEqual([]);
  });
});
