import { isBirdTalkError, walkCauses } from '@birdtalk/errors';

/**
 * One line for a person: why a bot run from the environment ({@link botEnvironment}) could not start or had to
 * stop, naming the variable to change where one is at fault.
 */
export function describeStartupError(error: unknown, server: string): string {
  if (!isBirdTalkError(error)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'LOGIN_REJECTED': {
      const detail = serverDetail(error);
      return detail !== undefined && /find user/i.test(detail)
        ? 'no account has this user id (BIRDTALK_BOT_ID)'
        : 'the server refused the login: wrong BIRDTALK_BOT_ID or BIRDTALK_BOT_PASSWORD';
    }
    case 'TRANSPORT_CONNECT_FAILED':
      return `cannot reach ${server}`;
    case 'TRANSPORT_TLS_UNTRUSTED':
      return `the TLS certificate of ${server} is not trusted; set BIRDTALK_PIN to its SHA-256 fingerprint`;
    case 'TRANSPORT_TLS_PIN_MISMATCH':
      return `the TLS certificate of ${server} does not match BIRDTALK_PIN`;
    default:
      return error.message;
  }
}

function serverDetail(error: unknown): string | undefined {
  for (const cause of walkCauses(error)) {
    const detail = (cause as { serverDetail?: unknown }).serverDetail;
    if (typeof detail === 'string' && detail !== '') return detail;
  }
  return undefined;
}
