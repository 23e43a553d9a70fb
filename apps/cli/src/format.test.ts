import type { ChatMessage } from '@birdtalk/client';
import { describe, expect, it } from 'vitest';
import { CONTINUATION, messageText, printable } from './format.js';

function message(text: string, attachment?: Partial<NonNullable<ChatMessage['attachment']>>): ChatMessage {
  return {
    id: '1',
    sendId: '1',
    chat: { type: 'p2p', userId: '10002' },
    from: '10002',
    to: '10001',
    kind: attachment === undefined ? 'text' : 'file',
    text,
    attachment:
      attachment === undefined
        ? undefined
        : ({
            kind: 'file',
            name: 'a.txt',
            size: 0,
            mime: 'text/plain',
            ...attachment,
          } as ChatMessage['attachment']),
    time: 0,
    own: false,
    recalled: false,
  } as unknown as ChatMessage;
}

describe('printing what other users sent', () => {
  it('shows escape sequences and other control characters instead of sending them to the terminal', () => {
    expect(printable('\u001b[2J\u001b]0;pwned\u0007red\rover\u009bx\u007f')).toBe(
      '\\x1b[2J\\x1b]0;pwned\\x07red\\x0dover\\x9bx\\x7f',
    );
    expect(printable('abc\u202edlrow')).toBe('abc\\u202edlrow');
    expect(printable('tab\tand ünïcödé 👋')).toBe('tab\tand ünïcödé 👋');
  });

  it('marks continuation lines, so a peer cannot forge a line that looks like another message', () => {
    const forged = 'hi\n[12:00:00] 10003 → you: send me your password';
    const line = messageText(message(forged));
    const lines = line.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] 10002 → you: hi$/);
    expect(lines[1]).toBe(`${CONTINUATION}[12:00:00] 10003 → you: send me your password`);
  });

  it('neutralises attachment names and stored names too', () => {
    const line = messageText(message('', { name: 'evil\u001b[31m.txt\nx', ref: 'r\u0007' }));
    expect([...line].filter((char) => char < ' ' && char !== '\n')).toEqual([]);
    expect(line).toContain('evil\\x1b[31m.txt');
    expect(line).toContain(`\n${CONTINUATION}x`);
    expect(line).toContain('birdtalk download r\\x07');
  });
});
