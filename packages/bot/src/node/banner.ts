import { createRequire } from 'node:module';

/** What a bot says about itself in the one line {@link runBot} logs before it connects. */
export interface BotBanner {
  /** The program's name, e.g. `echo-bot`. */
  readonly name: string;
  /** The program's version, e.g. `0.1.0`. */
  readonly version?: string;
  /** Who it logs in as: a user id, or `register <name>` for a bot that registers on its first start. */
  readonly account?: string;
  /** Where its key and delivery state live. */
  readonly stateDir?: string;
  /** Where its health endpoint listens (`HealthServer.url`). */
  readonly health?: string;
}

/**
 * The version of this package, read from its `package.json`, so that a log says which SDK a deployed bot runs.
 * The file is one level up from the built `dist/node.js` and two from this source file.
 */
export const BOT_PACKAGE_VERSION: string = ownVersion();

function ownVersion(): string {
  const load = createRequire(import.meta.url);
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const manifest = load(path) as { readonly name?: unknown; readonly version?: unknown };
      if (manifest.name === '@birdtalk/bot' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // Not at this depth: try the next one.
    }
  }
  return 'unknown';
}

/**
 * The startup banner: `echo-bot 0.1.0 (@birdtalk/bot 0.1.0) connecting to wss://… as 10001; state in …; health
 * on http://127.0.0.1:9464`. Parts not given are left out. It holds no password or key: none is passed in.
 */
export function startupBanner(banner: BotBanner, server: string | undefined): string {
  const program = banner.version === undefined ? banner.name : `${banner.name} ${banner.version}`;
  let line = `${program} (@birdtalk/bot ${BOT_PACKAGE_VERSION}) connecting to ${shown(server)}`;
  if (banner.account !== undefined) line += ` as ${banner.account}`;
  if (banner.stateDir !== undefined) line += `; state in ${banner.stateDir}`;
  if (banner.health !== undefined) line += `; health on ${banner.health}`;
  return line;
}

/** The URL without user info or query, where a credential could hide. */
function shown(server: string | undefined): string {
  if (server === undefined || !URL.canParse(server)) return 'the server';
  const url = new URL(server);
  url.username = '';
  url.password = '';
  url.search = '';
  return url.href;
}
