import { describe, expect, it } from 'vitest';
import { chromiumForTests, decideBrowser } from '../dev/chromium.js';

const nowhere = (): boolean => false;
const only =
  (path: string) =>
  (candidate: string): boolean =>
    candidate === path;

describe('the browser suites', () => {
  it('run with the first Chromium found', () => {
    expect(decideBrowser({ env: {}, exists: only('/usr/bin/chromium') })).toEqual({
      kind: 'run',
      executablePath: '/usr/bin/chromium',
    });
    expect(decideBrowser({ env: { CI: 'true' }, exists: only('/usr/bin/google-chrome') })).toEqual({
      kind: 'run',
      executablePath: '/usr/bin/google-chrome',
    });
  });

  it('look only at CHROMIUM_PATH when it is set', () => {
    expect(decideBrowser({ env: { CHROMIUM_PATH: '/opt/c/chrome' }, exists: only('/opt/c/chrome') })).toEqual(
      {
        kind: 'run',
        executablePath: '/opt/c/chrome',
      },
    );
    expect(
      decideBrowser({ env: { CHROMIUM_PATH: '/opt/c/chrome' }, exists: only('/usr/bin/chromium') }).kind,
    ).toBe('skip');
  });

  it('are skipped without a browser, and fail without one under CI', () => {
    expect(decideBrowser({ env: {}, exists: nowhere }).kind).toBe('skip');
    expect(decideBrowser({ env: { CI: 'false' }, exists: nowhere }).kind).toBe('skip');
    expect(decideBrowser({ env: { CI: 'true' }, exists: nowhere }).kind).toBe('fail');
    expect(decideBrowser({ env: { CI: '1' }, exists: nowhere }).kind).toBe('fail');
  });

  it('say loudly that they were skipped, and throw under CI', () => {
    const printed: string[] = [];
    expect(chromiumForTests({ env: {}, exists: nowhere }, (text) => printed.push(text))).toBeUndefined();
    expect(printed.join('')).toMatch(/SKIPPED: no Chromium found/);
    expect(() => chromiumForTests({ env: { CI: 'true' }, exists: nowhere }, () => {})).toThrow(/CI=true/);
    expect(chromiumForTests({ env: {}, exists: only('/usr/bin/chromium') }, () => {})).toBe(
      '/usr/bin/chromium',
    );
  });
});
