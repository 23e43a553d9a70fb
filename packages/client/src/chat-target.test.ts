import { describe, expect, it } from 'vitest';
import { group, p2p, positiveId, targetId, targetKey } from './chat-target.js';

describe('chat targets', () => {
  it('name conversations by exact ids', () => {
    expect(p2p(10_002)).toEqual({ type: 'p2p', userId: '10002' });
    expect(group(9_007_199_254_740_993n)).toEqual({ type: 'group', groupId: '9007199254740993' });
    expect(targetKey(p2p('10002'))).toBe('p2p:10002');
    expect(targetId(group('10001'))).toBe('10001');
  });

  it('refuse ids that are empty, zero, negative, fractional or lossy', () => {
    for (const bad of ['', '0', '-5', 'abc', ' 1', '01', 0, -1, 1.5, 2 ** 60, '99999999999999999999']) {
      expect(() => positiveId(bad as never, 'userId')).toThrow(
        expect.objectContaining({ name: 'InvalidArgumentError', code: 'INVALID_ID' }),
      );
    }
  });
});
