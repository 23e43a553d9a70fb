import { type Random, systemRandom } from '@birdtalk/runtime';
import { p256 } from '@noble/curves/nist.js';
import { computeSharedSecret } from './ecdh.js';
import { CryptoErrorCode, cryptoError } from './errors.js';
import { publicKeyToPem } from './pem.js';
import { assertPrivateKey } from './point.js';
import { createWebCryptoEcdh } from './webcrypto-ecdh.js';

/**
 * One side of a key exchange: a fresh P-256 key pair whose private half never leaves the object.
 */
export interface EphemeralKeyPair {
  /** The 65-byte uncompressed public point. */
  readonly publicKey: Uint8Array;
  /** The public key as the PEM block `MsgKeyExchange.pubKey` carries, formatted as Go formats it. */
  readonly publicKeyPem: string;
  /**
   * The 32-byte shared secret with a peer's 65-byte uncompressed public key (see {@link computeSharedSecret}).
   * Rejects with CryptoError `CRYPTO_BAD_POINT` for an invalid peer key.
   */
  deriveSecret(peerPublicKey: Uint8Array): Promise<Uint8Array>;
}

/** Makes ephemeral P-256 key pairs; implementations differ only in speed and in where the randomness comes from. */
export interface EcdhProvider {
  /** `'webcrypto'` or `'pure'`, for diagnostics and benchmarks. */
  readonly name: string;
  /** A new key pair. */
  generateKeyPair(): Promise<EphemeralKeyPair>;
}

/**
 * A key pair with a fixed private key, computed in pure JS. For tests and reproducible runs — for instance
 * replaying the vector whose secret the server refuses — never for real sessions.
 *
 * @throws CryptoError `CRYPTO_BAD_KEY` unless `privateKey` is a valid 32-byte P-256 scalar.
 */
export function keyPairFromPrivateKey(privateKey: Uint8Array): EphemeralKeyPair {
  assertPrivateKey(privateKey);
  const secretKey = privateKey.slice();
  const publicKey = p256.getPublicKey(secretKey, false);
  const publicKeyPem = publicKeyToPem(publicKey);
  return {
    publicKey,
    publicKeyPem,
    deriveSecret: async (peerPublicKey) => computeSharedSecret(secretKey, peerPublicKey),
  };
}

/** 48 random bytes reduced mod n (FIPS 186-5 A.2.1): the 16 bytes beyond n's size make the bias negligible. */
const seedLength = 48;

/**
 * ECDH in pure JS (@noble/curves). Works everywhere, and is deterministic when `random` is: tests inject a
 * seeded source to replay exchanges. About 30 times slower than WebCrypto per operation.
 *
 * @param random - where private keys come from; {@link systemRandom} by default.
 */
export function createPureEcdh(random: Random = systemRandom): EcdhProvider {
  return {
    name: 'pure',
    async generateKeyPair() {
      const seed = random.bytes(seedLength);
      if (seed.length !== seedLength) {
        throw cryptoError(
          CryptoErrorCode.BAD_ARGUMENT,
          'The random source returned the wrong number of bytes',
        );
      }
      return keyPairFromPrivateKey(p256.utils.randomSecretKey(seed));
    },
  };
}

/**
 * The fastest provider the platform offers: WebCrypto where `globalThis.crypto.subtle` exists (Node 20+,
 * browsers, Deno, Bun), pure JS elsewhere. Should a WebCrypto implementation refuse ECDH on P-256, the
 * provider falls back to pure JS from then on.
 */
export function defaultEcdh(): EcdhProvider {
  const pure = createPureEcdh();
  const webCrypto = createWebCryptoEcdh();
  if (webCrypto === undefined) return pure;
  let current: EcdhProvider = webCrypto;
  return {
    get name() {
      return current.name;
    },
    async generateKeyPair() {
      if (current === pure) return pure.generateKeyPair();
      try {
        return await webCrypto.generateKeyPair();
      } catch {
        current = pure;
        return pure.generateKeyPair();
      }
    },
  };
}
