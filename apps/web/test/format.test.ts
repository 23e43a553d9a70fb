import { describe, expect, it } from 'vitest';
import { connectionLabel, formatBytes, formatTime, sameOriginServer, stateMark } from '../src/format.js';

describe('the view helpers', () => {
  it('mark our messages by state, with words for screen readers', () => {
    expect(stateMark('sent')).toEqual({ mark: '✓', label: 'sent' });
    expect(stateMark('delivered')).toEqual({ mark: '✓✓', label: 'delivered' });
    expect(stateMark('read')).toEqual({ mark: '✓✓ read', label: 'read' });
    expect(stateMark('failed').label).toBe('not sent');
    expect(stateMark(undefined)).toEqual({ mark: '', label: '' });
  });

  it('show sizes, times and the connection state in words', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MiB');
    expect(formatBytes(-1)).toBe('');
    const now = new Date(2030, 5, 10, 15, 0).getTime();
    expect(formatTime(new Date(2030, 5, 10, 9, 5).getTime(), now)).not.toMatch(/Jun/);
    expect(formatTime(new Date(2030, 5, 8, 9, 5).getTime(), now)).toMatch(/Jun/);
    expect(connectionLabel('ready')).toBe('connected');
    expect(connectionLabel('reconnecting')).toBe('reconnecting…');
    expect(connectionLabel('key-exchange')).toBe('connecting…');
    expect(connectionLabel('closed')).toBe('disconnected');
  });

  it('point the page at the BirdTalk server behind its own origin', () => {
    expect(sameOriginServer({ protocol: 'http:', host: '127.0.0.1:5173' })).toBe('ws://127.0.0.1:5173/ws');
    expect(sameOriginServer({ protocol: 'https:', host: 'chat.example.com' })).toBe(
      'wss://chat.example.com/ws',
    );
  });
});
