import { type Random, seededRandom } from '@birdtalk/runtime';

/**
 * Faults the server injects to test a client's resilience. Every field is optional and off when absent.
 * Randomness comes from `seed` (reproducible) or the server's injected `Random`; delays use its `Clock`.
 */
export interface FaultOptions {
  /** Drop each connection abruptly (no close frame) once it has received this many binary frames. */
  dropAfterFrames?: number;
  /** Probability, per received binary frame, of dropping the connection abruptly before handling it. */
  dropProbability?: number;
  /** Seed for the fault dice, so a failing run can be replayed. */
  seed?: number;
  /** Delay every frame the server sends by this many milliseconds (order is kept). */
  replyDelayMs?: number;
  /** Probability of not sending a `MsgChatReply` acknowledgement to the sender of a chat message. */
  swallowAckProbability?: number;
  /** Stop answering the client's pings and stop sending pings (the idle timeout still applies). */
  ignorePings?: boolean;
  /** Send nothing at all (no replies, pushes, pings or pongs) while still reading requests. */
  silent?: boolean;
}

/** Changes the injected faults at run time. */
export interface FaultController {
  /** Replaces the active faults (and restarts the seeded dice). */
  set(options: FaultOptions): void;
  /** Turns every fault off. */
  clear(): void;
  /** The active faults. */
  readonly current: Readonly<FaultOptions>;
}

/** The fault state the connections consult. */
export interface FaultState extends FaultController {
  /** Rolls the dice: `true` with probability `p`. */
  roll(p: number | undefined): boolean;
}

/** Creates the fault state of a server. */
export function createFaults(initial: FaultOptions | undefined, random: Random): FaultState {
  let current: FaultOptions = {};
  let dice: Random = random;
  const apply = (options: FaultOptions): void => {
    current = { ...options };
    dice = options.seed === undefined ? random : seededRandom(options.seed);
  };
  apply(initial ?? {});
  return {
    set: apply,
    clear: () => apply({}),
    get current() {
      return current;
    },
    roll(p) {
      if (p === undefined || p <= 0) return false;
      if (p >= 1) return true;
      return dice.float() < p;
    },
  };
}
