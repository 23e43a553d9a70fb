import { describe, expect, it } from 'vitest';
import { REDACTED, SecretScrubber, sanitizeUser } from './secrets.js';

describe('SecretScrubber', () => {
  it('removes the password the server echoes in a wrong-password error (§5.4)', () => {
    const scrubber = new SecretScrubber();
    scrubber.pin('hunter2');
    expect(scrubber.params({ field: 'pwd', value: 'hunter2' })).toEqual({ field: 'pwd', value: REDACTED });
    // Even a password the session does not know is hidden when the server names the field.
    expect(new SecretScrubber().params({ field: 'params.pwd', value: 'other' })).toEqual({
      field: 'params.pwd',
      value: REDACTED,
    });
    expect(scrubber.params({ field: 'userid', value: '10001' })).toEqual({ field: 'userid', value: '10001' });
  });

  it('cuts a check token out of "check data error: <token>" (§4.4)', () => {
    const scrubber = new SecretScrubber();
    scrubber.remember('c2VjcmV0LXRva2Vu');
    expect(scrubber.text('check data error: c2VjcmV0LXRva2Vu')).toBe(`check data error: ${REDACTED}`);
  });

  it('redacts short secrets only as whole values, so ids stay intact', () => {
    const scrubber = new SecretScrubber();
    scrubber.pin('123');
    expect(scrubber.text('user 1234567')).toBe('user 1234567');
    expect(scrubber.value('123')).toBe(REDACTED);
  });

  it('forgets old transient secrets but keeps pinned ones', () => {
    const scrubber = new SecretScrubber();
    scrubber.pin('the-password');
    for (let i = 0; i < 40; i += 1) scrubber.remember(`token-number-${i}`);
    expect(scrubber.text('token-number-0')).toBe('token-number-0');
    expect(scrubber.text('token-number-39')).toBe(REDACTED);
    expect(scrubber.text('the-password')).toBe(REDACTED);
  });

  it('keeps a re-remembered secret as the newest, and forgets released and forgotten ones', () => {
    const scrubber = new SecretScrubber();
    for (let i = 0; i < 32; i += 1) scrubber.remember(`token-number-${i}`);
    scrubber.remember('token-number-0');
    scrubber.remember('token-number-32');
    expect(scrubber.text('token-number-0')).toBe(REDACTED);
    expect(scrubber.text('token-number-1')).toBe('token-number-1');
    scrubber.release('token-number-0');
    expect(scrubber.text('token-number-0')).toBe('token-number-0');
    scrubber.pin('the-password');
    scrubber.pin('the-password');
    scrubber.forget('the-password');
    expect(scrubber.text('the-password')).toBe('the-password');
  });

  it('prepares frames for logs: secret keys, known values, byte arrays, nested arrays', () => {
    const scrubber = new SecretScrubber();
    scrubber.pin('hunter2');
    const logged = scrubber.forLog({
      userOpRet: { users: [{ userId: '1', params: { pwd: 'hunter2', nick: 'x' } }] },
      keyEx: { tempKey: new Uint8Array(20), pubKey: new Uint8Array(3) },
      hello: { params: { checkTokenData: 'abc' } },
      code: 14,
      other: 'hunter2',
    });
    expect(logged).toEqual({
      userOpRet: { users: [{ userId: '1', params: { pwd: REDACTED, nick: 'x' } }] },
      keyEx: { tempKey: REDACTED, pubKey: '<3 bytes>' },
      hello: { params: { checkTokenData: REDACTED } },
      code: 14,
      other: REDACTED,
    });
    expect(JSON.stringify(logged)).not.toContain('hunter2');
  });
});

describe('sanitizeUser', () => {
  it('drops the password a registration reply echoes (§13.18)', () => {
    const user = { userId: '1', params: { pwd: 'x', Params: 'y', 'Params.pwd': 'z' } } as never;
    expect((sanitizeUser(user) as { params: object }).params).toEqual({ Params: 'y' });
  });
});

describe('the password-change echo', () => {
  it('treats the server trimmed key `wd` as a password', async () => {
    const { isSecretKey } = await import('./secrets.js');
    expect(isSecretKey('wd')).toBe(true);
    expect(isSecretKey('Params.pwd')).toBe(true);
    expect(isSecretKey('window')).toBe(false);
  });
});
