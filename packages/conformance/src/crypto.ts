import {
  defaultEcdh,
  type EcdhProvider,
  type EncType,
  type EphemeralKeyPair,
  keyPrintOf,
  makeCheckToken,
  makeTempKey,
  openTempKey,
  publicKeyFromPem,
} from '@birdtalk/crypto';

/** The client side of the server's arithmetic, as scenarios need it. */
export interface ScenarioCrypto {
  /** A fresh P-256 key pair (its PEM is what stage 1 carries). */
  newKey(): Promise<EphemeralKeyPair>;
  /** The shared secret with the PEM public key of a stage 2. Rejects for a key that is not a P-256 point. */
  shared(key: EphemeralKeyPair, peerPem: string | Uint8Array): Promise<Uint8Array>;
  /** The keyPrint of a shared secret (signed little-endian int64 of its first 8 bytes, decimal). */
  keyPrint(secret: Uint8Array): string;
  /** A stage-3 `tempKey`: Enc(secret, decimal tm). */
  tempKey(enc: EncType, secret: Uint8Array, tm: string): Uint8Array;
  /** The text inside a stage-2 `tempKey`. */
  openTempKey(enc: EncType, secret: Uint8Array, tempKey: Uint8Array): string;
  /** A fast re-login's `checkTokenData`: base64 of Enc(secret, decimal tm). */
  checkToken(enc: EncType, secret: Uint8Array, tm: string): string;
}

/** The scenario crypto on `@birdtalk/crypto` (WebCrypto where available). */
export function createScenarioCrypto(ecdh: EcdhProvider = defaultEcdh()): ScenarioCrypto {
  return {
    newKey: () => ecdh.generateKeyPair(),
    shared: (key, peerPem) => key.deriveSecret(publicKeyFromPem(peerPem)),
    keyPrint: keyPrintOf,
    tempKey: (enc, secret, tm) => makeTempKey(enc, secret, tm),
    openTempKey: (enc, secret, tempKey) => openTempKey(enc, secret, tempKey),
    checkToken: (enc, secret, tm) => makeCheckToken(enc, secret, tm),
  };
}
