/** The Redis keys of one account. */
export interface AccountKeys {
  readonly positions: string;
  readonly seen: string;
  readonly seenSeq: string;
  /** The handling marks: `m:` keys in a sorted set (all scored 0), read with ZRANGE like the seen window. */
  readonly handling: string;
  readonly outbox: string;
  readonly sendIdMark: string;
  readonly values: string;
  /** The highest fencing token a write was accepted with; never expires. */
  readonly fence: string;
  /** The lease: who holds the account, until when (the key's TTL). */
  readonly lease: string;
  /** The source of fencing tokens; never expires, never decreases. */
  readonly leaseCounter: string;
}

/**
 * The keys of an account under `prefix`. All of them share the hash tag `{<prefix>:<account>}`, so they live in
 * one Redis Cluster slot and one script may touch several of them atomically.
 */
export function accountKeys(prefix: string, account: string): AccountKeys {
  const base = `{${prefix}:${account}}`;
  return {
    positions: `${base}:positions`,
    seen: `${base}:seen`,
    seenSeq: `${base}:seen-seq`,
    handling: `${base}:handling`,
    outbox: `${base}:outbox`,
    sendIdMark: `${base}:send-id-mark`,
    values: `${base}:values`,
    fence: `${base}:fence`,
    lease: `${base}:lease`,
    leaseCounter: `${base}:lease-counter`,
  };
}
