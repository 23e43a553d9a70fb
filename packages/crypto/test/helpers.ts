/** Small assertions shared by the crypto tests. */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CryptoError } from '@birdtalk/errors';
import { expect } from 'vitest';

/** The repository's copy of the Go-generated vectors. */
export const vectorsPath = fileURLToPath(new URL('./vectors/crypto.json', import.meta.url));

/** The shared original of the vectors, beside the repository; it may be absent. */
export const sharedVectorsPath = fileURLToPath(
  new URL('../../../../shared/vectors/crypto.json', import.meta.url),
);

/** A case of one vector section, loosely typed: the checker in `vector-check.ts` validates the fields. */
export type VectorCase = Record<string, string | number | boolean>;

/** The parsed vector file. */
export interface Vectors {
  readonly format: string;
  readonly ecdh: readonly VectorCase[];
  readonly keyPrint: readonly VectorCase[];
  readonly aesCtr: readonly VectorCase[];
  readonly chacha20: readonly VectorCase[];
  readonly checkToken: readonly VectorCase[];
  readonly downloadSign: readonly VectorCase[];
  readonly pemParse: readonly VectorCase[];
  readonly badPems: readonly string[];
}

/** Reads the repository's copy of the vectors. */
export function loadVectors(): Vectors {
  return JSON.parse(readFileSync(vectorsPath, 'utf8')) as Vectors;
}

/** Asserts that `run` throws a {@link CryptoError} with `code`, and returns it. */
export function expectCryptoError(run: () => unknown, code: string): CryptoError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CryptoError);
  expect((caught as CryptoError).code).toBe(code);
  return caught as CryptoError;
}

/** Asserts that `promise` rejects with a {@link CryptoError} with `code`, and returns it. */
export async function expectCryptoRejection(promise: Promise<unknown>, code: string): Promise<CryptoError> {
  const caught = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(CryptoError);
  expect((caught as CryptoError).code).toBe(code);
  return caught as CryptoError;
}

/** Lowercase hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Bytes of lowercase or uppercase hex. */
export function fromHex(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}
