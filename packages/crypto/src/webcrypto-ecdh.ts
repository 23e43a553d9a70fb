import { p256 } from '@noble/curves/nist.js';
import { sharedSecretLength } from './ecdh.js';
import type { EcdhProvider, EphemeralKeyPair } from './ecdh-provider.js';
import { encodeBase64, urlUnpadded } from './encoding.js';
import { CryptoErrorCode, cryptoError } from './errors.js';
import { publicKeyToPem } from './pem.js';
import { assertPrivateKey, assertPublicKey } from './point.js';

const algorithm = { name: 'ECDH', namedCurve: 'P-256' } as const;

function ecdhFailed(what: string, cause: unknown): Error {
  return cryptoError(CryptoErrorCode.ECDH_FAILED, `WebCrypto could not ${what}`, { cause });
}

/**
 * Wraps a WebCrypto private key. The peer key is checked in JS first, so a bad point is reported as
 * `CRYPTO_BAD_POINT` on every platform instead of as whatever `DOMException` the platform raises.
 */
function webCryptoKeyPair(
  subtle: SubtleCrypto,
  privateKey: CryptoKey,
  publicKey: Uint8Array,
): EphemeralKeyPair {
  return {
    publicKey,
    publicKeyPem: publicKeyToPem(publicKey),
    async deriveSecret(peerPublicKey) {
      assertPublicKey(peerPublicKey);
      let bits: ArrayBuffer;
      try {
        const peer = await subtle.importKey('raw', peerPublicKey.slice(), algorithm, false, []);
        bits = await subtle.deriveBits({ name: 'ECDH', public: peer }, privateKey, sharedSecretLength * 8);
      } catch (cause) {
        throw ecdhFailed('derive the shared secret', cause);
      }
      return new Uint8Array(bits);
    },
  };
}

/**
 * ECDH through WebCrypto, about 30 times faster than pure JS. Private keys are generated non-extractable, so
 * they never exist as bytes in JS memory; the randomness is the platform's and cannot be injected.
 *
 * @param subtle - the `SubtleCrypto` to use; `globalThis.crypto.subtle` by default.
 * @returns `undefined` when there is no `SubtleCrypto` (for instance a browser page served over plain HTTP).
 */
export function createWebCryptoEcdh(subtle?: SubtleCrypto): EcdhProvider | undefined {
  const api = subtle ?? (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (api === undefined) return undefined;
  return {
    name: 'webcrypto',
    async generateKeyPair() {
      let pair: CryptoKeyPair;
      let raw: ArrayBuffer;
      try {
        pair = (await api.generateKey(algorithm, false, ['deriveBits'])) as CryptoKeyPair;
        raw = await api.exportKey('raw', pair.publicKey);
      } catch (cause) {
        throw ecdhFailed('generate a P-256 key pair', cause);
      }
      const publicKey = new Uint8Array(raw);
      assertPublicKey(publicKey);
      return webCryptoKeyPair(api, pair.privateKey, publicKey);
    },
  };
}

/**
 * A WebCrypto key pair with a fixed private key, imported as a JWK. It exists so tests can check that the
 * WebCrypto path reproduces the Go vectors exactly; sessions use {@link createWebCryptoEcdh}.
 *
 * @throws CryptoError `CRYPTO_BAD_KEY` for an invalid scalar; rejects with `CRYPTO_ECDH_FAILED` when the
 * platform refuses the import.
 */
export async function webCryptoKeyPairFromPrivateKey(
  subtle: SubtleCrypto,
  privateKey: Uint8Array,
): Promise<EphemeralKeyPair> {
  assertPrivateKey(privateKey);
  const publicKey = p256.getPublicKey(privateKey, false);
  const jwk: JsonWebKey = {
    kty: 'EC',
    crv: 'P-256',
    d: encodeBase64(privateKey, urlUnpadded),
    x: encodeBase64(publicKey.subarray(1, 33), urlUnpadded),
    y: encodeBase64(publicKey.subarray(33), urlUnpadded),
  };
  let key: CryptoKey;
  try {
    key = await subtle.importKey('jwk', jwk, algorithm, false, ['deriveBits']);
  } catch (cause) {
    throw ecdhFailed('import the private key', cause);
  }
  return webCryptoKeyPair(subtle, key, publicKey);
}
