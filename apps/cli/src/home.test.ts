import { describe, expect, it } from 'vitest';
import { accountDir, resolveHome } from './home.js';

describe('resolveHome', () => {
  it('prefers --home, then BIRDTALK_HOME, relative to the working directory', () => {
    expect(resolveHome('h', { BIRDTALK_HOME: '/env' }, '/cwd', 'linux', '/home/u')).toBe('/cwd/h');
    expect(resolveHome(undefined, { BIRDTALK_HOME: '/env' }, '/cwd', 'linux', '/home/u')).toBe('/env');
  });

  it('defaults to the configuration directory of the platform', () => {
    expect(resolveHome(undefined, {}, '/cwd', 'linux', '/home/u')).toBe('/home/u/.config/birdtalk');
    expect(resolveHome(undefined, { XDG_CONFIG_HOME: '/xdg' }, '/cwd', 'linux', '/home/u')).toBe(
      '/xdg/birdtalk',
    );
    // A relative XDG_CONFIG_HOME is invalid by the specification and ignored.
    expect(resolveHome(undefined, { XDG_CONFIG_HOME: 'rel' }, '/cwd', 'linux', '/home/u')).toBe(
      '/home/u/.config/birdtalk',
    );
    expect(resolveHome(undefined, {}, '/cwd', 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/birdtalk',
    );
  });
});

describe('accountDir', () => {
  it('is per account and per server', () => {
    const a = accountDir('/h', 'wss://a:7817/ws', '10001');
    expect(a).toMatch(/^\/h\/accounts\/10001-[0-9a-f]{12}$/);
    expect(accountDir('/h', 'wss://b:7817/ws', '10001')).not.toBe(a);
  });
});
