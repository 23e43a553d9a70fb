import { performance } from 'node:perf_hooks';
import { median, quantile } from './measure.js';

/** Sends one message and resolves when the round trip completed (echo received, or ack resolved). */
export type RoundTrip = () => Promise<void>;

/** Throughput with a window of round trips in flight. */
export async function windowedThroughput(send: RoundTrip, total: number, window: number): Promise<number> {
  let started = 0;
  let finished = 0;
  const begin = performance.now();
  await new Promise<void>((resolve, reject) => {
    const launch = (): void => {
      while (started < total && started - finished < window) {
        started += 1;
        send().then(() => {
          finished += 1;
          if (finished === total) resolve();
          else launch();
        }, reject);
      }
    };
    launch();
  });
  return (total * 1000) / (performance.now() - begin);
}

/** Latency percentiles of round trips started at a fixed rate. */
export interface LatencyFigures {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly medianMs: number;
  readonly achievedRate: number;
}

/**
 * Starts `ratePerSecond` round trips per second for `durationMs` (in 10 ms ticks) and measures each one's
 * latency from its start to its completion.
 */
export async function latencyAtRate(
  send: RoundTrip,
  ratePerSecond: number,
  durationMs: number,
  latencies: number[] = [],
): Promise<LatencyFigures> {
  const pending: Promise<void>[] = [];
  const tickMs = 10;
  const perTick = ratePerSecond / (1000 / tickMs);
  let credit = 0;
  const begin = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (performance.now() - begin >= durationMs) {
        clearInterval(timer);
        resolve();
        return;
      }
      credit += perTick;
      while (credit >= 1) {
        credit -= 1;
        const start = performance.now();
        pending.push(send().then(() => void latencies.push(performance.now() - start)));
      }
    }, tickMs);
  });
  await Promise.all(pending);
  return latencyFigures(latencies, durationMs);
}

/** The percentiles of `latencies` (sorted in place), measured over `durationMs` in all. */
export function latencyFigures(latencies: number[], durationMs: number): LatencyFigures {
  const sorted = latencies.sort((a, b) => a - b);
  return {
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    medianMs: median(sorted),
    achievedRate: (sorted.length * 1000) / durationMs,
  };
}
