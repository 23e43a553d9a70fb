import type { Connection } from '../connection.js';
import type { ScenarioContext } from '../context.js';

/** How {@link fastRelogin} bends its Hello away from the valid one, for the scenarios that test refusals. */
export interface FastReloginOptions {
  /** Close the key exchange's own connection first (default), as a client that comes back later does. */
  readonly closeFirst?: boolean;
  /** Encrypt the check token for a time this far from the one sent (default 0: a valid token). */
  readonly tokenSkewMs?: number;
  /** Sends this print instead of the one the key exchange produced. */
  readonly keyPrint?: (issued: string) => string;
}

/**
 * Sends, on a new connection `label`, the Hello of a fast re-login with the key of `from`'s key exchange: its
 * print and a check token made of the current time, encrypted with the shared secret.
 */
export async function fastRelogin(
  ctx: ScenarioContext,
  from: Connection,
  label: string,
  options: FastReloginOptions = {},
): Promise<Connection> {
  const { keyPrint, secret, enc } = from;
  await ctx.settle();
  if (options.closeFirst ?? true) {
    await from.close();
    await ctx.settle();
  }
  const next = await ctx.connect(label);
  const tm = ctx.nowMs();
  await next.hello({
    keyPrint: options.keyPrint === undefined ? keyPrint : options.keyPrint(String(keyPrint)),
    token: ctx.crypto.checkToken(enc, secret!, String(tm + (options.tokenSkewMs ?? 0))),
    tm: String(tm),
  });
  return next;
}
