import { describe, expect, it } from 'vitest';
import { check, crashRepeatedly, KILLS } from './crash-window.js';

describe('a bot killed at random points, with the file store', () => {
  it(`loses nothing over ${KILLS} seeded kills, and hands a message over again only flagged redelivered`, async () => {
    const stats = check(await crashRepeatedly('file', 11));
    // The journal writes the records of a finished message before the next handler runs, as SQLite commits
    // them: only the message in hand when the process died (running, or returned and not yet recorded) came
    // again.
    expect(stats.distances.every((distance) => distance === 0)).toBe(true);
    expect(stats.messages).toBe((KILLS + 1) * 3);
    // For the record: how often the crash window was hit.
    console.info(`file store: ${JSON.stringify({ ...stats, distances: undefined })}`);
  }, 900_000);
});
