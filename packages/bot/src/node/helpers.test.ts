import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, ProtocolError, StateError, TransportError } from '@birdtalk/errors';
import { describe, expect, it } from 'vitest';
import { createBot } from '../bot.js';
import { createTestClient } from '../testing/test-client.js';
import { ACCOUNT_FILE, credentialsFor, recordRegistration, rememberRegistration } from './account.js';
import { connectionProblem, describeStartupError } from './describe-error.js';
import { BOT_CONFIG_INVALID } from './environment.js';
import { BotExitCode, exitCodeFor } from './exit-codes.js';
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

describe('recording a registration', () => {
  it('writes the account as soon as it is registered, and stop() waits for the record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bot-account-'));
    const client = createTestClient();
    const bot = createBot(client);
    const recorded: string[] = [];
    recordRegistration(bot, dir, 'echo', (userId) => recorded.push(userId));
    await bot.start();
    // Registered, then stopped at once (SIGINT right after the login): the record must still be complete.
    void client.emit('registered', { user: { userId: '10042' } as never });
    await bot.stop();
    expect(recorded).toEqual(['10042']);
    expect(credentialsFor(dir, { method: 'register', userName: 'echo', password: 'pw' })).toEqual({
      method: 'id',
      userId: '10042',
      password: 'pw',
    });
  });
});

describe('startup errors in one sentence', () => {
  const server = 'wss://chat.example.com:7817/ws';
  const env = { userId: 'BIRDTALK_BOT_ID', password: 'BIRDTALK_BOT_PASSWORD', pin: 'BIRDTALK_PIN' };
  const unknownId = new ProtocolError('LOGIN_REJECTED', 'refused', { serverDetail: "can't find user by id" });
  const refused = new ProtocolError('LOGIN_REJECTED', 'the server refused login: error 14');

  it('names the setting to change, when the program says what its settings are called', () => {
    expect(describeStartupError(new TransportError('TRANSPORT_TLS_UNTRUSTED', 'x'), server, env)).toBe(
      `cannot reach ${server}: its TLS certificate is not trusted (self-signed or expired); pin its SHA-256 fingerprint with BIRDTALK_PIN`,
    );
    expect(describeStartupError(new TransportError('TRANSPORT_TLS_PIN_MISMATCH', 'x'), server, env)).toBe(
      `cannot reach ${server}: its TLS certificate does not match the pin in BIRDTALK_PIN`,
    );
    expect(describeStartupError(unknownId, server, env)).toBe(
      'the server refused the login: no account has this user id (BIRDTALK_BOT_ID)',
    );
    expect(describeStartupError(refused, server, env)).toBe(
      'the server refused the login: wrong user id (BIRDTALK_BOT_ID) or password (BIRDTALK_BOT_PASSWORD)',
    );
  });

  it('names no setting it was not told about', () => {
    for (const error of [unknownId, refused, new TransportError('TRANSPORT_TLS_UNTRUSTED', 'x')]) {
      expect(describeStartupError(error, server)).not.toMatch(/BIRDTALK_/);
    }
    expect(describeStartupError(refused, undefined)).toBe(
      'the server refused the login: wrong user id or password',
    );
  });

  it('says why a connection failed', () => {
    const failed = (details: Record<string, unknown>) =>
      new TransportError('TRANSPORT_CONNECT_FAILED', 'Could not connect', { details });
    expect(describeStartupError(failed({ nodeCode: 'ECONNREFUSED' }), server)).toBe(
      `cannot reach ${server}: connection refused`,
    );
    expect(describeStartupError(failed({ nodeCode: 'ENOTFOUND' }), undefined)).toBe(
      'cannot reach the server: the host name does not resolve',
    );
    expect(connectionProblem(failed({ status: 404 }))).toBe(
      'HTTP 404 on the WebSocket path (is the path right?)',
    );
    expect(connectionProblem(failed({}))).toBe('the connection failed');
    expect(describeStartupError(new Error('plain'), server)).toBe('plain');
  });
});

describe('exit codes', () => {
  const refused = new ProtocolError('LOGIN_REJECTED', 'refused');
  it('say why: configuration 2, login 3, unreachable 4, TLS 5, anything else 1', () => {
    expect(exitCodeFor(new InvalidArgumentError(BOT_CONFIG_INVALID, 'x'))).toBe(BotExitCode.CONFIG);
    expect(exitCodeFor(new InvalidArgumentError('INVALID_ARGUMENT', 'x'))).toBe(2);
    expect(exitCodeFor(refused)).toBe(3);
    expect(exitCodeFor(new TransportError('TRANSPORT_CONNECT_FAILED', 'x'))).toBe(4);
    expect(exitCodeFor(new TransportError('TRANSPORT_TLS_PIN_MISMATCH', 'x'))).toBe(5);
    // A closed session names the failure that closed it as its cause.
    const closed = new StateError('SESSION_CLOSED', 'closed', { cause: refused });
    expect(exitCodeFor(closed)).toBe(3);
    expect(exitCodeFor(new Error('boom'))).toBe(BotExitCode.FAILURE);
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
