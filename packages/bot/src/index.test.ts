import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sourceDir = dirname(fileURLToPath(import.meta.url));

/** The bare import specifiers of `entry` and of the modules it reaches through relative imports. */
function bareImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const pending = [resolve(sourceDir, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    // Statements start a line; examples inside doc comments start with ' * ' and are skipped.
    for (const match of source.matchAll(/^(?:import|export)\b[^;]*?from\s+'([^']+)'/gm)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else bare.add(specifier);
    }
  }
  return bare;
}

describe('the public API', () => {
  // A change to these lists is an API change: review it as one.
  it('exports exactly these values from each entry point', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual([
      'Bot',
      'BotErrorCode',
      'Composer',
      'Context',
      'ConversationTimeoutError',
      'Conversations',
      'DEFAULT_BOT_OPTIONS',
      'DEFAULT_COMMAND_PREFIX',
      'DEFAULT_CONVERSATIONS_OPTIONS',
      'DEFAULT_RATE_LIMIT_OPTIONS',
      'DEFAULT_SESSION_OPTIONS',
      'addressesBot',
      'conversationKeyOf',
      'conversations',
      'createBot',
      'createMemorySessionStorage',
      'createRateLimiter',
      'fromUser',
      'inGroup',
      'isCatchingUp',
      'isGroup',
      'isLive',
      'isP2P',
      'parseCommand',
      'rateLimitedClient',
      'sequentialize',
      'session',
      'sessionKeys',
      'splitArgs',
      'storeSessionStorage',
    ]);
    expect(Object.keys(await import('./node.js')).sort()).toEqual([
      'ACCOUNT_FILE',
      'BOT_CONFIG_INVALID',
      'BOT_PACKAGE_VERSION',
      'BotExitCode',
      'botEnvironment',
      'connectionProblem',
      'createLineLogger',
      'credentialsFor',
      'describeStartupError',
      'exitCodeFor',
      'recordRegistration',
      'registerBotMetrics',
      'rememberRegistration',
      'runBot',
      'serveHealth',
      'startupBanner',
      'stopOnSignals',
    ]);
    expect(Object.keys(await import('./testing.js')).sort()).toEqual([
      'TEST_BOT_ID',
      'TEST_USER_ID',
      'chatOf',
      'contentMessage',
      'createTestClient',
      'fileMessage',
      'followedEvent',
      'imageMessage',
      'memberLeftEvent',
      'membersJoinedEvent',
      'nextTestId',
      'recallEvent',
      'receiptEvent',
      'textMessage',
      'unfollowedEvent',
      'userProfile',
      'voiceMessage',
    ]);
  });

  it('keeps the main and testing entries free of Node built-ins, so they run in browsers', () => {
    for (const entry of ['index.ts', 'testing.ts']) {
      expect([...bareImports(entry)].sort()).toEqual([
        '@birdtalk/client',
        '@birdtalk/errors',
        '@birdtalk/runtime',
      ]);
    }
  });

  it('builds only on the client, never on the session or the socket below it', () => {
    for (const entry of ['index.ts', 'node.ts', 'testing.ts']) {
      const bare = [...bareImports(entry)];
      expect(
        bare.filter((specifier) => /^@birdtalk\/(session|transport|proto|server)/.test(specifier)),
      ).toEqual([]);
    }
  });

  it('has stable error codes', async () => {
    const { BotErrorCode } = await import('./index.js');
    expect(Object.values(BotErrorCode).every((code) => /^BOT_[A-Z_]+$/.test(code))).toBe(true);
  });
});
