import { createCipheriv, createECDH, generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  createPureEcdh,
  createWebCryptoEcdh,
  type EcdhProvider,
  keyPrintOf,
  makeCheckToken,
  makeTempKey,
  openTempKey,
  publicKeyFromPem,
} from '@birdtalk/crypto';
import { createNodeEcdh } from '@birdtalk/crypto/node';
import { compareThroughput } from '../measure.js';
import { row, type ScenarioResult, target } from '../result.js';

/** Parameters of the handshake scenario. */
export interface HandshakeParameters {
  readonly roundMs: number;
  readonly rounds: number;
}

/**
 * The client's share of one key exchange with our crypto package: a fresh key pair and its PEM, the peer's PEM
 * parsed, the shared secret, the keyPrint, the stage-2 proof opened, the stage-3 proof and a check token made.
 */
async function ourExchange(provider: EcdhProvider, serverPem: string): Promise<void> {
  const pair = await provider.generateKeyPair();
  if (pair.publicKeyPem.length === 0) throw new Error('no PEM');
  const secret = await pair.deriveSecret(publicKeyFromPem(serverPem));
  keyPrintOf(secret);
  const tm = '1732900000000';
  openTempKey('AES-CTR', secret, makeTempKey('AES-CTR', secret, tm));
  makeCheckToken('AES-CTR', secret, tm);
}

/** The DER header of a P-256 SubjectPublicKeyInfo; the 65-byte point follows it. */
const spkiHeader = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');

/**
 * The peer's P-256 point from its PEM the way our crypto package reads it: the base64 body decoded and the fixed
 * SPKI header checked and cut off. Parsing with `createPublicKey` (ASN.1 into a KeyObject, then exported again)
 * would make the baseline do work that ours does not.
 */
function pointFromPem(pem: string): Buffer {
  const body = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----|\s/g, '');
  const der = Buffer.from(body, 'base64');
  if (der.length !== spkiHeader.length + 65 || !der.subarray(0, spkiHeader.length).equals(spkiHeader)) {
    throw new Error('not a P-256 SubjectPublicKeyInfo');
  }
  return der.subarray(spkiHeader.length);
}

/**
 * The same work done the fastest way node:crypto allows (the native baseline): `createECDH` for the key pair
 * and the secret, the PEM built from the fixed SPKI header, the peer's PEM read as ours reads it.
 */
function nativeExchange(serverPem: string): void {
  const ecdh = createECDH('prime256v1');
  const publicKey = ecdh.generateKeys();
  const body = Buffer.concat([spkiHeader, publicKey]).toString('base64');
  `-----BEGIN PUBLIC KEY-----\n${body.replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`;
  const peer = pointFromPem(serverPem);
  const secret = ecdh.computeSecret(peer);
  secret.readBigInt64LE(0);
  const tm = Buffer.from('1732900000000');
  const iv = randomBytes(16);
  const sealed = createCipheriv('aes-256-ctr', secret, iv).update(tm);
  createCipheriv('aes-256-ctr', secret, iv).update(sealed);
  const tokenIv = randomBytes(16);
  Buffer.concat([tokenIv, createCipheriv('aes-256-ctr', secret, tokenIv).update(tm)]).toString('base64');
}

/**
 * Runs the handshake scenario: key exchanges per second with each of our providers (node:crypto, WebCrypto,
 * pure JS) against the same work done directly with node:crypto.
 */
export async function runHandshake(parameters: HandshakeParameters): Promise<ScenarioResult> {
  const server = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const serverPem = server.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const node = createNodeEcdh();
  const webCrypto = createWebCryptoEcdh();
  const pure = createPureEcdh();
  const contenders = [
    { name: 'node:crypto', run: () => nativeExchange(serverPem) },
    { name: 'ours (node provider)', run: () => ourExchange(node, serverPem) },
    ...(webCrypto === undefined
      ? []
      : [{ name: 'ours (WebCrypto)', run: () => ourExchange(webCrypto, serverPem) }]),
    { name: 'ours (pure JS)', run: () => ourExchange(pure, serverPem) },
  ];
  const [native, ...ours] = await compareThroughput(contenders, {
    roundMs: parameters.roundMs,
    rounds: parameters.rounds,
    warmupOps: 50,
  });
  const rows = ours.map((result) =>
    row(
      `key exchanges, ${result.name}`,
      'ops/s',
      result.opsPerSecond,
      native!.opsPerSecond,
      'node:crypto ECDH',
    ),
  );
  const ratioOf = (name: string) => {
    const found = ours.find((result) => result.name === name);
    return found === undefined ? undefined : found.opsPerSecond / native!.opsPerSecond;
  };
  const targets = [];
  const nodeRatio = ratioOf('ours (node provider)');
  if (nodeRatio !== undefined)
    targets.push(target('node provider (the Node default) ÷ node:crypto', nodeRatio, '>=', 0.5));
  const webRatio = ratioOf('ours (WebCrypto)');
  if (webRatio !== undefined)
    targets.push(target('WebCrypto provider (browsers, Deno, Bun) ÷ node:crypto', webRatio, '>=', 0.5));
  return {
    id: 'handshake',
    title: 'Handshake CPU: client side of a full key exchange',
    parameters: { ...parameters },
    rows,
    targets,
    notes: [
      'One exchange = key pair + PEM export, peer PEM import, ECDH secret, keyPrint, stage-2 proof opened, stage-3 proof and check token made. The baseline reads the peer PEM as ours does (base64 body, fixed SPKI header), not with createPublicKey.',
      'WebCrypto in Node runs each call on the thread pool (four calls per exchange); the node provider calls OpenSSL synchronously.',
    ],
  };
}
