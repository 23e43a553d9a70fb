import { performance } from 'node:perf_hooks';

/** One contender of a throughput comparison. */
export interface Contender {
  readonly name: string;
  /** Runs one operation. May be async; it is awaited. */
  readonly run: () => unknown;
}

/** Throughput of one contender: the median of its rounds, and the spread of those rounds. */
export interface Throughput {
  readonly name: string;
  readonly opsPerSecond: number;
  readonly minOpsPerSecond: number;
  readonly maxOpsPerSecond: number;
  readonly rounds: number;
}

/** Options of {@link compareThroughput}. */
export interface CompareOptions {
  /** How long each contender runs per round. */
  readonly roundMs: number;
  /** Rounds per contender; contenders alternate, so a noisy moment hurts all of them alike. */
  readonly rounds: number;
  /** Untimed operations per contender before measuring (JIT warm-up). */
  readonly warmupOps: number;
}

/**
 * Measures the throughput of several contenders side by side: after a warm-up, rounds alternate between the
 * contenders (A B A B …), and each contender's figure is the median of its rounds. On a shared, noisy machine
 * only the ratio between contenders measured this way means anything.
 */
export async function compareThroughput(
  contenders: readonly Contender[],
  options: CompareOptions,
): Promise<Throughput[]> {
  for (const contender of contenders) {
    for (let i = 0; i < options.warmupOps; i += 1) await contender.run();
  }
  const samples = contenders.map(() => [] as number[]);
  for (let round = 0; round < options.rounds; round += 1) {
    for (const [index, contender] of contenders.entries()) {
      samples[index]!.push(await opsPerSecond(contender.run, options.roundMs));
    }
  }
  return contenders.map((contender, index) => {
    const sorted = [...samples[index]!].sort((a, b) => a - b);
    return {
      name: contender.name,
      opsPerSecond: median(sorted),
      minOpsPerSecond: sorted[0]!,
      maxOpsPerSecond: sorted[sorted.length - 1]!,
      rounds: sorted.length,
    };
  });
}

async function opsPerSecond(run: () => unknown, roundMs: number): Promise<number> {
  let ops = 0;
  let batch = 1;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < roundMs) {
    for (let i = 0; i < batch; i += 1) {
      const result = run();
      if (result instanceof Promise) await result;
    }
    ops += batch;
    elapsed = performance.now() - start;
    // Grow the batch so the clock is read rarely, but keep rounds close to their intended length.
    if (elapsed < roundMs / 10) batch *= 2;
  }
  return (ops * 1000) / elapsed;
}

/** The median of an ascending list. */
export function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The value at quantile `q` (0..1) of an ascending list, by nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}
