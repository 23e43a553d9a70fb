import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_OPTIONS, resolveOptions, type SessionOptions } from './options.js';

const credentials = { method: 'id', userId: '10001', password: 'pw' } as const;

describe('resolveOptions', () => {
  it('applies every default, keeps what the caller set, and ignores undefined', () => {
    // JavaScript callers may pass undefined where TypeScript ones cannot.
    const resolved = resolveOptions({
      url: 'ws://x',
      credentials,
      heartbeatIntervalMs: 5_000,
      pingIntervalMs: undefined,
      platform: 'linux',
    } as unknown as SessionOptions);
    for (const [key, value] of Object.entries(DEFAULT_SESSION_OPTIONS)) {
      if (key === 'reconnectMaxAttempts') continue;
      if (key !== 'heartbeatIntervalMs') expect(resolved[key as keyof typeof resolved]).toEqual(value);
    }
    expect(resolved.heartbeatIntervalMs).toBe(5_000);
    expect(resolved.pingIntervalMs).toBe(DEFAULT_SESSION_OPTIONS.pingIntervalMs);
    expect(resolved.url).toBe('ws://x');
    expect(resolved.platform).toBe('linux');
    expect(resolved.account).toBe('10001');
    expect(resolved.reconnectMaxAttempts).toBe(Number.POSITIVE_INFINITY);
    expect(resolveOptions({ url: 'ws://x', credentials }).platform).toBeUndefined();
  });

  it('reads a null reconnectMaxAttempts as retrying for ever, and keeps a number', () => {
    expect(
      resolveOptions({ url: 'ws://x', credentials, reconnectMaxAttempts: null }).reconnectMaxAttempts,
    ).toBe(Number.POSITIVE_INFINITY);
    expect(resolveOptions({ url: 'ws://x', credentials, reconnectMaxAttempts: 4 }).reconnectMaxAttempts).toBe(
      4,
    );
  });

  it('keeps as its own only what the caller set (and the account): the defaults are shared', () => {
    const resolved = resolveOptions({ url: 'ws://x', credentials, requestTimeoutMs: 1_000 });
    expect(Object.keys(resolved).sort()).toEqual(['account', 'credentials', 'requestTimeoutMs', 'url']);
    expect(Object.getPrototypeOf(resolved)).toBe(
      Object.getPrototypeOf(resolveOptions({ url: 'ws://y', credentials })),
    );
  });
});
