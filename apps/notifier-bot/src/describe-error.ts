import { isBirdTalkError, walkCauses } from '@birdtalk/errors';

/** One line for a person: why the bot could not start or had to stop. */
export function describeError(error: unknown, server: string): string {
  if (!isBirdTalkError(error)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'LOGIN_REJECTED': {
      const detail = serverDetail(error);
      return detail !== undefined && /find user/i.test(detail)
        ? 'no account has this user id (BIRDTALK_BOT_ID)'
        : 'the server refused the login: wrong BIRDTALK_BOT_ID or BIRDTALK_BOT_PASSWORD';
    }
    case 'GROUP_NOT_FOUND':
      return `${error.message.replace(/^no visible group/, 'there is no group')} (or it is private and the bot is not a member); check BIRDTALK_NOTIFY_GROUP`;
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
