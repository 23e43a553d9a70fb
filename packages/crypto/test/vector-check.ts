/**
 * Runs every case of the Go-generated conformance vectors (`crypto.json`) against this package. Shared by the
 * vitest suite and the root `pnpm check:vectors` script, so both always check the same things.
 */

import { hasErrorName } from '@birdtalk/errors';
import type { Random } from '@birdtalk/runtime';
import { bytesToHex, hexToBytes } from '@noble/curves/utils.js';
import {
  computeSharedSecret,
  decrypt,
  type EncType,
  encryptWithIv,
  keyPairFromPrivateKey,
  keyPrintOf,
  makeCheckToken,
  makeDownloadTokenWithNonce,
  makeTempKey,
  normalizeEncType,
  openCheckToken,
  openDownloadToken,
  publicKeyFromPem,
  publicKeyToPem,
  serverAcceptsSecret,
  serverSecretOf,
} from '../src/index.js';
import { webCryptoKeyPairFromPrivateKey } from '../src/webcrypto-ecdh.js';

/** The `format` the vector file declares. */
export const vectorFormat = 'birdtalk-crypto-vectors/1';

/** One case that did not pass. `index` is -1 for a problem with a whole section or the file. */
export interface VectorFailure {
  readonly section: string;
  readonly index: number;
  readonly problems: readonly string[];
}

/** The outcome of {@link checkVectors}: every case counts once, as passed or failed. */
export interface VectorReport {
  readonly passed: number;
  readonly failed: number;
  readonly failures: readonly VectorFailure[];
  /** How many cases each section had. */
  readonly sections: Readonly<Record<string, number>>;
}

/** Options of {@link checkVectors}. */
export interface VectorCheckOptions {
  /** Also derive every ECDH vector through this WebCrypto; defaults to `globalThis.crypto.subtle` when present. */
  readonly subtle?: SubtleCrypto | null;
}

/** Collects the problems of one case; a case passes when it has none. */
class Case {
  readonly problems: string[] = [];

  equal(what: string, actual: unknown, expected: unknown): void {
    if (actual === expected) return;
    if (
      typeof actual === 'string' &&
      typeof expected === 'string' &&
      (actual.length > 40 || expected.length > 40)
    ) {
      let at = 0;
      while (at < actual.length && actual[at] === expected[at]) at += 1;
      this.problems.push(
        `${what}: differs at character ${at} (got ${actual.length} characters, want ${expected.length})`,
      );
    } else {
      this.problems.push(`${what}: got ${show(actual)}, want ${show(expected)}`);
    }
  }

  fail(what: string): void {
    this.problems.push(what);
  }

  /** Runs one check; an exception fails it without stopping the case's other checks. */
  async check(what: string, run: () => void | Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.problems.push(`${what}: threw ${describeError(error)}`);
    }
  }
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}`;
  }
  return String(error);
}

/** A {@link Random} that hands out one fixed IV or nonce, so that token builders reproduce a vector exactly. */
export function fixedRandom(bytes: Uint8Array): Random {
  return {
    bytes(length) {
      if (length !== bytes.length)
        throw new Error(`asked for ${length} random bytes, the vector has ${bytes.length}`);
      return bytes.slice();
    },
    float: () => 0,
  };
}

type Fields = Record<string, unknown>;

function str(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string') throw new Error(`field ${name} is not a string`);
  return value;
}

function hex(fields: Fields, name: string): Uint8Array {
  return hexToBytes(str(fields, name));
}

function int(fields: Fields, name: string): number {
  const value = fields[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new Error(`field ${name} is not an integer`);
  return value;
}

function encTypeOf(fields: Fields): EncType {
  return normalizeEncType(typeof fields.encType === 'string' ? fields.encType : '');
}

type Checker = (c: Case, value: unknown, subtle: SubtleCrypto | undefined) => Promise<void>;

const checkers: Readonly<Record<string, Checker>> = {
  async ecdh(c, value, subtle) {
    const v = value as Fields;
    const sides = [
      { name: 'client', priv: 'clientPrivHex', pem: 'clientPem', peerPem: 'serverPem' },
      { name: 'server', priv: 'serverPrivHex', pem: 'serverPem', peerPem: 'clientPem' },
    ] as const;
    for (const side of sides) {
      await c.check(`${side.name} PEM export`, () => {
        c.equal(`${side.name} PEM`, keyPairFromPrivateKey(hex(v, side.priv)).publicKeyPem, str(v, side.pem));
      });
      await c.check(`${side.name} ECDH`, () => {
        const secret = computeSharedSecret(hex(v, side.priv), publicKeyFromPem(str(v, side.peerPem)));
        c.equal(`${side.name} shared secret`, bytesToHex(secret), str(v, 'sharedHex'));
      });
      if (subtle !== undefined) {
        await c.check(`${side.name} WebCrypto ECDH`, async () => {
          const pair = await webCryptoKeyPairFromPrivateKey(subtle, hex(v, side.priv));
          const secret = await pair.deriveSecret(publicKeyFromPem(str(v, side.peerPem)));
          c.equal(`${side.name} WebCrypto shared secret`, bytesToHex(secret), str(v, 'sharedHex'));
        });
      }
    }
    await c.check('server view of the secret', () => {
      const shared = hex(v, 'sharedHex');
      c.equal('serverSecretHex', bytesToHex(serverSecretOf(shared)), str(v, 'serverSecretHex'));
      c.equal('serverAccepts', serverAcceptsSecret(shared), v.serverAccepts);
      c.equal('keyPrint', keyPrintOf(shared), str(v, 'keyPrint'));
    });
  },

  async keyPrint(c, value) {
    const v = value as Fields;
    await c.check('keyPrint', () => c.equal('keyPrint', keyPrintOf(hex(v, 'secretHex')), str(v, 'keyPrint')));
  },

  aesCtr: (c, value) => checkCipher(c, value as Fields, 'AES-CTR'),
  chacha20: (c, value) => checkCipher(c, value as Fields, 'chacha20'),

  async checkToken(c, value) {
    const v = value as Fields;
    const tm = str(v, 'tm');
    await c.check('build', () => {
      const encType = encTypeOf(v);
      const iv = hex(v, 'ivHex');
      c.equal('token', makeCheckToken(encType, hex(v, 'keyHex'), tm, fixedRandom(iv)), str(v, 'token'));
      c.equal(
        'tempKey',
        bytesToHex(makeTempKey(encType, hex(v, 'keyHex'), tm, fixedRandom(iv))),
        bytesToHex(Uint8Array.from(atob(str(v, 'token')), (ch) => ch.charCodeAt(0))),
      );
    });
    await c.check('open', () =>
      c.equal('tm', openCheckToken(encTypeOf(v), hex(v, 'keyHex'), str(v, 'token')), tm),
    );
  },

  async downloadSign(c, value) {
    const v = value as Fields;
    await c.check('build', () => {
      const token = makeDownloadTokenWithNonce(
        hex(v, 'keyHex'),
        hex(v, 'nonceHex'),
        str(v, 'fileName'),
        int(v, 'expires'),
      );
      c.equal('token', token, str(v, 'token'));
    });
    await c.check('open', () => {
      const grant = openDownloadToken(hex(v, 'keyHex'), str(v, 'token'));
      c.equal('expires', grant.expiresSeconds, int(v, 'expires'));
      c.equal('fileName', grant.fileName, str(v, 'fileName'));
    });
  },

  async pemParse(c, value) {
    const v = value as Fields;
    await c.check('parse', () => {
      const point = publicKeyFromPem(str(v, 'pem'));
      c.equal('x', bytesToHex(point.subarray(1, 33)), str(v, 'xHex'));
      c.equal('y', bytesToHex(point.subarray(33)), str(v, 'yHex'));
      c.equal('re-export round trip', bytesToHex(publicKeyFromPem(publicKeyToPem(point))), bytesToHex(point));
    });
  },

  async badPems(c, value) {
    if (typeof value !== 'string') {
      c.fail('the case is not a string');
      return;
    }
    try {
      publicKeyFromPem(value);
      c.fail('accepted a PEM that must be rejected');
    } catch (error) {
      if (!hasErrorName(error, 'CryptoError'))
        c.fail(`rejected with ${describeError(error)}, not a CryptoError`);
    }
  },
};

async function checkCipher(c: Case, v: Fields, encType: EncType): Promise<void> {
  await c.check('encrypt', () => {
    const out = encryptWithIv(encType, hex(v, 'keyHex'), hex(v, 'ivHex'), hex(v, 'plaintextHex'));
    c.equal('ciphertext', bytesToHex(out), str(v, 'ciphertextHex'));
  });
  await c.check('decrypt', () => {
    const out = decrypt(encType, hex(v, 'keyHex'), hex(v, 'ciphertextHex'));
    c.equal('plaintext', bytesToHex(out), str(v, 'plaintextHex'));
  });
}

/** The sections this checker knows; a vector file must have every one of them. */
export const vectorSections: readonly string[] = Object.keys(checkers);

/**
 * Checks every case of every section of a parsed vector file. A missing or unknown section, or a wrong
 * `format`, is reported as a failure with index -1 rather than skipped, so nothing passes by being ignored.
 */
export async function checkVectors(
  vectors: unknown,
  options: VectorCheckOptions = {},
): Promise<VectorReport> {
  const subtle = options.subtle === null ? undefined : (options.subtle ?? globalThis.crypto?.subtle);
  const failures: VectorFailure[] = [];
  const sections: Record<string, number> = {};
  let passed = 0;
  if (typeof vectors !== 'object' || vectors === null || Array.isArray(vectors)) {
    return {
      passed,
      failed: 1,
      failures: [{ section: 'file', index: -1, problems: ['not a JSON object'] }],
      sections,
    };
  }
  const file = vectors as Record<string, unknown>;
  if (file.format !== vectorFormat) {
    failures.push({
      section: 'format',
      index: -1,
      problems: [`format is ${show(file.format)}, want ${vectorFormat}`],
    });
  }
  for (const section of vectorSections) {
    if (!Array.isArray(file[section])) failures.push({ section, index: -1, problems: ['section missing'] });
  }
  for (const [section, cases] of Object.entries(file)) {
    if (!Array.isArray(cases)) continue;
    sections[section] = cases.length;
    const checker = checkers[section];
    if (checker === undefined) {
      failures.push({ section, index: -1, problems: ['unknown section: no checker for it'] });
      continue;
    }
    for (const [index, value] of cases.entries()) {
      const c = new Case();
      if (section !== 'badPems' && (typeof value !== 'object' || value === null))
        c.fail('the case is not an object');
      else await c.check('case', () => checker(c, value, subtle));
      if (c.problems.length === 0) passed += 1;
      else failures.push({ section, index, problems: c.problems });
    }
  }
  return { passed, failed: failures.length, failures, sections };
}

/** One line per failure: `section[index]: problem; problem`. */
export function formatFailure(failure: VectorFailure): string {
  const where = failure.index < 0 ? failure.section : `${failure.section}[${failure.index}]`;
  return `FAIL ${where}: ${failure.problems.join('; ')}`;
}
