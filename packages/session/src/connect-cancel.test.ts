import { createMemoryConnector } from '@birdtalk/transport/testing';
import { describe, expect, it } from 'vitest';
import { ConnectCancel } from './connect-cancel.js';

describe('ConnectCancel', () => {
  it('abandons an attempt of a connector that takes cancelWith, without making a signal', async () => {
    const cancel = new ConnectCancel();
    const connect = createMemoryConnector(() => new Promise<void>(() => {}));
    const attempt = connect('memory://a', cancel);
    const reason = new Error('closing');
    cancel.cancel(reason);
    await expect(attempt).rejects.toMatchObject({ name: 'AbortError', cause: reason });
    // Read only now: a connector that reads its signal late still sees the abort.
    expect(cancel.signal.aborted).toBe(true);
    expect(cancel.signal.reason).toBe(reason);
  });

  it('aborts the signal of a connector that reads one instead', async () => {
    const cancel = new ConnectCancel();
    const signal = cancel.signal;
    expect(signal.aborted).toBe(false);
    const reason = new Error('timed out');
    cancel.cancel(reason);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe(reason);
  });

  it('abandons once: later calls keep the first reason', () => {
    const cancel = new ConnectCancel();
    const reasons: unknown[] = [];
    cancel.cancelWith((reason) => reasons.push(reason));
    cancel.cancel('first');
    cancel.cancel('second');
    expect(reasons).toEqual(['first']);
    expect(cancel.signal.reason).toBe('first');
  });
});
