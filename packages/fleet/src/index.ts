/**
 * Runs many BirdTalk bot accounts over many processes on any machines: the accounts are dealt evenly over the
 * live workers through Redis, each account is held by one worker at a time under a lease with a fencing
 * token, a crashed worker's accounts are taken over within the lease TTL, and a worker that stops hands its
 * accounts over gracefully.
 *
 * @packageDocumentation
 */

export { assignAccounts } from './assign.js';
export {
  type AccountSlot,
  DEFAULT_FLEET_OPTIONS,
  type Fleet,
  type FleetAccount,
  type FleetLeases,
  type FleetOptions,
  type FleetStatus,
  type RunningAccount,
  runFleet,
} from './fleet.js';
export { type AccountHolder, type ReadHoldersOptions, readHolders } from './holders.js';
export { workersKey } from './membership.js';
