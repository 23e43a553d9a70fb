/**
 * Which accounts each live worker should hold: accounts in their natural order dealt round-robin over the
 * workers in theirs. Every worker computes the same answer from the same two lists, so they agree without
 * talking to each other, and loads differ by at most one account.
 */
export function assignAccounts(
  accounts: readonly string[],
  workers: readonly string[],
): Map<string, string[]> {
  const sortedWorkers = [...new Set(workers)].sort();
  const assignment = new Map(sortedWorkers.map((worker) => [worker, [] as string[]]));
  if (sortedWorkers.length === 0) return assignment;
  const sortedAccounts = [...new Set(accounts)].sort(compareIds);
  sortedAccounts.forEach((account, index) => {
    assignment.get(sortedWorkers[index % sortedWorkers.length]!)!.push(account);
  });
  return assignment;
}

/** Numeric ids by value, anything else as text. */
function compareIds(a: string, b: string): number {
  if (/^[0-9]+$/.test(a) && /^[0-9]+$/.test(b)) {
    return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
