/**
 * The Node.js fast path for key exchanges: ECDH through `node:crypto`, which runs OpenSSL synchronously and so
 * avoids the thread-pool round trips WebCrypto pays on every call. Import it only where Node is the runtime;
 * the package's main entry stays free of `node:` imports.
 *
 * @example
 * ```ts
 * import { createNodeEcdh } from '@birdtalk/crypto/node';
 *
 * const pair = await createNodeEcdh().generateKeyPair();
 * console.log(pair.publicKeyPem);
 * ```
 *
 * @packageDocumentation
 */

import { createECDH } from 'node:crypto';
import { sharedSecretLength } from './ecdh.js';
import type { EcdhProvider, EphemeralKeyPair } from './ecdh-provider.js';
import { CryptoErrorCode, cryptoError } from './errors.js';
import { publicKeyToPem } from './pem.js';
import { assertPrivateKey } from './point.js';

const curve = 'prime256v1';

function keyPairOf(ecdh: ReturnType<typeof createECDH>, publicKey: Uint8Array): EphemeralKeyPair {
  return {
    publicKey,
    publicKeyPem: publicKeyToPem(publicKey),
    async deriveSecret(peerPublicKey) {
      let secret: Buffer;
      try {
        // OpenSSL checks that the peer point lies on P-256 and refuses it otherwise.
        secret = ecdh.computeSecret(peerPublicKey);
      } catch (error) {
        throw cryptoError(CryptoErrorCode.BAD_POINT, 'The peer public key is not a valid P-256 point', {
          cause: error,
        });
      }
      if (secret.length !== sharedSecretLength) {
        throw cryptoError(CryptoErrorCode.ECDH_FAILED, 'The shared secret has an unexpected length');
      }
      return new Uint8Array(secret.buffer, secret.byteOffset, secret.length);
    },
  };
}

/**
 * ECDH on P-256 through `node:crypto`: the fastest provider on Node. Key generation uses OpenSSL's own
 * randomness, so exchanges are not reproducible; tests that need that use `createPureEcdh(seededRandom(…))`.
 */
export function createNodeEcdh(): EcdhProvider {
  return nodeEcdh;
}

/**
 * The provider every call hands out: it holds no state, and a program that makes one per session (as one per
 * client is natural) would otherwise keep an object and a closure per session for nothing. Frozen, so that no
 * caller can change it for the others.
 */
const nodeEcdh: EcdhProvider = Object.freeze({
  name: 'node',
  async generateKeyPair() {
    const ecdh = createECDH(curve);
    return keyPairOf(ecdh, new Uint8Array(ecdh.generateKeys()));
  },
});

/**
 * A node:crypto key pair with a fixed private key: for tests that compare providers on the vectors.
 *
 * @throws CryptoError `CRYPTO_BAD_KEY` unless `privateKey` is a valid 32-byte P-256 scalar.
 */
export function nodeKeyPairFromPrivateKey(privateKey: Uint8Array): EphemeralKeyPair {
  assertPrivateKey(privateKey);
  const ecdh = createECDH(curve);
  ecdh.setPrivateKey(privateKey);
  return keyPairOf(ecdh, new Uint8Array(ecdh.getPublicKey()));
}
