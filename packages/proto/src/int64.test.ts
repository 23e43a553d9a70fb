import { describe, expect, it } from 'vitest';
import { int64FromBits, int64ToBigInt, isInt64String, toInt64, toLowHigh } from './int64.js';

describe('int64 conversions', () => {
  const cases: Array<[bigint, string]> = [
    [0n, '0'],
    [1n, '1'],
    [4_294_967_295n, '4294967295'],
    [4_294_967_296n, '4294967296'],
    [2n ** 53n - 1n, '9007199254740991'],
    [2n ** 53n, '9007199254740992'],
    [2n ** 53n + 1n, '9007199254740993'],
    [2n ** 63n - 1n, '9223372036854775807'],
    [-1n, '-1'],
    [-(2n ** 53n), '-9007199254740992'],
    [-(2n ** 53n) + 1n, '-9007199254740991'],
    [-4_294_967_296n, '-4294967296'],
    [-4_294_967_297n, '-4294967297'],
    [1_764_450_000_000_001n, '1764450000000001'],
    [-(2n ** 53n) - 1n, '-9007199254740993'],
    [-(2n ** 63n), '-9223372036854775808'],
    [-4_825_332_312_412_223_051n, '-4825332312412223051'],
  ];

  it.each(cases)('%s survives bits → decimal → bits exactly', (value, text) => {
    const unsigned = BigInt.asUintN(64, value);
    const low = Number(unsigned & 0xffff_ffffn);
    const high = Number(unsigned >> 32n);
    expect(int64FromBits(low, high)).toBe(text);
    expect(toLowHigh(text)).toEqual({ low, high });
    expect(toLowHigh(value)).toEqual({ low, high });
    if (value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) {
      expect(toLowHigh(Number(value))).toEqual({ low, high });
    }
    expect(int64ToBigInt(text)).toBe(value);
    expect(toInt64(value)).toBe(text);
    expect(isInt64String(text)).toBe(true);
  });

  it('accepts safe-integer numbers and refuses lossy ones', () => {
    expect(toInt64(10_001)).toBe('10001');
    expect(toInt64(-5)).toBe('-5');
    expect(toInt64(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
    for (const bad of [2 ** 53, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => toInt64(bad)).toThrow(expect.objectContaining({ code: 'ENCODE_INVALID_INT64' }));
    }
  });

  it('refuses text that is not strict decimal or is out of range', () => {
    for (const bad of [
      '',
      ' 1',
      '+1',
      '01',
      '-0x1',
      '1e3',
      '9223372036854775808',
      '-9223372036854775809',
      'abc',
    ]) {
      expect(isInt64String(bad)).toBe(false);
      expect(() => toInt64(bad)).toThrow(expect.objectContaining({ name: 'EncodeError' }));
    }
    expect(() => toInt64(2n ** 63n)).toThrow(expect.objectContaining({ code: 'ENCODE_INVALID_INT64' }));
    expect(() => toLowHigh({} as never)).toThrow(expect.objectContaining({ code: 'ENCODE_INVALID_INT64' }));
  });
});
