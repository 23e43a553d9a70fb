import { median } from './measure.js';
import type { Peer } from './peer-process.js';

/** The CPU time one operation cost on each side of the process boundary, in µs. */
export interface CpuPerOperation {
  /** This process: the client under test (or the baseline client), with every thread of the process. */
  readonly clientUs: number;
  /** The peer process: the reference server (or the raw echo server), with every thread of the process. */
  readonly serverUs: number;
}

/**
 * Runs `measure`, which performs `operations` operations, and returns its result with the CPU time each
 * process spent per operation meanwhile. Wall-clock figures on a machine with few cores mix both sides' work
 * with waits for a core; these say which side a gap comes from.
 */
export async function withCpu<T>(
  peer: Peer,
  operations: number,
  measure: () => Promise<T>,
): Promise<{ readonly value: T; readonly cpu: CpuPerOperation }> {
  const peerBefore = await peer.cpuMicros();
  const before = process.cpuUsage();
  const value = await measure();
  const used = process.cpuUsage(before);
  const peerUsed = (await peer.cpuMicros()) - peerBefore;
  return {
    value,
    cpu: { clientUs: (used.user + used.system) / operations, serverUs: peerUsed / operations },
  };
}

/** The median of each side's figures over several measurements. */
export function medianCpu(samples: readonly CpuPerOperation[]): CpuPerOperation {
  const of = (pick: (sample: CpuPerOperation) => number): number =>
    median(samples.map(pick).sort((a, b) => a - b));
  return { clientUs: of((sample) => sample.clientUs), serverUs: of((sample) => sample.serverUs) };
}
