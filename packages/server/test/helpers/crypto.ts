import { createCipheriv, createECDH, createHash, type ECDH } from 'node:crypto';

/** A client-side P-256 key pair for the key exchange, written with node:crypto only. */
export function clientKeyPair(): { ecdh: ECDH; pem: string } {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { ecdh, pem: pointToPem(ecdh.getPublicKey()) };
}

/** A PEM "PUBLIC KEY" block around a raw P-256 point. */
export function pointToPem(point: Uint8Array): string {
  const der = Buffer.concat([
    Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex'),
    point,
  ]);
  return spkiToPem(der);
}

export function spkiToPem(der: Buffer): string {
  const body = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN PUBLIC KEY-----\n${body}${body.endsWith('\n') ? '' : '\n'}-----END PUBLIC KEY-----\n`;
}

/** The raw point inside a P-256 SPKI PEM. */
export function pemToPoint(pem: string): Buffer {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
  return der.subarray(der.length - 65);
}

export function keyPrintOf(key: Uint8Array): string {
  return Buffer.from(key).readBigInt64LE(0).toString();
}

/** `IV || AES-256-CTR` or `nonce || ChaCha20`, as the protocol's proofs. */
export function encryptProof(encType: string, key: Uint8Array, text: string): Buffer {
  if (encType.toLowerCase() === 'chacha20') {
    const nonce = Buffer.alloc(12, 7);
    const iv = Buffer.concat([Buffer.alloc(4), nonce]);
    const cipher = createCipheriv('chacha20', key, iv);
    return Buffer.concat([nonce, cipher.update(text, 'latin1'), cipher.final()]);
  }
  const iv = Buffer.alloc(16, 3);
  const cipher = createCipheriv('aes-256-ctr', key, iv);
  return Buffer.concat([iv, cipher.update(text, 'latin1'), cipher.final()]);
}

export function decryptProof(encType: string, key: Uint8Array, data: Uint8Array): string {
  const buf = Buffer.from(data);
  if (encType.toLowerCase() === 'chacha20') {
    const iv = Buffer.concat([Buffer.alloc(4), buf.subarray(0, 12)]);
    const decipher = createCipheriv('chacha20', key, iv);
    return Buffer.concat([decipher.update(buf.subarray(12)), decipher.final()]).toString('latin1');
  }
  const decipher = createCipheriv('aes-256-ctr', key, buf.subarray(0, 16));
  return Buffer.concat([decipher.update(buf.subarray(16)), decipher.final()]).toString('latin1');
}

/** A signed-download token: base64url(nonce || AES-256-GCM(key, "expires|name") || tag). */
export function downloadToken(key: Uint8Array, fileName: string, expiresSeconds: number): string {
  const nonce = Buffer.alloc(12, 9);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(`${expiresSeconds}|${fileName}`, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
}

export function md5Hex(data: Uint8Array): string {
  return createHash('md5').update(data).digest('hex');
}
