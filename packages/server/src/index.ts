/**
 * A BirdTalk-compatible reference server for bot authors and tests. It speaks the real wire protocol over
 * WebSocket (or in memory), answers as the real Go server answers (its quirks included), never crashes, and
 * records every request that would crash the real server as a named hazard. Faults (drops, delays, swallowed
 * acknowledgements, silence) can be injected to test a client's resilience.
 *
 * @example
 * ```ts
 * import { createServer } from '@birdtalk/server';
 *
 * const server = await createServer({ port: 0 });
 * console.log(server.url);
 * await server.close();
 * ```
 *
 * @packageDocumentation
 */

export type { FaultController, FaultOptions } from './faults.js';
export { HAZARDS, type Hazard, type HazardName } from './hazards.js';
export { SNOWFLAKE_EPOCH_MS } from './ids.js';
export type { StoredFile, StoredGroup, StoredGroupMessage, StoredMessage, StoredUser } from './inspect.js';
export { SERVER_DEFAULTS, type SeedGroup, type SeedUser, type ServerOptions } from './options.js';
export {
  SERVER_REGISTRY_ENV,
  SERVER_REGISTRY_KEY,
  type ServerRegistry,
  type TrackedServer,
  trackedServers,
} from './registry.js';
export { type BirdTalkServer, createServer } from './server.js';
export { chooseStateFile, defaultStateFile, type StateChoice, startupFailureText } from './state-file.js';
