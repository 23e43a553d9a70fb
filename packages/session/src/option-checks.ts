import { InvalidArgumentError } from '@birdtalk/errors';
import { type Int64Input, toInt64 } from '@birdtalk/proto';
import type { SessionDeps, SessionOptions } from './options.js';

/**
 * Refuses options that cannot work, before anything starts.
 *
 * @throws InvalidArgumentError naming the option.
 */
export function checkOptions(options: SessionOptions, deps: SessionDeps): void {
  if (typeof options?.url !== 'string' || options.url === '') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'options.url is required');
  }
  if (typeof deps?.connector !== 'function') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'deps.connector is required');
  }
  for (const [name, value] of Object.entries(options)) {
    // Every number option is a duration or a count: finite (or, for the attempt limit, null) and not negative.
    if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `options.${name} must be a finite number ≥ 0`);
    }
  }
  for (const name of ['maxKeyExchangeAttempts', 'maxCodeAttempts'] as const) {
    const value = options[name];
    // Zero attempts can never succeed: the session would reconnect for ever.
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `options.${name} must be a whole number ≥ 1`);
    }
  }
  const inFlight = options.maxFramesInFlight;
  // Two frames are the least a request needs (itself and its fence); past 100 the server's 128-frame send
  // queue would overflow under a slow reader.
  if (inFlight !== undefined && !(Number.isInteger(inFlight) && inFlight >= 2 && inFlight <= 100)) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'options.maxFramesInFlight must be a whole number from 2 to 100',
    );
  }
  checkCredentials(options.credentials);
}

function checkCredentials(credentials: SessionOptions['credentials']): void {
  switch (credentials?.method) {
    case 'id':
      if (!isUserId(credentials.userId))
        throw new InvalidArgumentError('INVALID_ID', 'credentials.userId is not a user id');
      if (typeof credentials.password !== 'string')
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'a password is required');
      return;
    case 'email':
      if (typeof credentials.password !== 'string')
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'a password is required');
      if (typeof credentials.email !== 'string' || credentials.email === '') {
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'an e-mail address is required');
      }
      return;
    case 'email-code':
      if (typeof credentials.email !== 'string' || credentials.email === '') {
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'an e-mail address is required');
      }
      return;
    case 'register':
      if (typeof credentials.password !== 'string' || typeof credentials.userName !== 'string') {
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'registration needs a user name and a password');
      }
      return;
    default:
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        'options.credentials.method must be id, email, email-code or register',
      );
  }
}

function isUserId(value: Int64Input): boolean {
  try {
    return toInt64(value) !== '0';
  } catch {
    return false;
  }
}
