/**
 * A SQLite {@link @birdtalk/client!Store | Store} for `@birdtalk/client`, on better-sqlite3: sync positions, the deduplication window,
 * the outbox and the send-id mark in one database file (WAL, transactions, mode 0600), so that a restarted
 * bot resumes exactly where it stopped.
 *
 * @example
 * ```ts
 * import { createNodeClient } from '@birdtalk/client/node';
 * import { createSqliteStore } from '@birdtalk/store-sqlite';
 *
 * const client = createNodeClient(
 *   { server: 'wss://chat.example.com:7817/ws', credentials: { method: 'id', userId: '10001', password } },
 *   { store: createSqliteStore({ path: './bot-state/birdtalk.sqlite' }) },
 * );
 * await client.start();
 * ```
 *
 * @packageDocumentation
 */

export { SCHEMA_VERSION } from './schema.js';
export {
  createSqliteStore,
  DEFAULT_SQLITE_STORE_OPTIONS,
  SqliteStoreErrorCode,
  type SqliteStoreOptions,
} from './sqlite-store.js';
