import { describe, expect, it } from 'vitest';
import { botEnvironment } from './environment.js';

const base = { BIRDTALK_SERVER: 'wss://chat.example.com:7817/ws', BIRDTALK_BOT_PASSWORD: 'pw' };

describe('botEnvironment', () => {
  it('logs in by id, or registers by name', () => {
    expect(botEnvironment({ ...base, BIRDTALK_BOT_ID: '10001' }, '/state')).toEqual({
      server: base.BIRDTALK_SERVER,
      credentials: { method: 'id', userId: '10001', password: 'pw' },
      stateDir: '/state',
      tls: {},
      insecure: false,
    });
    expect(
      botEnvironment({ ...base, BIRDTALK_BOT_NAME: 'echo', BIRDTALK_BOT_STATE_DIR: '/s' }, '/x'),
    ).toMatchObject({
      credentials: { method: 'register', userName: 'echo', password: 'pw' },
      stateDir: '/s',
    });
  });

  it('reads the TLS settings', () => {
    const pin = 'ab'.repeat(32);
    expect(botEnvironment({ ...base, BIRDTALK_BOT_ID: '7', BIRDTALK_PIN: pin }, '/s').tls).toEqual({
      pinSha256: pin,
    });
    expect(botEnvironment({ ...base, BIRDTALK_BOT_ID: '7', BIRDTALK_INSECURE: '1' }, '/s')).toMatchObject({
      tls: { dangerouslyDisableTlsVerification: true },
      insecure: true,
    });
  });

  it('reads where to serve the health endpoint', () => {
    expect(botEnvironment({ ...base, BIRDTALK_BOT_ID: '7' }, '/s').health).toBeUndefined();
    expect(
      botEnvironment({ ...base, BIRDTALK_BOT_ID: '7', BIRDTALK_HEALTH_PORT: '9464' }, '/s').health,
    ).toEqual({
      port: 9464,
    });
    expect(
      botEnvironment(
        { ...base, BIRDTALK_BOT_ID: '7', BIRDTALK_HEALTH_PORT: '0', BIRDTALK_HEALTH_HOST: '0.0.0.0' },
        '/s',
      ).health,
    ).toEqual({ port: 0, host: '0.0.0.0' });
  });

  it.each([
    [{ BIRDTALK_BOT_PASSWORD: 'pw', BIRDTALK_BOT_ID: '1' }, /BIRDTALK_SERVER must be the server URL/],
    [{ ...base, BIRDTALK_SERVER: 'http://x' }, /BIRDTALK_SERVER must be the server URL/],
    [{ BIRDTALK_SERVER: base.BIRDTALK_SERVER, BIRDTALK_BOT_ID: '1' }, /BIRDTALK_BOT_PASSWORD is required/],
    [base, /set BIRDTALK_BOT_ID .* or BIRDTALK_BOT_NAME/],
    [{ ...base, BIRDTALK_BOT_ID: 'echo' }, /BIRDTALK_BOT_ID must be a user id/],
    [{ ...base, BIRDTALK_BOT_ID: '1', BIRDTALK_PIN: 'abc' }, /BIRDTALK_PIN must be a SHA-256 fingerprint/],
    [{ ...base, BIRDTALK_SERVER: 'wss://host:99999/ws' }, /BIRDTALK_SERVER must be the server URL/],
    [
      { ...base, BIRDTALK_BOT_ID: '1', BIRDTALK_HEALTH_PORT: 'http' },
      /BIRDTALK_HEALTH_PORT must be a TCP port/,
    ],
    [
      { ...base, BIRDTALK_BOT_ID: '1', BIRDTALK_HEALTH_PORT: '65536' },
      /BIRDTALK_HEALTH_PORT must be a TCP port/,
    ],
    [
      { ...base, BIRDTALK_BOT_ID: '1', BIRDTALK_HEALTH_PORT: '-1' },
      /BIRDTALK_HEALTH_PORT must be a TCP port/,
    ],
  ])('refuses %j', (env, message) => {
    expect(() => botEnvironment(env, '/s')).toThrow(message);
  });
});
