import type { ScenarioContext } from '../context.js';

/** One conformance scenario: a sequence of requests whose normalised transcript is compared. */
export interface Scenario {
  /** The file name of its transcript, without `.txt`. */
  readonly name: string;
  /** What it checks, in one sentence. */
  readonly description: string;
  run(ctx: ScenarioContext): Promise<void>;
}
