/**
 * The cryptography of the BirdTalk protocol, byte-compatible with the Go server: the P-256 key exchange (PEM
 * public keys, X-coordinate secrets, signed keyPrints), AES-256-CTR and ChaCha20 with their IV-prefixed
 * layouts, the handshake's temp keys and check tokens, signed download tokens, and key stores.
 *
 * Everything here runs in browsers as well as Node: key stores in memory and in a browser's Web Storage; the
 * file-backed key store lives in the Node-only `@birdtalk/crypto/file-store`.
 *
 * @example
 * ```ts
 * import { defaultEcdh, keyPrintOf, makeCheckToken, publicKeyFromPem, serverAcceptsSecret } from '@birdtalk/crypto';
 *
 * const ours = await defaultEcdh().generateKeyPair();
 * // send ours.publicKeyPem in stage 1, receive the server's PEM in stage 2
 * const secret = await ours.deriveSecret(publicKeyFromPem(serverPem));
 * if (!serverAcceptsSecret(secret)) {
 *   // the server answered error 11: start again with a new key pair
 * }
 * const keyPrint = keyPrintOf(secret);
 * const checkTokenData = makeCheckToken('AES-CTR', secret, Date.now());
 * ```
 *
 * @packageDocumentation
 */

export { decrypt, encrypt, encryptWithIv, ivLengthOf, symmetricKeyLength } from './cipher.js';
export {
  type DownloadGrant,
  makeDownloadToken,
  makeDownloadTokenWithNonce,
  openDownloadToken,
} from './download-token.js';
export {
  computeSharedSecret,
  keyPrintOf,
  serverAcceptsSecret,
  serverSecretOf,
  sharedSecretLength,
} from './ecdh.js';
export {
  createPureEcdh,
  defaultEcdh,
  type EcdhProvider,
  type EphemeralKeyPair,
  keyPairFromPrivateKey,
} from './ecdh-provider.js';
export { type EncType, isEncType, normalizeEncType } from './enc-type.js';
export { CryptoErrorCode } from './errors.js';
export { makeCheckToken, makeTempKey, openCheckToken, openTempKey } from './handshake-token.js';
export {
  checkStoredKey,
  createMemoryKeyStore,
  type KeyStore,
  type StoredKey,
  storedKeyProblem,
} from './key-store.js';
export { publicKeyFromPem, publicKeyToPem } from './pem.js';
export { uncompressedPointLength } from './point.js';
export {
  createWebStorageKeyStore,
  DEFAULT_WEB_STORAGE_KEY_PREFIX,
  type WebStorageKeyStoreOptions,
  type WebStorageLike,
} from './web-storage-store.js';
export { createWebCryptoEcdh } from './webcrypto-ecdh.js';
