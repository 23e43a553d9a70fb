/**
 * The BirdTalk client in a web page, with the browser's pieces wired in: the page's `WebSocket`, WebCrypto ECDH,
 * `fetch` for downloads, and a key store in `localStorage`, so a reloaded page logs in again without the
 * password.
 *
 * A browser cannot pin a certificate or skip its verification: a `wss://` server needs a certificate the browser
 * trusts (see the README's "In a browser").
 *
 * @example
 * ```ts
 * import { p2p } from '@birdtalk/client';
 * import { createBrowserClient } from '@birdtalk/client/browser';
 *
 * const client = createBrowserClient({
 *   server: 'wss://chat.example.com:7817/ws',
 *   credentials: { method: 'id', userId: '10001', password },
 * });
 * client.on('message', (message) => console.log(message.from, message.text));
 * await client.start();
 * await client.sendText(p2p('10002'), 'hello from a browser');
 * ```
 *
 * @packageDocumentation
 */

import { createMemoryKeyStore, createWebStorageKeyStore, defaultEcdh, type KeyStore } from '@birdtalk/crypto';
import type { BirdTalkError } from '@birdtalk/errors';
import { type Clock, type Logger, type Random, silentLogger } from '@birdtalk/runtime';
import type { CodeRequest } from '@birdtalk/session';
import { type Connector, createWebSocketConnector } from '@birdtalk/transport';
import { createClient } from './client.js';
import type { Client } from './client-api.js';
import type { ClientOptions } from './client-options.js';
import type { HttpGet } from './context.js';
import { createFetchHttpGet } from './http.js';
import type { Store } from './store/store.js';

/** Options of {@link createBrowserClient}: the client's options plus where the page keeps its key. */
export interface BrowserClientOptions extends ClientOptions {
  /**
   * Where the key of the key exchange is kept: `'local'` (`localStorage`: survives reloads and restarts),
   * `'session'` (`sessionStorage`: forgotten with the tab) or `'memory'` (forgotten with the page).
   * @defaultValue `'local'` (`'memory'` where the page has no Web Storage)
   */
  readonly keyStorage?: 'local' | 'session' | 'memory';
}

/** Collaborators a browser client may override; everything has a browser default. */
export interface BrowserClientDeps {
  readonly clock?: Clock;
  readonly random?: Random;
  /** Where the client and its key store log; silent by default. */
  readonly logger?: Logger;
  readonly requestCode?: (request: CodeRequest) => Promise<string>;
  /** Replaces the `WebSocket` connector. */
  readonly connector?: Connector;
  /** Replaces the Web Storage key store. */
  readonly keyStore?: KeyStore;
  /** Where delivery state is kept; in memory by default. */
  readonly store?: Store;
  /** Replaces `fetch` for downloads. */
  readonly httpGet?: HttpGet;
}

/**
 * Creates a client for a web page. Nothing happens until `start()`.
 *
 * @throws InvalidArgumentError for options that cannot work.
 */
export function createBrowserClient(options: BrowserClientOptions, deps: BrowserClientDeps = {}): Client {
  const logger = deps.logger ?? silentLogger;
  const { keyStorage = 'local', ...clientOptions } = options;
  return createClient(clientOptions, {
    connector:
      deps.connector ??
      createWebSocketConnector(
        options.session?.connectTimeoutMs === undefined
          ? {}
          : { connectTimeoutMs: options.session.connectTimeoutMs },
      ),
    keyStore: deps.keyStore ?? browserKeyStore(keyStorage, logger),
    // WebCrypto, which pages get only in secure contexts (https:, localhost); elsewhere the portable provider.
    ecdh: defaultEcdh(),
    httpGet: deps.httpGet ?? createFetchHttpGet(),
    logger,
    ...(deps.store === undefined ? {} : { store: deps.store }),
    ...(deps.clock === undefined ? {} : { clock: deps.clock }),
    ...(deps.random === undefined ? {} : { random: deps.random }),
    ...(deps.requestCode === undefined ? {} : { requestCode: deps.requestCode }),
  });
}

function browserKeyStore(kind: 'local' | 'session' | 'memory', logger: Logger): KeyStore {
  if (kind === 'memory') return createMemoryKeyStore();
  const storage = webStorage(kind === 'local' ? 'localStorage' : 'sessionStorage');
  if (storage === undefined) {
    logger.warn('this page has no Web Storage: the key is kept in memory and a reload needs the password');
    return createMemoryKeyStore();
  }
  return createWebStorageKeyStore({
    storage,
    onWarning: (warning: BirdTalkError) =>
      logger.warn('key store', { code: warning.code, reason: warning.message }),
  });
}

function webStorage(name: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return (globalThis as Partial<Record<typeof name, Storage>>)[name];
  } catch {
    // Reading the property throws where the user disabled storage for the site.
    return undefined;
  }
}
