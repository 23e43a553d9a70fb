/**
 * A deduplication window kept in memory as an append-only log, compacted now and then: what `Store.addSeen`
 * and `Store.loadSeen` need, at the cost of one array push per key. Keeping the window exact on every append
 * (a set whose oldest keys are deleted one by one) cost several hash-table operations per key, paid for every
 * message handled, while the window is read only when a client starts.
 *
 * The window it stands for is always the newest `limit` distinct keys of the log, a key appended again counting
 * at its newest place: with one limit, trimming after every append and trimming once later keep the same keys.
 * A different limit compacts the log with the previous one first, so the result is the same as trimming on
 * every append.
 */
export class SeenLog {
  #log: string[] = [];
  #limit = 0;

  /** Appends `keys` (a present key moves to the newest end); the oldest beyond `limit` are forgotten. */
  append(keys: readonly string[], limit: number): void {
    const bound = limit > 0 ? Math.floor(limit) : 0;
    if (bound !== this.#limit) {
      this.#compact();
      this.#limit = bound;
    }
    for (const key of keys) this.#log.push(key);
    // Compacting walks about `limit` keys: doing it once the log holds four windows keeps it under one step
    // per three keys appended.
    if (this.#log.length > 4 * this.#limit + 64) this.#compact();
  }

  /** The window, oldest first. */
  keys(): string[] {
    this.#compact();
    return [...this.#log];
  }

  /** Leaves the newest `limit` distinct keys, oldest first. */
  #compact(): void {
    const kept = new Set<string>();
    for (let at = this.#log.length - 1; at >= 0 && kept.size < this.#limit; at -= 1) kept.add(this.#log[at]!);
    // The set holds them newest first.
    this.#log = [...kept].reverse();
  }
}
