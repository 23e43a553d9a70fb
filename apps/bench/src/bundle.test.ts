import { describe, expect, it } from 'vitest';
import { MINIMAL_CLIENT, measureBundle, packageOf, WHOLE_CLIENT } from './scenarios/bundle.js';

describe('the browser bundle check', () => {
  it('bundles the client for browsers from the built packages, with no Node built-in pulled in', async () => {
    const whole = await measureBundle(WHOLE_CLIENT);
    const minimal = await measureBundle(MINIMAL_CLIENT);
    expect(whole.gzipBytes).toBeGreaterThan(0);
    expect(whole.gzipBytes).toBeLessThan(whole.minifiedBytes);
    expect(minimal.minifiedBytes).toBeLessThanOrEqual(whole.minifiedBytes);
    const names = whole.byPackage.map(({ name }) => name);
    expect(names).toEqual(
      expect.arrayContaining(['@birdtalk/client', '@birdtalk/session', '@birdtalk/proto']),
    );
    // The client's entries share one copy of it: importing the main and the browser entry costs it once.
    const client = whole.byPackage.find(({ name }) => name === '@birdtalk/client')!;
    const browserOnly = await measureBundle("export * from '@birdtalk/client/browser';");
    const clientOnce = browserOnly.byPackage.find(({ name }) => name === '@birdtalk/client')!;
    expect(client.bytes).toBeLessThan(clientOnce.bytes * 1.5);
  });

  it('fails for code that needs Node', async () => {
    await expect(measureBundle("export * from '@birdtalk/client/node';")).rejects.toThrow(
      /pulls in Node built-ins: node:/,
    );
  });

  it('names the package every input file belongs to', () => {
    expect(
      packageOf('../../node_modules/.pnpm/@noble+curves@2.4.0/node_modules/@noble/curves/abstract/curve.js'),
    ).toBe('@noble/curves');
    expect(packageOf('../../node_modules/.pnpm/long@5.3.2/node_modules/long/umd/index.js')).toBe('long');
    expect(packageOf('../../packages/session/dist/index.js')).toBe('@birdtalk/session');
    expect(packageOf('entry.js')).toBe('entry.js');
  });
});
