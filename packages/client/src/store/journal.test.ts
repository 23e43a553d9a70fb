import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BirdTalkError } from '@birdtalk/errors';
import { seededRandom } from '@birdtalk/runtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClientErrorCode } from '../client-errors.js';
import { createFileStore, STATE_FILE_NAME } from './file-store.js';
import { decodeJournal, encodeFrame } from './journal-frame.js';

const fsControl = vi.hoisted(() => ({ writes: 0, failWrites: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  return {
    ...original,
    writeSync: (...args: Parameters<typeof original.writeSync>) => {
      fsControl.writes += 1;
      if (fsControl.failWrites > 0) {
        fsControl.failWrites -= 1;
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }
      return (original.writeSync as (...a: unknown[]) => number)(...args);
    },
  };
});

let root: string;
let directory: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'birdtalk-journal-'));
  directory = join(root, 'state');
  fsControl.failWrites = 0;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function open(warnings: BirdTalkError[] = [], dir = directory, compactAfterBytes?: number) {
  return createFileStore({
    directory: dir,
    onWarning: (warning) => warnings.push(warning),
    clock: { now: () => 1234 },
    ...(compactAfterBytes === undefined ? {} : { compactAfterBytes }),
  });
}

async function journals(dir = directory): Promise<string[]> {
  return (await readdir(dir)).filter((name) => /^journal-\d+\.log$/.test(name)).sort();
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the journal framing', () => {
  it('reads back what it framed, and nothing from a torn or damaged frame', () => {
    const records = ['one', 'two', 'three'].map((text) => Buffer.from(text));
    const bytes = Buffer.concat(records.map((record) => encodeFrame(record)));
    expect(decodeJournal(bytes).records.map(String)).toEqual(['one', 'two', 'three']);
    const torn = decodeJournal(bytes.subarray(0, bytes.length - 1));
    expect(torn.records.map(String)).toEqual(['one', 'two']);
    expect(torn.damage).toEqual([]);
    expect(torn.tornBytes).toBe(encodeFrame(Buffer.from('three')).length - 1);
    const flipped = Buffer.from(bytes);
    const at = encodeFrame(records[0]!).length + 13;
    flipped.writeUInt8(flipped.readUInt8(at) ^ 0x01, at);
    const damaged = decodeJournal(flipped);
    expect(damaged.records.map(String)).toEqual(['one', 'three']);
    expect(damaged.damage).toEqual([{ offset: 15, bytes: 15 }]);
  });

  it('never throws on random bytes, cut frames or flipped bits', () => {
    const random = seededRandom(7);
    const good = Buffer.concat(
      Array.from({ length: 20 }, (_, i) =>
        encodeFrame(Buffer.from(JSON.stringify(['position', 'p2p', `${i}`]))),
      ),
    );
    for (let round = 0; round < 2000; round += 1) {
      const bytes = Buffer.from(good);
      const flips = 1 + Math.floor(random.float() * 8);
      for (let i = 0; i < flips; i += 1) {
        bytes[Math.floor(random.float() * bytes.length)] = Math.floor(random.float() * 256);
      }
      const cut = bytes.subarray(0, Math.floor(random.float() * bytes.length));
      const decoded = decodeJournal(cut);
      expect(decoded.records.length).toBeLessThanOrEqual(20);
    }
  });
});

describe('the file store journal', () => {
  it('writes the records of one turn with one write, before anything queued after them runs', async () => {
    const store = open();
    await store.flush();
    const before = fsControl.writes;
    const [name] = await journals();
    for (let i = 1; i <= 100; i += 1) void store.savePosition('p2p', String(i));
    // A microtask queued after the changes (the next handler, in a client) already finds them in the file.
    let recordsByThen = 0;
    queueMicrotask(() => {
      recordsByThen = decodeJournal(readFileSync(join(directory, name!))).records.length;
    });
    await turn();
    expect(recordsByThen).toBe(100);
    expect(fsControl.writes - before).toBe(1);
    const decoded = decodeJournal(await readFile(join(directory, name!)));
    expect(decoded.records).toHaveLength(100);
    expect(String(decoded.records[99])).toBe('["position","p2p","100"]');
    await store.close();
  });

  it('makes a handling mark reach the file before markHandling resolves', async () => {
    const store = open();
    await store.loadSeen();
    await store.markHandling(['m:1']);
    const [name] = await journals();
    const decoded = decodeJournal(await readFile(join(directory, name!)));
    expect(decoded.records.map(String)).toEqual(['["handling",["m:1"]]']);
    await store.close();
  });

  it('lets a handling mark wait for the next write, or for the end of the turn', async () => {
    const store = open();
    await store.flush();
    const [name] = await journals();
    const records = (): string[] => decodeJournal(readFileSync(join(directory, name!))).records.map(String);
    const before = fsControl.writes;
    const marked = store.markHandling(['m:2']);
    await Promise.resolve();
    await Promise.resolve();
    expect(records()).toEqual([]);
    // The next change (here the position of the message before) takes it along, in the same write.
    const saved = store.savePosition('p2p', '1');
    let byThen: string[] = [];
    queueMicrotask(() => {
      byThen = records();
    });
    await Promise.all([marked, saved]);
    expect(byThen).toEqual(['["handling",["m:2"]]', '["position","p2p","1"]']);
    expect(fsControl.writes - before).toBe(1);
    // Alone, a mark is written at the end of the turn.
    await store.markHandling(['m:3']);
    expect(records()).toHaveLength(3);
    await store.close();
  });

  it('ignores a last record cut at any byte, and loads the records before it', async () => {
    const store = open();
    const expected: Array<{ end: number; position: string | undefined; seen: number }> = [];
    const [name] = await (async () => {
      await store.loadSeen();
      return journals();
    })();
    const path = join(directory, name!);
    expected.push({ end: 0, position: undefined, seen: 0 });
    for (let i = 1; i <= 12; i += 1) {
      if (i % 3 === 0) await store.addSeen([`m:${i}`, `r:${i}`], 100);
      else await store.savePosition('p2p', String(i));
      const last = expected.at(-1)!;
      expected.push({
        end: (await stat(path)).size,
        position: i % 3 === 0 ? last.position : String(i),
        seen: i % 3 === 0 ? last.seen + 2 : last.seen,
      });
    }
    await store.flush();
    const full = (await stat(path)).size;
    const lastStart = expected.at(-2)!.end;
    const random = seededRandom(3);
    const offsets = [
      ...Array.from({ length: full - lastStart + 1 }, (_, i) => lastStart + i),
      ...Array.from({ length: 40 }, () => Math.floor(random.float() * full)),
    ];
    for (const offset of offsets) {
      const copy = join(root, `copy-${offset}`);
      await cp(directory, copy, { recursive: true });
      await truncate(join(copy, name!), offset);
      const warnings: BirdTalkError[] = [];
      const reopened = open(warnings, copy);
      const want = expected.filter((entry) => entry.end <= offset).at(-1)!;
      expect((await reopened.loadPositions()).get('p2p'), `cut at ${offset}`).toBe(want.position);
      expect(await reopened.loadSeen(), `cut at ${offset}`).toHaveLength(want.seen);
      // A torn end is what a crash leaves: no warning.
      expect(warnings).toEqual([]);
      await reopened.close();
      await rm(copy, { recursive: true, force: true });
    }
    await store.close();
  });

  it('skips a damaged record in the middle, applies the rest, warns, and keeps the damaged journal', async () => {
    const store = open();
    await store.savePosition('p2p', '1');
    await store.putOutbox({
      sendId: '77',
      createdAt: 1,
      chat: { sendId: '77', toId: '2', data: new TextEncoder().encode('hi') },
    });
    await store.savePosition('group:5', '3');
    await store.flush();
    const [name] = await journals();
    const path = join(directory, name!);
    const bytes = await readFile(path);
    const first = encodeFrame(Buffer.from('["position","p2p","1"]')).length;
    bytes.writeUInt8(bytes.readUInt8(first + 20) ^ 0x40, first + 20);
    await writeFile(path, bytes);
    const warnings: BirdTalkError[] = [];
    const reopened = open(warnings);
    const positions = await reopened.loadPositions();
    expect(Object.fromEntries(positions)).toEqual({ p2p: '1', 'group:5': '3' });
    expect(await reopened.loadOutbox()).toEqual([]);
    expect(warnings.map((w) => [w.name, w.code])).toEqual([['DecodeError', ClientErrorCode.STORE_CORRUPT]]);
    expect(warnings[0]?.details).toMatchObject({ path });
    await reopened.close();
    expect(await readdir(directory)).toContain(`${name}.corrupt-1234`);
    // The next start sees the state the damaged load settled on, without a warning.
    const later: BirdTalkError[] = [];
    const again = open(later);
    expect(Object.fromEntries(await again.loadPositions())).toEqual({ p2p: '1', 'group:5': '3' });
    expect(later).toEqual([]);
    await again.close();
    await store.close();
  });

  it('loads anything written over a journal without throwing, with typed warnings only', async () => {
    const random = seededRandom(11);
    for (let round = 0; round < 25; round += 1) {
      const dir = join(root, `fuzz-${round}`);
      const store = open([], dir);
      for (let i = 0; i < 10; i += 1) await store.savePosition(`s${i % 3}`, String(i));
      await store.flush();
      const [name] = await journals(dir);
      const bytes = await readFile(join(dir, name!));
      for (let i = 0; i < 1 + round; i += 1) {
        bytes[Math.floor(random.float() * bytes.length)] = Math.floor(random.float() * 256);
      }
      await writeFile(join(dir, name!), bytes);
      const warnings: BirdTalkError[] = [];
      const reopened = open(warnings, dir);
      const positions = await reopened.loadPositions();
      expect(positions.size).toBeLessThanOrEqual(3);
      for (const warning of warnings) expect(warning.code).toBe(ClientErrorCode.STORE_CORRUPT);
      await reopened.close();
      await store.close();
    }
  });

  it('compacts into a new snapshot without losing what is appended meanwhile, and removes old journals', async () => {
    const store = open([], directory, 2000);
    await store.loadSeen();
    const first = await journals();
    for (let i = 1; i <= 400; i += 1) {
      void store.addSeen([`m:${i}`], 150);
      void store.savePosition('p2p', String(i));
      if (i % 50 === 0) await turn();
    }
    await store.close();
    const compacted = JSON.parse(await readFile(join(directory, STATE_FILE_NAME), 'utf8')) as {
      journal: number;
    };
    // Compacted while the records kept coming.
    expect(compacted.journal).toBeGreaterThan(Number(/\d+/.exec(first[0]!)![0]));
    const reopened = open();
    const seen = await reopened.loadSeen();
    expect(seen).toHaveLength(150);
    expect(seen.at(-1)).toBe('m:400');
    expect(seen[0]).toBe('m:251');
    expect((await reopened.loadPositions()).get('p2p')).toBe('400');
    await reopened.close();
    const left = await journals();
    expect(left.some((name) => first.includes(name))).toBe(false);
    expect(left).toHaveLength(1);
    const snapshot = JSON.parse(await readFile(join(directory, STATE_FILE_NAME), 'utf8')) as {
      journal: number;
    };
    expect(left).toEqual([`journal-${snapshot.journal}.log`]);
  });

  it('reads a state file of the old format, and replaces it with a snapshot at the first start', async () => {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const old = {
      format: 'birdtalk-client-state',
      version: 1,
      positions: { p2p: '7300000000000000123' },
      sendIdMark: '41',
      outbox: [{ sendId: '40', createdAt: 5, chat: { sendId: '40', toId: '2', data: btoa('hello') } }],
      seen: ['m:1', 'm:2'],
      handling: ['m:3'],
    };
    await writeFile(join(directory, STATE_FILE_NAME), JSON.stringify(old), { mode: 0o600 });
    const warnings: BirdTalkError[] = [];
    const store = open(warnings);
    expect((await store.loadPositions()).get('p2p')).toBe('7300000000000000123');
    expect(await store.loadSeen()).toEqual(['m:1', 'm:2']);
    expect(await store.loadHandling()).toEqual(['m:3']);
    expect((await store.loadOutbox()).map((entry) => entry.sendId)).toEqual(['40']);
    expect(await store.reserveSendIds(1, '0')).toBe('42');
    await store.close();
    expect(warnings).toEqual([]);
    const snapshot = JSON.parse(await readFile(join(directory, STATE_FILE_NAME), 'utf8')) as {
      version: number;
    };
    expect(snapshot.version).toBe(2);
    const again = open();
    expect(await again.reserveSendIds(1, '0')).toBe('43');
    expect(await again.loadSeen()).toEqual(['m:1', 'm:2']);
    await again.close();
  });

  it('rejects a mark it could not write, warns, and writes it with the next flush once the disk recovers', async () => {
    const warnings: BirdTalkError[] = [];
    const store = open(warnings);
    await store.loadSeen();
    fsControl.failWrites = 1;
    await expect(store.markHandling(['m:9'])).rejects.toMatchObject({
      code: ClientErrorCode.STORE_WRITE_FAILED,
    });
    expect(warnings.map((w) => w.code)).toContain(ClientErrorCode.STORE_WRITE_FAILED);
    fsControl.failWrites = 1;
    await expect(store.flush()).rejects.toMatchObject({ code: ClientErrorCode.STORE_WRITE_FAILED });
    await store.flush();
    const again = open();
    expect(await again.loadHandling()).toEqual(['m:9']);
    await again.close();
    await store.close();
  });
});
