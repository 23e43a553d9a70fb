import { seededRandom } from '@birdtalk/runtime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectCryptoError, expectCryptoRejection, fromHex, loadVectors, toHex } from '../test/helpers.js';
import {
  CryptoErrorCode,
  createPureEcdh,
  createWebCryptoEcdh,
  defaultEcdh,
  type EcdhProvider,
  keyPairFromPrivateKey,
  keyPrintOf,
  makeCheckToken,
  makeTempKey,
  openCheckToken,
  openTempKey,
  publicKeyFromPem,
  serverAcceptsSecret,
} from './index.js';
import { webCryptoKeyPairFromPrivateKey } from './webcrypto-ecdh.js';

const vectors = loadVectors();
const webCrypto = createWebCryptoEcdh()!;
const pure = createPureEcdh();
const providers: readonly EcdhProvider[] = [pure, webCrypto];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ECDH providers', () => {
  it('exist in Node 20: WebCrypto is found on globalThis', () => {
    expect(webCrypto.name).toBe('webcrypto');
    expect(pure.name).toBe('pure');
    expect(defaultEcdh().name).toBe('webcrypto');
  });

  it('make key pairs whose PEM is Go’s format and whose point it holds', async () => {
    for (const provider of providers) {
      const pair = await provider.generateKeyPair();
      expect(pair.publicKey).toHaveLength(65);
      expect(pair.publicKeyPem).toMatch(
        /^-----BEGIN PUBLIC KEY-----\n(?:[A-Za-z0-9+/]{64}\n)[A-Za-z0-9+/=]{60}\n-----END PUBLIC KEY-----\n$/,
      );
      expect(publicKeyFromPem(pair.publicKeyPem)).toEqual(pair.publicKey);
    }
  });

  it('agree with each other in every pairing', async () => {
    for (const a of providers) {
      for (const b of providers) {
        const [x, y] = await Promise.all([a.generateKeyPair(), b.generateKeyPair()]);
        const [xy, yx] = await Promise.all([x.deriveSecret(y.publicKey), y.deriveSecret(x.publicKey)]);
        expect(xy).toHaveLength(32);
        expect(toHex(xy)).toBe(toHex(yx));
      }
    }
  });

  it('reproduce the vectors: pure from fixed keys, WebCrypto from imported keys', async () => {
    for (const c of vectors.ecdh) {
      const serverPoint = publicKeyFromPem(String(c.serverPem));
      const fixed = keyPairFromPrivateKey(fromHex(String(c.clientPrivHex)));
      const imported = await webCryptoKeyPairFromPrivateKey(crypto.subtle, fromHex(String(c.clientPrivHex)));
      expect(fixed.publicKeyPem).toBe(c.clientPem);
      expect(imported.publicKeyPem).toBe(c.clientPem);
      expect(toHex(await fixed.deriveSecret(serverPoint))).toBe(c.sharedHex);
      expect(toHex(await imported.deriveSecret(serverPoint))).toBe(c.sharedHex);
    }
  });

  it('reject a bad peer point with CRYPTO_BAD_POINT whatever the provider', async () => {
    const offCurve = publicKeyFromPem(String(vectors.ecdh[0]!.serverPem));
    offCurve[64]! ^= 1;
    for (const provider of providers) {
      const pair = await provider.generateKeyPair();
      await expectCryptoRejection(pair.deriveSecret(offCurve), CryptoErrorCode.BAD_POINT);
      await expectCryptoRejection(pair.deriveSecret(new Uint8Array(65)), CryptoErrorCode.BAD_POINT);
      await expectCryptoRejection(pair.deriveSecret(offCurve.subarray(0, 33)), CryptoErrorCode.BAD_POINT);
    }
  });
});

describe('createPureEcdh', () => {
  it('is deterministic with an injected random', async () => {
    const a = await createPureEcdh(seededRandom(11)).generateKeyPair();
    const b = await createPureEcdh(seededRandom(11)).generateKeyPair();
    const c = await createPureEcdh(seededRandom(12)).generateKeyPair();
    expect(a.publicKeyPem).toBe(b.publicKeyPem);
    expect(a.publicKeyPem).not.toBe(c.publicKeyPem);
  });

  it('draws 48 bytes per key, so the reduction mod n is unbiased', async () => {
    const bytes = vi.fn((length: number) => seededRandom(length).bytes(length));
    await createPureEcdh({ bytes, float: () => 0 }).generateKeyPair();
    expect(bytes).toHaveBeenCalledWith(48);
  });

  it('reports a random source that returns the wrong length', async () => {
    const short = { bytes: (length: number) => new Uint8Array(length - 1), float: () => 0 };
    await expectCryptoRejection(createPureEcdh(short).generateKeyPair(), CryptoErrorCode.BAD_ARGUMENT);
  });
});

describe('keyPairFromPrivateKey', () => {
  it('replays the exchange the server refuses', async () => {
    const refused = vectors.ecdh.find((c) => c.serverAccepts === false)!;
    const pair = keyPairFromPrivateKey(fromHex(String(refused.clientPrivHex)));
    const secret = await pair.deriveSecret(publicKeyFromPem(String(refused.serverPem)));
    expect(serverAcceptsSecret(secret)).toBe(false);
    expect(keyPrintOf(secret)).toBe(refused.keyPrint);
  });

  it('refuses invalid scalars and keeps its own copy of the key', async () => {
    expectCryptoError(() => keyPairFromPrivateKey(new Uint8Array(32)), CryptoErrorCode.BAD_KEY);
    const c = vectors.ecdh[0]!;
    const key = fromHex(String(c.clientPrivHex));
    const pair = keyPairFromPrivateKey(key);
    key.fill(1);
    expect(toHex(await pair.deriveSecret(publicKeyFromPem(String(c.serverPem))))).toBe(c.sharedHex);
  });
});

describe('createWebCryptoEcdh', () => {
  it('is unavailable without SubtleCrypto', () => {
    vi.stubGlobal('crypto', undefined);
    expect(createWebCryptoEcdh()).toBeUndefined();
    expect(defaultEcdh().name).toBe('pure');
  });

  it('uses the SubtleCrypto it is given', async () => {
    const generateKey = vi.spyOn(crypto.subtle, 'generateKey');
    const provider = createWebCryptoEcdh(crypto.subtle)!;
    await provider.generateKeyPair();
    expect(generateKey).toHaveBeenCalledWith({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
    generateKey.mockRestore();
  });

  it('reports a refusing platform as CRYPTO_ECDH_FAILED', async () => {
    const refusing = {
      generateKey: () => Promise.reject(new DOMException('no ECDH here', 'NotSupportedError')),
    } as unknown as SubtleCrypto;
    await expectCryptoRejection(
      createWebCryptoEcdh(refusing)!.generateKeyPair(),
      CryptoErrorCode.ECDH_FAILED,
    );
  });
});

describe('defaultEcdh', () => {
  it('falls back to pure JS when WebCrypto refuses ECDH', async () => {
    const generateKey = vi.fn(() => Promise.reject(new DOMException('no ECDH here', 'NotSupportedError')));
    vi.stubGlobal('crypto', {
      subtle: { generateKey },
      getRandomValues: crypto.getRandomValues.bind(crypto),
    });
    const provider = defaultEcdh();
    expect(provider.name).toBe('webcrypto');
    const pair = await provider.generateKeyPair();
    expect(pair.publicKey).toHaveLength(65);
    expect(provider.name).toBe('pure');
    await provider.generateKeyPair();
    expect(generateKey).toHaveBeenCalledTimes(1);
  });
});

describe('a complete exchange', () => {
  it('runs stages 1 to 4 and a reconnect Hello, retrying when the server would refuse', async () => {
    const server = pure;
    const client = createPureEcdh(seededRandom(2024));
    const random = seededRandom(99);
    for (const encType of ['AES-CTR', 'chacha20'] as const) {
      // Stage 1: the client sends its PEM; the server imports it and derives.
      let clientPair = await client.generateKeyPair();
      const serverPair = await server.generateKeyPair();
      let serverSecret = await serverPair.deriveSecret(publicKeyFromPem(clientPair.publicKeyPem));
      while (!serverAcceptsSecret(serverSecret)) {
        clientPair = await client.generateKeyPair();
        serverSecret = await serverPair.deriveSecret(publicKeyFromPem(clientPair.publicKeyPem));
      }
      // Stage 2: the server answers with its PEM, keyPrint and a temp key over its Msg.tm.
      const stage2Tm = 1_750_000_000_000;
      const stage2 = {
        pem: serverPair.publicKeyPem,
        keyPrint: keyPrintOf(serverSecret),
        tempKey: makeTempKey(encType, serverSecret, stage2Tm, random),
      };
      const clientSecret = await clientPair.deriveSecret(publicKeyFromPem(stage2.pem));
      expect(keyPrintOf(clientSecret)).toBe(stage2.keyPrint);
      expect(openTempKey(encType, clientSecret, stage2.tempKey)).toBe(String(stage2Tm));
      // Stage 3: the client proves the key with its own Msg.tm.
      const stage3Tm = 1_750_000_000_050n;
      expect(openTempKey(encType, serverSecret, makeTempKey(encType, clientSecret, stage3Tm, random))).toBe(
        stage3Tm.toString(),
      );
      // Later: a Hello with the keyPrint and a check token.
      const token = makeCheckToken(encType, clientSecret, '1750000099999', random);
      expect(openCheckToken(encType, serverSecret, token)).toBe('1750000099999');
    }
  });
});
