/** A stored key-exchange token (the real server's Redis hash `bsut_<keyPrint>`, which never expires). */
export interface TokenRecord {
  /** The raw 32-byte shared secret. */
  key: Uint8Array;
  /** The symmetric key derived from it (the secret itself for AES-CTR and ChaCha20). */
  keyHash: Uint8Array;
  /** The bound user, 0 until a login or registration on the exchanging connection. */
  uid: bigint;
  /** The encType string exactly as the client sent it. */
  enc: string;
}

/** Tokens by keyPrint. */
export class TokenStore {
  readonly tokens = new Map<bigint, TokenRecord>();

  save(keyPrint: bigint, record: TokenRecord): void {
    if (keyPrint === 0n) return;
    this.tokens.set(keyPrint, { ...record });
  }

  load(keyPrint: bigint): TokenRecord | undefined {
    return this.tokens.get(keyPrint);
  }
}
