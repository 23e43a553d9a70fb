import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.js';

/** A group commit over a list of records whose flushes are counted, and can be made to fail. */
function recorder() {
  const queued: string[] = [];
  const flushes: string[][] = [];
  let failure: Error | undefined;
  const commit = createGroupCommit(() => {
    const batch = commit.take();
    if (failure !== undefined) {
      batch?.reject(failure);
      return;
    }
    // As the stores do, a flush that finds nothing queued writes nothing.
    if (queued.length > 0) flushes.push(queued.splice(0));
    batch?.resolve();
  });
  const add = (record: string, deferrable = false): Promise<void> => {
    queued.push(record);
    return commit.join(deferrable);
  };
  return {
    add,
    flushes,
    commit,
    failWith: (error: Error) => {
      failure = error;
    },
  };
}

const endOfTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createGroupCommit', () => {
  it('writes the changes of one run of microtasks in one flush, before the next turn', async () => {
    const { add, flushes } = recorder();
    const settled = Promise.all([add('a'), add('b'), add('c')]);
    expect(flushes).toEqual([]);
    await Promise.resolve();
    expect(flushes).toEqual([['a', 'b', 'c']]);
    await settled;
    await add('d');
    expect(flushes).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('holds a deferrable change until the end of the turn, or until a change that is not deferrable', async () => {
    const { add, flushes } = recorder();
    let markWritten = false;
    const mark = add('mark', true).then(() => {
      markWritten = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(flushes).toEqual([]);
    expect(markWritten).toBe(false);
    await endOfTurn();
    await mark;
    expect(flushes).toEqual([['mark']]);

    // A mark followed by a record in the same turn travels with the record.
    const both = Promise.all([add('mark 2', true), add('record')]);
    await Promise.resolve();
    expect(flushes).toEqual([['mark'], ['mark 2', 'record']]);
    await both;
    // The end-of-turn flush queued for the mark finds nothing left and writes nothing.
    await endOfTurn();
    expect(flushes).toEqual([['mark'], ['mark 2', 'record']]);
  });

  it('fails every change of a batch whose flush failed', async () => {
    const { add, failWith } = recorder();
    failWith(new Error('disk full'));
    const outcomes = await Promise.allSettled([add('a'), add('b')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });

  it('lets a caller flush at once by taking the open batch', async () => {
    const { add, commit } = recorder();
    const pending = add('a');
    const batch = commit.take();
    expect(batch).toBeDefined();
    batch?.resolve();
    await expect(pending).resolves.toBeUndefined();
    expect(commit.take()).toBeUndefined();
  });
});
