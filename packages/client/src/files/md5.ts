import { md5 } from '@noble/hashes/legacy.js';

/** An incremental MD5: `node:crypto`'s `createHash('md5')` and `@noble/hashes` both fit. */
export interface Md5Hash {
  update(data: Uint8Array): unknown;
  digest(): Uint8Array;
}

/** Makes a fresh {@link Md5Hash}. */
export type Md5Factory = () => Md5Hash;

/**
 * The portable MD5 (`@noble/hashes`), which runs in browsers too. The server only computes MD5, so uploads need it whatever its weakness; Node can inject `node:crypto`'s faster one.
 */
export const portableMd5: Md5Factory = () => md5.create();

/** Lower-case hex, as the server compares hashes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
