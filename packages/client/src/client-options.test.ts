import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_OPTIONS, resolveClientOptions } from './client-options.js';

const connector = async () => {
  throw new Error('unused');
};
const base = { server: 'wss://host/ws', credentials: { method: 'id', userId: '1', password: 'p' } } as const;

describe('client options', () => {
  it('apply the defaults', () => {
    const resolved = resolveClientOptions(base, { connector });
    expect(resolved.autoReceipts).toBe(true);
    expect(resolved.catchUp).toBe('latest');
    expect(resolved.dedupWindow).toBe(DEFAULT_CLIENT_OPTIONS.dedupWindow);
    expect(resolved.policy).toEqual({ allowServerCrashingRequests: false });
    expect(resolved.clientId).toBeUndefined();
  });

  it('keep what is given', () => {
    const resolved = resolveClientOptions(
      {
        ...base,
        autoReceipts: false,
        catchUp: 'all',
        policy: { allowServerCrashingRequests: true },
        clientId: 'x',
      },
      { connector },
    );
    expect(resolved).toMatchObject({ autoReceipts: false, catchUp: 'all', clientId: 'x' });
    expect(resolved.policy.allowServerCrashingRequests).toBe(true);
  });

  it.each([
    ['no server', { ...base, server: '' }],
    ['a negative delay', { ...base, receiptDelayMs: -1 }],
    ['an infinite window', { ...base, dedupWindow: Number.POSITIVE_INFINITY }],
    ['an unknown catch-up policy', { ...base, catchUp: 'some' }],
    ['a numeric client id', { ...base, clientId: 5 }],
  ])('refuse %s', (_, options) => {
    expect(() => resolveClientOptions(options as never, { connector })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
  });

  it('need a connector', () => {
    expect(() => resolveClientOptions(base, {} as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
