import { describe, expect, it } from 'vitest';
import { assignAccounts } from './assign.js';

const accounts = Array.from({ length: 30 }, (_, i) => String(10_001 + i));

describe('assignAccounts', () => {
  it('deals accounts evenly: loads differ by at most one', () => {
    for (const workers of [['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd']]) {
      const sizes = [...assignAccounts(accounts, workers).values()].map((share) => share.length);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(30);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('gives every worker the same answer whatever order it sees the lists in', () => {
    const one = assignAccounts(accounts, ['w2', 'w1', 'w3']);
    const two = assignAccounts([...accounts].reverse(), ['w3', 'w2', 'w1', 'w2']);
    expect([...two.entries()]).toEqual([...one.entries()]);
  });

  it('orders numeric ids by value, so 9 comes before 10', () => {
    expect(assignAccounts(['10', '9', '11'], ['a', 'b', 'c']).get('a')).toEqual(['9']);
  });

  it('assigns nothing when no worker is alive', () => {
    expect(assignAccounts(accounts, []).size).toBe(0);
  });
});
