import { exitCodeFor } from '@birdtalk/bot/node';
import {
  InvalidArgumentError,
  ProtocolError,
  RefusedError,
  StateError,
  TimeoutError,
  TransportError,
} from '@birdtalk/errors';
import { describe, expect, it } from 'vitest';
import { CliError, describeError, errorDetails, usageError } from './errors.js';
import { ExitCode } from './exit-codes.js';

const server = 'wss://chat.example.com:7817/ws';

describe('describeError', () => {
  it.each([
    [
      new TransportError('TRANSPORT_CONNECT_FAILED', 'x', { details: { nodeCode: 'ENOTFOUND' } }),
      `cannot reach ${server}: the host name does not resolve`,
      ExitCode.CONNECTION,
    ],
    [
      new TransportError('TRANSPORT_TIMEOUT', 'x'),
      `cannot reach ${server}: no answer in time`,
      ExitCode.CONNECTION,
    ],
    [
      new TransportError('TRANSPORT_INVALID_URL', 'x'),
      `${server} is not a WebSocket URL; use ws://host:port/ws or wss://host:port/ws`,
      ExitCode.USAGE,
    ],
    [new ProtocolError('LOGIN_UNKNOWN_EMAIL', 'x'), 'no account has this e-mail address', ExitCode.AUTH],
    [new ProtocolError('SERVER_USER_DISABLED', 'x'), 'this account is disabled', ExitCode.AUTH],
    [
      new ProtocolError('CHAT_GROUP_NOT_FOUND', 'x'),
      'there is no group 10005 (or it is private)',
      ExitCode.FAILURE,
    ],
    [
      new ProtocolError('SERVER_MSG_CONTENT', 'x', { serverDetail: 'user not in db' }),
      'there is no user 10005',
      ExitCode.FAILURE,
    ],
    [
      new ProtocolError('SERVER_MSG_CONTENT', 'x', { serverDetail: 'odd' }),
      'the server refused: odd',
      ExitCode.FAILURE,
    ],
    [
      new RefusedError('REFUSED_JOIN_AUTH', 'joining an auth group crashes the server'),
      'not sent: joining an auth group crashes the server',
      ExitCode.FAILURE,
    ],
    [new InvalidArgumentError('INVALID_ARGUMENT', 'bad tags'), 'bad tags', ExitCode.USAGE],
    [new TimeoutError('late'), `${server} did not answer in time`, ExitCode.FAILURE],
    [new StateError('SESSION_CLOSED', 'x'), `the connection to ${server} was closed`, ExitCode.FAILURE],
  ])('%s', (error, message, exitCode) => {
    expect(describeError(error, { server, target: '10005' })).toEqual({
      code: error.code,
      message,
      exitCode,
    });
  });

  it('a refused login is a wrong password, or a rejected key when only the key was used', () => {
    const error = new ProtocolError('LOGIN_REJECTED', 'the server refused login', {
      cause: new ProtocolError('SERVER_MSG_CONTENT', 'x', { serverDetail: 'pwd is not correct' }),
    });
    expect(describeError(error).message).toBe('wrong user id, e-mail or password');
    expect(describeError(error, { keyOnly: true }).message).toMatch(/no longer accepts the stored key/);
    const unknown = new ProtocolError('LOGIN_REJECTED', 'x', {
      cause: new ProtocolError('SERVER_MSG_CONTENT', 'x', { serverDetail: "can't find user by id" }),
    });
    expect(describeError(unknown)).toMatchObject({
      message: 'no account has this user id',
      exitCode: ExitCode.AUTH,
    });
  });

  it('a closed session is described by what closed it, with its exit code', () => {
    const closed = (cause: Error) =>
      new StateError('SESSION_CLOSED', 'the session closed (gave-up)', { cause });
    expect(describeError(closed(new TransportError('TRANSPORT_TLS_PIN_MISMATCH', 'x')), { server })).toEqual({
      code: 'TRANSPORT_TLS_PIN_MISMATCH',
      message: `the TLS certificate of ${server} does not match --pin; check the fingerprint, someone may be in between`,
      exitCode: ExitCode.TLS,
    });
    expect(describeError(closed(new ProtocolError('LOGIN_REJECTED', 'x')), { keyOnly: true })).toMatchObject({
      message: expect.stringMatching(/no longer accepts the stored key/),
      exitCode: ExitCode.AUTH,
    });
  });

  it('gives the exit code a bot gives for the same error', () => {
    const errors = [
      new TransportError('TRANSPORT_CONNECT_FAILED', 'x'),
      new TransportError('TRANSPORT_TLS_UNTRUSTED', 'x'),
      new StateError('SESSION_CONNECTION_LOST', 'x'),
      new ProtocolError('HANDSHAKE_REFUSED', 'x'),
      new ProtocolError('HANDSHAKE_WRONG_ACCOUNT', 'x'),
      new ProtocolError('LOGIN_REJECTED', 'x'),
      new ProtocolError('SERVER_USER_DELETED', 'x'),
      new ProtocolError('CHAT_NOT_FRIEND', 'x'),
      new StateError('SESSION_CLOSED', 'x', { cause: new TransportError('TRANSPORT_TIMEOUT', 'x') }),
    ];
    for (const error of errors) expect(describeError(error).exitCode).toBe(exitCodeFor(error));
  });

  it('keeps the command line’s own errors as they are', () => {
    expect(describeError(usageError('bad'))).toEqual({
      code: 'CLI_USAGE',
      message: 'bad',
      exitCode: ExitCode.USAGE,
    });
    expect(describeError(new CliError('CLI_X', 'y', ExitCode.AUTH))).toEqual({
      code: 'CLI_X',
      message: 'y',
      exitCode: 3,
    });
  });

  it('turns file system errors into "path: reason"', () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/x'"), {
      code: 'EACCES',
      syscall: 'open',
      path: '/x',
    });
    expect(describeError(error)).toEqual({
      code: 'EACCES',
      message: '/x: permission denied',
      exitCode: ExitCode.FAILURE,
    });
  });

  it('anything else is an unexpected failure, in one line', () => {
    expect(describeError(new Error('boom'))).toEqual({
      code: 'UNEXPECTED',
      message: 'unexpected failure: boom',
      exitCode: ExitCode.FAILURE,
    });
  });

  it('details list the causes without stack frames', () => {
    const error = new ProtocolError('LOGIN_REJECTED', 'refused', {
      cause: new ProtocolError('SERVER_MSG_CONTENT', 'error 14', { details: { stage: 'login' } }),
    });
    expect(errorDetails(error)).toEqual([
      '  ProtocolError LOGIN_REJECTED: refused',
      '  ProtocolError SERVER_MSG_CONTENT: error 14 {"stage":"login"}',
    ]);
  });
});
