/** How a {@link Gate} opened. */
export type GateOutcome = 'run' | 'abandon';

/**
 * A one-time gate: waiters queue until it opens, then learn whether to run or give up. Updates the client
 * delivers before `bot.start()` wait here, so that nothing reaches a half-registered middleware chain.
 */
export class Gate {
  #outcome: GateOutcome | undefined;
  #open!: (outcome: GateOutcome) => void;
  readonly #opened = new Promise<GateOutcome>((resolve) => {
    this.#open = resolve;
  });

  /** How it opened; `undefined` while closed. */
  get outcome(): GateOutcome | undefined {
    return this.#outcome;
  }

  /** Resolves with the outcome once the gate is open. */
  wait(): Promise<GateOutcome> {
    return this.#opened;
  }

  /** Opens the gate; later calls change nothing. */
  open(outcome: GateOutcome): void {
    if (this.#outcome !== undefined) return;
    this.#outcome = outcome;
    this.#open(outcome);
  }
}
