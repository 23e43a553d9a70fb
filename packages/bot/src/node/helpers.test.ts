import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProtocolError, TransportError } from '@birdtalk/errors';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_FILE, credentialsFor, rememberRegistration } from './account.js';
import { describeStartupError } from './describe-error.js';
import { createLineLogger } from './line-logger.js';

describe('the registered account', () => {
  it('turns a registration into a login by id once the account exists, and keeps no password', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bot-account-'));
    const register = { method: 'register', userName: 'echo', password: 'pw' } as const;
    expect(credentialsFor(dir, register)).toEqual(register);
    await rememberRegistration(dir, 'echo', '10007');
    expect(credentialsFor(dir, register)).toEqual({ method: 'id', userId: '10007', password: 'pw' });
    const file = await readFile(join(dir, ACCOUNT_FILE), 'utf8');
    expect(file).not.toContain('pw');
    expect((await stat(join(dir, ACCOUNT_FILE))).mode & 0o777).toBe(0o600);
    // Another name, or a damaged file, means: register.
    expect(credentialsFor(dir, { ...register, userName: 'other' })).toMatchObject({ method: 'register' });
    await writeFile(join(dir, ACCOUNT_FILE), '{not json');
    expect(credentialsFor(dir, register)).toEqual(register);
    const byId = { method: 'id', userId: '5', password: 'x' } as const;
    expect(credentialsFor(dir, byId)).toBe(byId);
  });
});

describe('startup errors in one sentence', () => {
  it('names the setting to change', () => {
    const server = 'wss://chat.example.com:7817/ws';
    expect(describeStartupError(new TransportError('TRANSPORT_TLS_UNTRUSTED', 'x'), server)).toContain(
      'BIRDTALK_PIN',
    );
    expect(describeStartupError(new TransportError('TRANSPORT_TLS_PIN_MISMATCH', 'x'), server)).toContain(
      'does not match BIRDTALK_PIN',
    );
    expect(describeStartupError(new TransportError('TRANSPORT_CONNECT_FAILED', 'x'), server)).toBe(
      `cannot reach ${server}`,
    );
    const unknownId = new ProtocolError('LOGIN_REJECTED', 'refused', {
      serverDetail: "can't find user by id",
    });
    expect(describeStartupError(unknownId, server)).toContain('BIRDTALK_BOT_ID');
    expect(describeStartupError(new ProtocolError('LOGIN_REJECTED', 'refused'), server)).toContain(
      'PASSWORD',
    );
    expect(describeStartupError(new Error('plain'), server)).toBe('plain');
  });
});

describe('the line logger', () => {
  it('writes one line per record at or above its level, fields as JSON, secrets redacted', () => {
    const lines: string[] = [];
    const logger = createLineLogger({ write: (text: string) => lines.push(text) }, 'info');
    logger.debug('hidden');
    logger.info('ready', { userId: '10001', password: 'pw', big: 5n });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z info ready \{"userId":"10001","password":"\[redacted\]","big":"5"\}\n$/,
    );
    expect(createLineLogger({ write: () => {} }, 'nonsense').isLevelEnabled?.('info')).toBe(true);
  });
});
