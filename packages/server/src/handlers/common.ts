import { ErrorMsgType } from '@birdtalk/proto';
import type { ServerContext } from '../context.js';
import { HazardSignal } from '../hazards.js';
import { type Session, SessionStatus } from '../session.js';
import { sendError } from '../wire.js';

/**
 * The real server's `checkUserLogin`: the user must be loaded and the connection must hold the `Ok` bit; a
 * disabled user gets `ErrTDisabled` instead. Sends the error itself.
 */
export function checkUserLogin(ctx: ServerContext, session: Session): boolean {
  const user = ctx.store.users.cached(session.userId);
  if (user !== undefined) {
    if (user.info.params?.status === 'disabled') {
      sendError(ctx, session, ErrorMsgType.ErrTDisabled, 'user is disabled.');
      return false;
    }
    if (session.hasStatus(SessionStatus.Ok)) return true;
  }
  sendError(ctx, session, ErrorMsgType.ErrTNotLogin, 'should login first.');
  return false;
}

/** Friend and group operations repeat the not-logged-in error after `checkUserLogin`'s own. */
export function checkUserLoginTwice(ctx: ServerContext, session: Session): boolean {
  if (checkUserLogin(ctx, session)) return true;
  sendError(ctx, session, ErrorMsgType.ErrTNotLogin, 'should login first.');
  return false;
}

/** The server's e-mail pattern (`utils.IsValidEmail`). */
export function isValidEmail(email: string): boolean {
  return /^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$/.test(email);
}

/** Go's `strings.TrimLeft(s, cutset)`: strips leading characters found in `cutset`. */
export function trimLeftChars(text: string, cutset: string): string {
  let i = 0;
  while (i < text.length && cutset.includes(text[i]!)) i += 1;
  return text.slice(i);
}

/** Converts an int8 the way Go's `int8(x)` does. */
export function toInt8(value: number): number {
  return (value << 24) >> 24;
}

/**
 * Called once the server has answered `waitcode` for a flow that mails a code: the stock server's mail worker
 * dies on its Windows-only template path, taking the process with it, unless the server is configured with
 * working mail.
 */
export function mailCode(ctx: ServerContext, flow: string): void {
  if (!ctx.config.mailWorks) throw new HazardSignal('mail-code', `the server mails a code for ${flow}`);
}
