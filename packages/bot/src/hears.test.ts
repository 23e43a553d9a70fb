import { describe, expect, it } from 'vitest';
import { compileTriggers } from './hears.js';

describe('compileTriggers', () => {
  it('matches a string against the whole trimmed text, case-insensitively', () => {
    const find = compileTriggers('Hello there');
    expect(find('  hello THERE ')?.[0]).toBe('hello THERE');
    expect(find('hello there!')).toBeUndefined();
    expect(find('oh, hello there')).toBeUndefined();
  });

  it('treats special characters of strings literally', () => {
    const find = compileTriggers('what? (really) 1+1=[2] a/b-c');
    expect(find('what? (really) 1+1=[2] a/b-c')).toBeDefined();
    expect(find('wha (really) 1+1=[2] a/b-c')).toBeUndefined();
  });

  it('searches regular expressions in the text and returns the match', () => {
    const find = compileTriggers(/order #(\d+)/);
    const match = find('about my order #1234, please');
    expect(match?.[1]).toBe('1234');
    expect(match?.index).toBe(9);
  });

  it('is stateless even for global and sticky expressions', () => {
    const find = compileTriggers([/hi/g, /yo/y]);
    expect(find('hi')).toBeDefined();
    expect(find('hi')).toBeDefined();
    expect(find('yo')).toBeDefined();
    expect(find('yo')).toBeDefined();
  });

  it('tries a list in order', () => {
    const find = compileTriggers(['stop', /^halt (\w+)/]);
    expect(find('STOP')?.[0]).toBe('STOP');
    expect(find('halt now')?.[1]).toBe('now');
    expect(find('go')).toBeUndefined();
  });

  it('refuses what is not a trigger', () => {
    expect(() => compileTriggers([])).toThrow(expect.objectContaining({ code: 'BOT_INVALID_TRIGGER' }));
    expect(() => compileTriggers([42 as unknown as string])).toThrow(
      expect.objectContaining({ code: 'BOT_INVALID_TRIGGER' }),
    );
  });
});
