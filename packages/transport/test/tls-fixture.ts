import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

/** A self-signed certificate and its key, generated for one test run. */
export interface TestCertificate {
  readonly cert: string;
  readonly key: string;
  /** The SHA-256 fingerprint as `openssl x509 -fingerprint -sha256` prints it: upper case with colons. */
  readonly sha256: string;
}

/** Options of {@link createTestCertificate}. */
export interface TestCertificateOptions {
  /** Host names and IP addresses the certificate is valid for. */
  readonly dnsNames?: readonly string[];
  readonly ips?: readonly string[];
  /** Makes the certificate expired, as the real BirdTalk server's is. */
  readonly expired?: boolean;
}

const DAY_MS = 86_400_000;

/** Generates a self-signed EC certificate (fast) valid for 127.0.0.1 unless told otherwise. */
export async function createTestCertificate(options: TestCertificateOptions = {}): Promise<TestCertificate> {
  const dnsNames = options.dnsNames ?? ['localhost'];
  const ips = options.ips ?? ['127.0.0.1'];
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: dnsNames[0] ?? 'test' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 2 * DAY_MS),
    notAfterDate: new Date(options.expired === true ? now - DAY_MS : now + 30 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      {
        name: 'subjectAltName',
        altNames: [
          ...dnsNames.map((value) => ({ type: 2 as const, value })),
          ...ips.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private, sha256: new X509Certificate(pems.cert).fingerprint256 };
}
