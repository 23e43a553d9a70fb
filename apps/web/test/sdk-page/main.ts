// The page of the SDK browser suite: it puts the SDK's published browser entry points on `window`, where the
// suite's steps (run by `page.evaluate`) use them. It also counts WebCrypto's ECDH calls, so the suite can tell
// which key-exchange provider ran.
import * as client from '@birdtalk/client';
import { createBrowserClient } from '@birdtalk/client/browser';
import * as crypto from '@birdtalk/crypto';

const counts = { deriveBits: 0, generateKey: 0 };
const subtle = globalThis.crypto.subtle;
const deriveBits = subtle.deriveBits.bind(subtle);
const generateKey = subtle.generateKey.bind(subtle);
subtle.deriveBits = ((...args: Parameters<SubtleCrypto['deriveBits']>) => {
  counts.deriveBits += 1;
  return deriveBits(...args);
}) as SubtleCrypto['deriveBits'];
subtle.generateKey = ((...args: Parameters<typeof generateKey>) => {
  counts.generateKey += 1;
  return generateKey(...args);
}) as SubtleCrypto['generateKey'];

Object.assign(globalThis, { sdk: { ...client, createBrowserClient, crypto, webCryptoCalls: counts } });
document.title = 'ready';
