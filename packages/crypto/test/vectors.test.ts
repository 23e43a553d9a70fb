import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadVectors, sharedVectorsPath, vectorsPath } from './helpers.js';
import { checkVectors, formatFailure, vectorSections } from './vector-check.js';

const vectors = loadVectors();

describe('the Go-generated vectors', () => {
  it('all pass, through pure JS and through WebCrypto', async () => {
    const report = await checkVectors(vectors);
    expect(report.failures.map(formatFailure)).toEqual([]);
    const total = vectorSections.reduce(
      (sum, section) => sum + (vectors[section as keyof typeof vectors]?.length ?? 0),
      0,
    );
    expect(report.passed).toBe(total);
    expect(report.sections).toMatchObject({ ecdh: 27, aesCtr: 14, badPems: 4 });
  });

  it('all pass without WebCrypto', async () => {
    const report = await checkVectors(vectors, { subtle: null });
    expect(report.failures.map(formatFailure)).toEqual([]);
  });

  it('include secrets the Go server refuses', () => {
    const refused = vectors.ecdh.filter((c) => c.serverAccepts === false);
    expect(refused.length).toBeGreaterThan(0);
    for (const c of refused) expect(String(c.sharedHex).startsWith('00')).toBe(true);
  });

  it('match the shared original when it is present', (context) => {
    if (!existsSync(sharedVectorsPath)) {
      context.skip();
      return;
    }
    expect(readFileSync(vectorsPath, 'utf8')).toBe(readFileSync(sharedVectorsPath, 'utf8'));
  });
});

describe('the vector checker', () => {
  const mutated = (change: (copy: Record<string, unknown[]>) => void): unknown => {
    const copy = structuredClone(vectors) as unknown as Record<string, unknown[]>;
    change(copy);
    return copy;
  };

  it('fails a case whose expected output is wrong, naming section and index', async () => {
    const report = await checkVectors(
      mutated((copy) => {
        (copy.aesCtr![3] as Record<string, string>).ciphertextHex += '00';
        (copy.ecdh![1] as Record<string, unknown>).serverAccepts = false;
        (copy.downloadSign![2] as Record<string, string>).fileName = 'other.pdf';
      }),
      { subtle: null },
    );
    expect(report.failures.map((f) => `${f.section}[${f.index}]`)).toEqual([
      'ecdh[1]',
      'aesCtr[3]',
      'downloadSign[2]',
    ]);
    expect(report.failed).toBe(3);
    expect(formatFailure(report.failures[0]!)).toMatch(
      /^FAIL ecdh\[1\]: serverAccepts: got true, want false$/,
    );
  });

  it('fails a bad PEM that is accepted', async () => {
    const report = await checkVectors(
      mutated((copy) => {
        copy.badPems!.push(String((copy.pemParse![0] as Record<string, string>).pem));
      }),
      { subtle: null },
    );
    expect(report.failures.map(formatFailure)).toEqual([
      'FAIL badPems[4]: accepted a PEM that must be rejected',
    ]);
  });

  it('reports missing and unknown sections instead of skipping them', async () => {
    const report = await checkVectors(
      mutated((copy) => {
        delete copy.chacha20;
        copy.twofish = [{}];
      }),
      { subtle: null },
    );
    expect(report.failures.map(formatFailure)).toEqual([
      'FAIL chacha20: section missing',
      'FAIL twofish: unknown section: no checker for it',
    ]);
  });

  it('rejects a file that is not a vector file', async () => {
    expect((await checkVectors([])).failed).toBe(1);
    const report = await checkVectors({ format: 'other' }, { subtle: null });
    expect(report.failures[0]!.section).toBe('format');
    expect(report.failed).toBe(1 + vectorSections.length);
  });
});
