import { describe, expect, it } from 'vitest';
import {
  AbortError,
  BirdTalkError,
  DecodeError,
  hasErrorName,
  isBirdTalkError,
  ProtocolError,
  TimeoutError,
  walkCauses,
} from './index.js';

describe('BirdTalkError', () => {
  it('carries a stable code, a cause and details', () => {
    const cause = new Error('root');
    const error = new DecodeError('DECODE_TOO_LARGE', 'frame too large', { cause, details: { size: 11 } });
    expect(error.name).toBe('DecodeError');
    expect(error.code).toBe('DECODE_TOO_LARGE');
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ size: 11 });
    expect(error).toBeInstanceOf(BirdTalkError);
  });

  it('keeps the server code of a protocol error', () => {
    const error = new ProtocolError('SERVER_ERROR', 'refused', {
      serverCode: 14,
      serverDetail: 'x',
      request: 'login',
    });
    expect([error.serverCode, error.serverDetail, error.request]).toEqual([14, 'x', 'login']);
  });

  it('gives timeouts and aborts fixed codes', () => {
    expect(new TimeoutError('late').code).toBe('TIMEOUT');
    expect(new AbortError().code).toBe('ABORTED');
  });
});

describe('guards', () => {
  it('recognise errors by name and code, not by prototype', () => {
    const foreign = { name: 'DecodeError', code: 'DECODE_MALFORMED', message: 'from another copy' };
    expect(isBirdTalkError(foreign)).toBe(true);
    expect(isBirdTalkError(foreign, 'DECODE_MALFORMED')).toBe(true);
    expect(isBirdTalkError(foreign, 'DECODE_TOO_LARGE')).toBe(false);
    expect(hasErrorName(foreign, 'DecodeError')).toBe(true);
    expect(hasErrorName(foreign, 'CryptoError')).toBe(false);
  });

  it('reject look-alikes', () => {
    expect(isBirdTalkError(new Error('plain'))).toBe(false);
    expect(isBirdTalkError({ name: 'TypeError', code: 'X' })).toBe(false);
    expect(isBirdTalkError(null)).toBe(false);
    expect(isBirdTalkError('DecodeError')).toBe(false);
  });

  it('walk a cause chain and stop at cycles', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    const c = new TimeoutError('c', { cause: b });
    expect([...walkCauses(c)]).toEqual([c, b, a]);
    (a as { cause?: unknown }).cause = c;
    expect([...walkCauses(c)]).toHaveLength(3);
  });
});
