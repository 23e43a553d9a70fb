import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { type ConnectionOptions, type TLSSocket, connect as tlsConnect } from 'node:tls';
import { TransportError } from '@birdtalk/errors';
import { TransportErrorCode } from './errors.js';

/**
 * Turns the `pinSha256` option into canonical fingerprints: 64 lower-case hex digits. Colons, spaces and case
 * are accepted, so a pin can be pasted from `openssl x509 -fingerprint -sha256` or from a browser.
 *
 * @throws TypeError for anything that is not a SHA-256 fingerprint.
 */
export function normalizePins(pins: string | readonly string[] | undefined): ReadonlySet<string> {
  const list = pins === undefined ? [] : typeof pins === 'string' ? [pins] : pins;
  const normalized = new Set<string>();
  for (const pin of list) {
    const hex = typeof pin === 'string' ? pin.replace(/[\s:]/g, '').toLowerCase() : '';
    if (!/^[0-9a-f]{64}$/.test(hex)) {
      throw new TypeError('pinSha256 must hold SHA-256 fingerprints: 64 hex digits, with or without colons');
    }
    normalized.add(hex);
  }
  return normalized;
}

/** The SHA-256 fingerprint of a DER certificate, as 64 lower-case hex digits. */
export function fingerprintSha256(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

/**
 * The codes Node (from OpenSSL) gives to certificate verification failures, as opposed to network or protocol
 * failures during the TLS handshake.
 */
const untrustedCertificateCodes: ReadonlySet<string> = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Maps a certificate verification failure to `TRANSPORT_TLS_UNTRUSTED`; returns `undefined` for other errors.
 * The Node error code goes into the details; the certificate itself does not.
 */
export function untrustedCertificateError(error: unknown, url: string): TransportError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !untrustedCertificateCodes.has(code)) return undefined;
  return new TransportError(
    TransportErrorCode.TlsUntrusted,
    `The server's TLS certificate is not trusted (${code}). For a self-signed server pass its certificate as ` +
      '`ca`, or pin it with `pinSha256`',
    { cause: error, details: { url, nodeCode: code } },
  );
}

/**
 * A replacement for the TLS connect function `ws` uses, which trusts the server iff its leaf certificate
 * matches one of `pins`, whatever the chain, expiry or host name say. The real BirdTalk server ships an expired
 * self-signed certificate, and pinning is the one way to trust exactly that server and no other.
 *
 * The socket is corked from the start and only uncorked once the pin matched, so on a mismatch not a byte of
 * the HTTP upgrade request (with its headers) reaches the impostor.
 */
export function createPinnedConnect(
  pins: ReadonlySet<string>,
  url: string,
): (options: ConnectionOptions) => TLSSocket {
  return (options) => {
    const host = options.host ?? '';
    const socket = tlsConnect({
      ...options,
      // ws puts the HTTP path in `path`, which tls.connect would take for an IPC socket path.
      path: undefined,
      // SNI must carry a host name, never an IP address (RFC 6066 §3), as ws's own connect function does.
      servername: options.servername || (isIP(host) ? '' : host),
      // The pin replaces chain verification; it is checked below, before anything is sent.
      rejectUnauthorized: false,
    } as ConnectionOptions);
    socket.cork();
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate()?.raw as Uint8Array | undefined;
      const presented = raw === undefined ? undefined : fingerprintSha256(raw);
      if (presented !== undefined && pins.has(presented)) {
        socket.uncork();
        return;
      }
      socket.destroy(
        new TransportError(
          TransportErrorCode.TlsPinMismatch,
          "The server's TLS certificate does not match any pinned SHA-256 fingerprint",
          // The presented fingerprint is public (anyone can connect and read it) and helps to diagnose a
          // rotated certificate.
          { details: { url, presentedSha256: presented ?? null } },
        ),
      );
    });
    return socket;
  };
}
