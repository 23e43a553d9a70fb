/**
 * Test helpers for code built on `@birdtalk/client`: the contract every `Store` implementation must meet, as
 * runner-independent cases.
 *
 * @example
 * ```ts
 * import { storeContract } from '@birdtalk/client/testing';
 * import { describe, it } from 'vitest';
 *
 * describe('SQLite store', () => {
 *   for (const check of storeContract({ setup: () => sqlitePlace(), persistent: true })) it(check.name, check.run);
 * });
 * ```
 *
 * @packageDocumentation
 */

export {
  type StoreContractCase,
  type StoreContractOptions,
  type StoreContractPlace,
  storeContract,
} from './store/contract.js';
