import { describe, expect, it } from 'vitest';
import { addressesBot, commandNames, parseCommand, splitArgs } from './command.js';

const me = { id: '10001', names: ['PingBot', 'Pinger'], commandPrefixes: ['/'] };

describe('parseCommand', () => {
  it('reads the name, the payload and the arguments', () => {
    expect(parseCommand('/echo hello  world ', ['/'])).toEqual({
      command: 'echo',
      mention: undefined,
      payload: 'hello  world',
      args: ['hello', 'world'],
    });
  });

  it('is case-insensitive and ignores leading white space', () => {
    expect(parseCommand('  /PING', ['/'])?.command).toBe('ping');
  });

  it('tolerates /name@bot and keeps the mention', () => {
    expect(parseCommand('/start@PingBot now', ['/'])).toMatchObject({
      command: 'start',
      mention: 'PingBot',
      payload: 'now',
    });
    expect(parseCommand('/start@ x', ['/'])).toMatchObject({
      command: 'start',
      mention: undefined,
      payload: 'x',
    });
  });

  it('needs white space or the end after the name', () => {
    expect(parseCommand('/ping', ['/'])?.payload).toBe('');
    expect(parseCommand('/ping\nsecond line', ['/'])?.payload).toBe('second line');
    expect(parseCommand('/ping@bot!', ['/'])).toMatchObject({ command: 'ping', mention: 'bot!' });
  });

  it('refuses texts that are not commands', () => {
    expect(parseCommand('ping', ['/'])).toBeUndefined();
    expect(parseCommand('/', ['/'])).toBeUndefined();
    expect(parseCommand('/ ping', ['/'])).toBeUndefined();
    expect(parseCommand('a /ping', ['/'])).toBeUndefined();
    expect(parseCommand('', ['/'])).toBeUndefined();
  });

  it('takes any of several prefixes, longest first', () => {
    expect(parseCommand('!roll 2d6', ['!', '/'])).toMatchObject({ command: 'roll', args: ['2d6'] });
    expect(parseCommand('//raw', ['//', '/'])?.command).toBe('raw');
    expect(parseCommand('/roll', ['!'])).toBeUndefined();
  });
});

describe('splitArgs', () => {
  it.each([
    ['', []],
    ['a b   c', ['a', 'b', 'c']],
    ['"two words" three', ['two words', 'three']],
    ['\'single quoted\' "double"', ['single quoted', 'double']],
    ['say "he said \\"hi\\""', ['say', 'he said "hi"']],
    ["it's", ['its']],
    ['a"b c"d', ['ab cd']],
    ['"unterminated quote', ['unterminated quote']],
    ['“phone quotes” work', ['phone quotes', 'work']],
    ['"" empty', ['', 'empty']],
    ['tab\tand\nnewline', ['tab', 'and', 'newline']],
    ["'no \\escape'", ['no \\escape']],
  ])('%j → %j', (payload, args) => {
    expect(splitArgs(payload)).toEqual(args);
  });
});

describe('addressesBot', () => {
  const parsed = (text: string) => parseCommand(text, ['/'])!;

  it('accepts commands without a name, and names of the bot in any case', () => {
    expect(addressesBot(parsed('/ping'), me)).toBe(true);
    expect(addressesBot(parsed('/ping@pingbot'), me)).toBe(true);
    expect(addressesBot(parsed('/ping@PINGER'), me)).toBe(true);
    expect(addressesBot(parsed('/ping@10001'), me)).toBe(true);
  });

  it('refuses commands addressed to another bot', () => {
    expect(addressesBot(parsed('/ping@otherbot'), me)).toBe(false);
  });

  it('accepts any name while the bot knows none of its own', () => {
    expect(addressesBot(parsed('/ping@anyone'), { id: undefined, names: [], commandPrefixes: ['/'] })).toBe(
      true,
    );
  });
});

describe('commandNames', () => {
  it('lower-cases names', () => {
    expect([...commandNames(['Start', 'HELP'])]).toEqual(['start', 'help']);
    expect([...commandNames('ping')]).toEqual(['ping']);
  });

  it.each([[[]], [''], ['two words'], ['a@b'], [[42 as unknown as string]]])('refuses %j', (names) => {
    expect(() => commandNames(names as string[])).toThrow(
      expect.objectContaining({ code: 'BOT_INVALID_COMMAND' }),
    );
  });
});
