import { type Int64, isInt64String } from '@birdtalk/proto';
import type { OutboxEntry } from '@birdtalk/session';
import { appendBounded } from './memory-store.js';
import { deserializeOutboxEntry, type SerializedOutboxEntry, serializeOutboxEntry } from './outbox-codec.js';

/** The `format` field of the state file. */
export const STATE_FILE_FORMAT = 'birdtalk-client-state';
/**
 * The `version` field this code writes. Version 2 adds `journal`; version 1 files (a whole state rewritten on
 * every change, no journal) are still read.
 */
export const STATE_FILE_VERSION = 2;

/** The delivery state the file store keeps in memory, mirrored by its snapshot and journal. */
export interface FileState {
  readonly positions: Map<string, Int64>;
  readonly seen: Set<string>;
  readonly handling: Set<string>;
  readonly outbox: Map<Int64, OutboxEntry>;
  mark: bigint;
}

/** A state with nothing in it. */
export function emptyState(): FileState {
  return { positions: new Map(), seen: new Set(), handling: new Set(), outbox: new Map(), mark: 0n };
}

/** A parsed snapshot: the state, the first journal generation it does not contain, and what was dropped. */
export interface Snapshot {
  readonly state: FileState;
  /** Journals of this generation and later hold changes made after the snapshot (0 for version 1 files). */
  readonly journal: number;
  readonly version: number;
  /** Damaged outbox entries left out. */
  readonly skipped: number;
}

/** The snapshot held by a state file's text, or why there is none. */
export function parseSnapshot(text: string): Snapshot | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'it is not JSON (truncated or damaged)';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a JSON object';
  const file = value as Record<string, unknown>;
  if (file.format !== STATE_FILE_FORMAT) return 'it is not a BirdTalk client state file';
  if (file.version !== 1 && file.version !== STATE_FILE_VERSION) {
    return `format version ${String(file.version).slice(0, 16)} is not supported`;
  }
  let journal = 0;
  if (file.version === STATE_FILE_VERSION) {
    if (!Number.isSafeInteger(file.journal) || (file.journal as number) < 0) return 'journal';
    journal = file.journal as number;
  }
  const state = emptyState();
  const positions = file.positions;
  if (typeof positions !== 'object' || positions === null || Array.isArray(positions)) return 'positions';
  for (const [stream, position] of Object.entries(positions)) {
    if (typeof position !== 'string' || !isInt64String(position)) return `the position of ${stream}`;
    state.positions.set(stream, position);
  }
  if (!isStringArray(file.seen)) return 'seen';
  for (const key of file.seen) state.seen.add(key);
  // Absent in files written before handling marks existed.
  if (file.handling !== undefined) {
    if (!isStringArray(file.handling)) return 'handling';
    for (const key of file.handling) state.handling.add(key);
  }
  if (typeof file.sendIdMark !== 'string' || !isInt64String(file.sendIdMark)) return 'sendIdMark';
  state.mark = BigInt(file.sendIdMark);
  if (!Array.isArray(file.outbox)) return 'outbox';
  let skipped = 0;
  for (const item of file.outbox) {
    try {
      const entry = deserializeOutboxEntry(item);
      state.outbox.set(entry.sendId, entry);
    } catch {
      skipped += 1;
    }
  }
  return { state, journal, version: file.version, skipped };
}

/** The state file's text for `state`, to be followed by the journals from generation `journal` on. */
export function serializeSnapshot(state: FileState, journal: number): string {
  return `${JSON.stringify({
    format: STATE_FILE_FORMAT,
    version: STATE_FILE_VERSION,
    journal,
    positions: Object.fromEntries(state.positions),
    sendIdMark: state.mark.toString(),
    outbox: [...state.outbox.values()].map(serializeOutboxEntry),
    seen: [...state.seen],
    handling: [...state.handling],
  })}\n`;
}

/**
 * One change of the state, as a journal record. Each is applied to the state it followed when written, so
 * replaying a journal in order on its snapshot rebuilds the state exactly.
 */
export type StateRecord =
  | readonly ['position', string, Int64]
  | readonly ['seen', readonly string[], number]
  | readonly ['handling', readonly string[]]
  | readonly ['put', SerializedOutboxEntry]
  | readonly ['remove', Int64]
  | readonly ['mark', string];

/** The journal payload of a record. */
export function encodeRecord(record: StateRecord): Buffer {
  return Buffer.from(JSON.stringify(record), 'utf8');
}

/**
 * Applies a journal record to `state`. Returns false, changing nothing, for a payload that is not a record
 * this version writes (a checksum collision, or a newer version's record).
 */
export function applyRecord(state: FileState, payload: Buffer): boolean {
  let record: unknown;
  try {
    record = JSON.parse(payload.toString('utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(record)) return false;
  const [kind, a, b] = record as unknown[];
  switch (kind) {
    case 'position':
      if (typeof a !== 'string' || typeof b !== 'string' || !isInt64String(b)) return false;
      state.positions.set(a, b);
      return true;
    case 'seen':
      if (!isStringArray(a) || typeof b !== 'number' || !(b >= 0)) return false;
      applySeen(state, a, b);
      return true;
    case 'handling':
      if (!isStringArray(a)) return false;
      for (const key of a) state.handling.add(key);
      return true;
    case 'put': {
      let entry: OutboxEntry;
      try {
        entry = deserializeOutboxEntry(a as SerializedOutboxEntry);
      } catch {
        return false;
      }
      state.outbox.set(entry.sendId, entry);
      return true;
    }
    case 'remove':
      if (typeof a !== 'string' || !isInt64String(a)) return false;
      state.outbox.delete(a);
      return true;
    case 'mark':
      if (typeof a !== 'string' || !isInt64String(a)) return false;
      // The mark only grows, so a replayed reservation can never hand out an id twice.
      if (BigInt(a) > state.mark) state.mark = BigInt(a);
      return true;
    default:
      return false;
  }
}

/** `Store.addSeen` on the in-memory state: the window grows and trims, and the keys' marks go. */
export function applySeen(state: FileState, keys: readonly string[], limit: number): void {
  appendBounded(state.seen, keys, limit);
  for (const key of keys) state.handling.delete(key);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
