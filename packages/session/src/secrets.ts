import type { UserInfo } from '@birdtalk/proto';

/** What replaces a secret wherever one is found. */
export const REDACTED = '[redacted]';

/**
 * Map keys whose values are secrets wherever they appear: passwords (`pwd`, `Params.pwd`, and `wd` — the server
 * stores `Params.pwd` in memory with the characters `params.` trimmed from its left), handshake proofs
 * (`checkTokenData`, `tempKey`), shared keys and download signatures.
 */
const secretKeyPattern =
  /^(?:params\.)?(?:pwd|wd|pass|passwd|password|secret|sharedkey|shared_key|privatekey|checktokendata|checktoken|token|tempkey|sign|signature|verificationcode)$/i;

/** Whether a map key or field name names a secret. */
export function isSecretKey(key: string): boolean {
  return secretKeyPattern.test(key);
}

/** Secrets shorter than this are only redacted where a whole value equals them, never inside longer text. */
const minSubstringLength = 4;
/** Transient secrets (check tokens, codes) kept for scrubbing; older ones are forgotten first. */
const maxTransientSecrets = 32;

/**
 * The secrets one session knows (its password, the check tokens and codes it sent) and the rules that remove
 * them from what the server echoes back.
 *
 * The server repeats secrets in several replies — the wrong-password error carries `{field:"pwd",
 * value:<the password>}`, a refused token login says `check data error: <the token>`, registration replies
 * echo `params.pwd` — so everything that leaves the session (errors, events, log
 * lines) goes through these functions first.
 */
export class SecretScrubber {
  // Short arrays made at the first secret rather than two sets per session: most sessions hold one check token and
  // at most one password, and an empty set costs more than everything else the scrubber keeps.
  #pinned: string[] | undefined;
  #transient: string[] | undefined;

  /** Remembers a long-lived secret (a password) until {@link SecretScrubber.forget}. */
  pin(secret: string | undefined): void {
    if (secret === undefined || secret === '') return;
    if (!this.#pinned?.includes(secret)) this.#pinned = this.#pinned?.concat(secret) ?? [secret];
  }

  /** Remembers a short-lived secret (a check token, a verification code); only the newest few are kept. */
  remember(secret: string | undefined): void {
    if (secret === undefined || secret === '') return;
    // Built anew each time (a handful of entries, a few times per connection): a literal or concat() holds exactly
    // its entries, where push() would reserve room for 17.
    const kept = this.#transient?.filter((known) => known !== secret) ?? [];
    this.#transient = kept.length >= maxTransientSecrets ? kept.slice(1).concat(secret) : kept.concat(secret);
  }

  /** Forgets a short-lived secret that is no longer in use; a pinned one stays. */
  release(secret: string): void {
    remove(this.#transient, secret);
  }

  /** Forgets a pinned secret (after a password change, say). */
  forget(secret: string): void {
    remove(this.#pinned, secret);
    remove(this.#transient, secret);
  }

  /** Free text (an error detail): every known secret is cut out, wherever it appears. */
  text(text: string): string {
    let out = text;
    for (const secret of this.#all()) {
      if (out === secret) return REDACTED;
      if (secret.length >= minSubstringLength && out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  /** A single value (an id, a name): redacted only when it is a known secret as a whole. */
  value(value: string): string {
    for (const secret of this.#all()) if (value === secret) return REDACTED;
    return value;
  }

  /**
   * A string map (params of an error, a user, a request): secret-named keys are redacted, values equal to a
   * known secret are redacted, and `{field: <secret name>, value}` pairs — the server's way of naming the
   * field it refused — lose their value.
   */
  params(params: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(params)) {
      out[key] = isSecretKey(key) ? REDACTED : this.value(value);
    }
    const field = params.field;
    if (field !== undefined && isSecretKey(field) && 'value' in out) out.value = REDACTED;
    return out;
  }

  /**
   * A deep copy of a decoded message for a debug log line: secret-named keys and known secret values are
   * redacted at any depth (arrays included), byte arrays are shown as their length.
   */
  forLog(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.value(value);
    if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
    if (typeof value !== 'object' || value === null) return value;
    if (depth > 8) return '<deep>';
    if (Array.isArray(value)) return value.map((item) => this.forLog(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      out[key] = isSecretKey(key) ? REDACTED : this.forLog(item, depth + 1);
    }
    const field = (value as { field?: unknown }).field;
    if (typeof field === 'string' && isSecretKey(field) && 'value' in out) out.value = REDACTED;
    return out;
  }

  *#all(): Iterable<string> {
    if (this.#pinned !== undefined) yield* this.#pinned;
    if (this.#transient !== undefined) yield* this.#transient;
  }
}

/** Removes `secret` from `list`, if it is there. */
function remove(list: string[] | undefined, secret: string): void {
  const index = list?.indexOf(secret) ?? -1;
  if (index >= 0) list!.splice(index, 1);
}

/**
 * A user as the application should see it: secret params (the server echoes `params.pwd` in registration
 * replies) removed.
 */
export function sanitizeUser(user: UserInfo): UserInfo {
  const secretKeys = Object.keys(user.params).filter(isSecretKey);
  if (secretKeys.length === 0) return user;
  const params: Record<string, string> = { ...user.params };
  for (const key of secretKeys) delete params[key];
  return { ...user, params };
}
