import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { collectHelloInfo, SDK_VERSION } from './hello-info.js';

const sdk = `birdtalk-ts/${packageJson.version}`;

describe('collectHelloInfo', () => {
  it('describes Node from the real globals', () => {
    const info = collectHelloInfo();
    expect(SDK_VERSION).toBe(packageJson.version);
    expect(info.version).toBe(packageJson.version);
    expect(info.platform).toBe(process.platform);
    expect(info.params.Sdk).toBe(sdk);
    expect(info.params.Runtime).toBe(`node/${process.versions.node}`);
    expect(info.params.Lang).toMatch(/^[a-z]{2,3}(-|$)/i);
    expect(info.params.TimeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(info.params.OsVersion).toContain(' ');
    expect(info.params.Hardware).toContain(process.arch);
    expect(info.params.Hardware).toMatch(/MiB$/);
  });

  it('describes a browser from navigator alone', () => {
    const info = collectHelloInfo({
      window: {},
      document: {},
      navigator: {
        language: 'pt-BR',
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
        userAgentData: { platform: 'Linux' },
      },
    });
    expect(info.platform).toBe('browser');
    expect(info.params).toMatchObject({
      Lang: 'pt-BR',
      CountryCode: 'BR',
      OsVersion: 'Linux',
      Hardware: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
      Runtime: 'browser',
      Sdk: sdk,
    });
  });

  it('describes Deno, which also defines process.versions.node', () => {
    const info = collectHelloInfo({
      process: { versions: { node: '20.11.1' }, platform: 'win32' },
      navigator: { hardwareConcurrency: 8 },
      Deno: {
        version: { deno: '2.1.4' },
        build: { os: 'windows', arch: 'x86_64' },
        osRelease: () => '10.0.22631',
        systemMemoryInfo: () => ({ total: 17_179_869_184 }),
      },
    });
    expect(info.platform).toBe('win32');
    expect(info.params).toMatchObject({
      Runtime: 'deno/2.1.4',
      OsVersion: 'windows 10.0.22631',
      Hardware: 'x86_64; 8 cpus; 16384 MiB',
    });
  });

  it('describes Bun through its node:os', () => {
    const os = {
      type: () => 'Darwin',
      release: () => '24.1.0',
      arch: () => 'arm64',
      cpus: () => [{ model: 'Apple M3' }, { model: 'Apple M3' }],
      totalmem: () => 8_589_934_592,
    };
    const info = collectHelloInfo({
      Bun: { version: '1.1.38' },
      process: {
        versions: { node: '22.6.0', bun: '1.1.38' },
        platform: 'darwin',
        getBuiltinModule: () => os,
      },
    });
    expect(info.platform).toBe('darwin');
    expect(info.params).toMatchObject({
      Runtime: 'bun/1.1.38',
      OsVersion: 'Darwin 24.1.0',
      Hardware: 'arm64; Apple M3 x2; 8192 MiB',
    });
  });

  it('never throws, whatever the globals do', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no access');
        },
      },
    );
    const info = collectHelloInfo({
      process: hostile,
      navigator: hostile,
      Deno: hostile,
      Bun: hostile,
      Intl: hostile,
    });
    expect(info.params.Sdk).toBe(sdk);
    expect(info.platform).toBe('unknown');
    expect(collectHelloInfo({}).params.Runtime).toBe('unknown');
  });

  it('leaves out what it cannot determine instead of sending empty values', () => {
    const info = collectHelloInfo({ process: { versions: { node: '20.0.0' } }, Intl: {} });
    expect(Object.values(info.params)).not.toContain('');
    expect(info.params.Lang).toBeUndefined();
    expect(info.params.TimeZone).toBeUndefined();
  });
});
