import { describe, expect, it } from 'vitest';
import { toQuery } from './find.js';

describe('toQuery', () => {
  it('guesses by shape', () => {
    expect(toQuery('10001', undefined)).toEqual({ id: '10001' });
    expect(toQuery('ann@example.com', undefined)).toEqual({ email: 'ann@example.com' });
    expect(toQuery('+49 170 123', undefined)).toEqual({ phone: '+49 170 123' });
    expect(toQuery('ann', undefined)).toEqual({ name: 'ann' });
  });

  it('follows --by, and refuses what cannot be', () => {
    expect(toQuery('12345', 'phone')).toEqual({ phone: '12345' });
    expect(toQuery('12345', 'name')).toEqual({ name: '12345' });
    expect(() => toQuery('ann', 'id')).toThrow('"ann" is not a user id');
    expect(() => toQuery('ann', 'age')).toThrow('--by is one of id, name, email, phone');
  });
});
