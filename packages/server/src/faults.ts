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
  /**
   * A client that reads nothing: the server's writer blocks, outgoing frames wait in the connection's send
   * queue (`sendQueueLimit` deep) and what does not fit is silently dropped, as the real server's
   * `SendMessage` does. Clearing the fault lets the queue drain.
   */
  readerStalled?: boolean;
  /** A slow client that reads one frame per this many milliseconds; the send queue overflows as above. */
  slowReaderIntervalMs?: number;
  /** Depth of the send queue under a slow or stalled reader; the real server's is 128. */
  sendQueueLimit?: number;
  /** Probability of silently dropping any outgoing binary frame (replies, heartbeats, acks, errors, pushes). */
  dropOutboundProbability?: number;
}

/** The real server's per-connection send queue: 128 frames (`core/session.go`, `SendMessage`). */
export const REAL_SEND_QUEUE_LIMIT = 128;

/** Changes the injected faults at run time. */
export interface FaultController {
  /** Replaces the active faults (and restarts the seeded dice). */
  set(options: FaultOptions): void;
  /** Turns every fault off. */
  clear(): void;
  /** The active faults. */
  readonly current: Readonly<FaultOptions>;
  /** How many outgoing frames the send-queue and outbound-drop faults have dropped so far. */
  readonly dropped: number;
}

/** The fault state the connections consult. */
export interface FaultState extends FaultController {
  /** Rolls the dice: `true` with probability `p`. */
  roll(p: number | undefined): boolean;
  /** Counts one dropped frame. */
  countDrop(): void;
  /** Calls `listener` after every change of the faults; returns a function that stops that. */
  onChange(listener: () => void): () => void;
}

/** Creates the fault state of a server. */
export function createFaults(initial: FaultOptions | undefined, random: Random): FaultState {
  let current: FaultOptions = {};
  let dice: Random = random;
  let dropped = 0;
  const listeners = new Set<() => void>();
  const apply = (options: FaultOptions): void => {
    current = { ...options };
    dice = options.seed === undefined ? random : seededRandom(options.seed);
    for (const listener of [...listeners]) listener();
  };
  apply(initial ?? {});
  return {
    set: apply,
    clear: () => apply({}),
    get current() {
      return current;
    },
    get dropped() {
      return dropped;
    },
    countDrop() {
      dropped += 1;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    roll(p) {
      if (p === undefined || p <= 0) return false;
      if (p >= 1) return true;
      return dice.float() < p;
    },
  };
}
