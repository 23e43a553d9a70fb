/** One measured comparison: our figure against the baseline measured in the same run. */
export interface ResultRow {
  readonly metric: string;
  readonly unit: string;
  readonly ours: number;
  readonly baseline: number;
  readonly baselineName: string;
  /** ours / baseline. Above 1 means ours is larger (faster for throughputs, slower for latencies). */
  readonly ratio: number;
}

/** A target the README states, checked against this run. */
export interface TargetCheck {
  readonly description: string;
  readonly value: number;
  readonly target: number;
  readonly comparison: '>=' | '<=';
  readonly met: boolean;
}

/** What one scenario reports. */
export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly parameters: Readonly<Record<string, number | string>>;
  readonly rows: readonly ResultRow[];
  readonly targets: readonly TargetCheck[];
  readonly notes: readonly string[];
}

/** Builds a row, computing the ratio. */
export function row(
  metric: string,
  unit: string,
  ours: number,
  baseline: number,
  baselineName: string,
): ResultRow {
  return { metric, unit, ours, baseline, baselineName, ratio: ours / baseline };
}

/** Builds a target check. */
export function target(
  description: string,
  value: number,
  comparison: '>=' | '<=',
  goal: number,
): TargetCheck {
  return {
    description,
    value,
    target: goal,
    comparison,
    met: comparison === '>=' ? value >= goal : value <= goal,
  };
}
