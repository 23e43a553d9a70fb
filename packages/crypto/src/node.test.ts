import { describe, expect, it } from 'vitest';
import { expectCryptoRejection, fromHex, loadVectors, toHex } from '../test/helpers.js';
import { keyPairFromPrivateKey } from './ecdh-provider.js';
import { createNodeEcdh, nodeKeyPairFromPrivateKey } from './node.js';
import { publicKeyFromPem } from './pem.js';

describe('node:crypto ECDH provider', () => {
  const vectors = loadVectors();

  it('derives every vector secret, leading zero bytes included', async () => {
    for (const c of vectors.ecdh) {
      const pair = nodeKeyPairFromPrivateKey(fromHex(String(c.clientPrivHex)));
      expect(pair.publicKeyPem).toBe(c.clientPem);
      const secret = await pair.deriveSecret(publicKeyFromPem(String(c.serverPem)));
      expect(toHex(secret)).toBe(c.sharedHex);
    }
  });

  it('agrees with the pure provider on fresh keys', async () => {
    const ours = await createNodeEcdh().generateKeyPair();
    const theirs = keyPairFromPrivateKey(fromHex('11'.repeat(32)));
    expect(toHex(await ours.deriveSecret(theirs.publicKey))).toBe(
      toHex(await theirs.deriveSecret(ours.publicKey)),
    );
    expect(ours.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('hands out one frozen provider, which makes a fresh key pair each time', async () => {
    const provider = createNodeEcdh();
    expect(createNodeEcdh()).toBe(provider);
    expect(Object.isFrozen(provider)).toBe(true);
    const [first, second] = await Promise.all([provider.generateKeyPair(), provider.generateKeyPair()]);
    expect(toHex(first.publicKey)).not.toBe(toHex(second.publicKey));
  });

  it('refuses a peer point that is not on the curve', async () => {
    const pair = await createNodeEcdh().generateKeyPair();
    const offCurve = Uint8Array.from(pair.publicKey);
    offCurve[64] = offCurve[64]! ^ 1;
    await expectCryptoRejection(pair.deriveSecret(offCurve), 'CRYPTO_BAD_POINT');
  });
});
