import type { Clock, Logger, Random } from '@birdtalk/runtime';
import type { FaultState } from './faults.js';
import type { HazardLog } from './hazards.js';
import type { Snowflake } from './ids.js';
import type { ServerConfig } from './options.js';
import type { Session } from './session.js';
import type { Store } from './state/store.js';

/** Everything a request handler may use. */
export interface ServerContext {
  readonly config: ServerConfig;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
  readonly ids: Snowflake;
  readonly store: Store;
  /** Live connections by id. */
  readonly sessions: Map<bigint, Session>;
  readonly hazards: HazardLog;
  readonly faults: FaultState;
}
