import { compareBig } from '../ids.js';

/** `io` of a stored row the owner sent. */
export const IO_OUT = 0;
/** `io` of a stored row the owner received. */
export const IO_IN = 1;

/** One row of the P2P chat table; every P2P message is stored once per party (self chat once). */
export interface P2pRow {
  /** The owner of the row. */
  uid1: bigint;
  /** The other party. */
  uid2: bigint;
  id: bigint;
  sendId: bigint;
  /** Server store time, ms. */
  tm: number;
  /** Delivery receipt time (server time), 0 when none. */
  tm1: number;
  /** Read receipt time (server time), 0 when none. */
  tm2: number;
  io: number;
  /** 0, or 5 (DELETED) after a recall. */
  st: number;
  /** The chat message type. */
  mt: number;
  ref: bigint;
  data: Uint8Array;
}

/** One row of the group chat table. */
export interface GroupRow {
  gid: bigint;
  /** The sender. */
  uid: bigint;
  id: bigint;
  sendId: bigint;
  tm: number;
  st: number;
  mt: number;
  ref: bigint;
  data: Uint8Array;
}

/** Range and order of a history query; bounds are inclusive, as in the real server's CQL. */
export interface RowQuery {
  min?: bigint;
  max?: bigint;
  descending: boolean;
  limit: number;
}

/** The index of the first of the ascending `rows` whose id is ≥ `id`. */
function lowerBound(rows: readonly { id: bigint }[], id: bigint): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted<T extends { id: bigint }>(rows: T[], row: T): void {
  // Snowflake ids grow with time, so a new row almost always belongs at the end.
  const last = rows[rows.length - 1];
  if (last === undefined || last.id < row.id) {
    rows.push(row);
    return;
  }
  const lo = lowerBound(rows, row.id);
  if (rows[lo]?.id === row.id) rows[lo] = row;
  else rows.splice(lo, 0, row);
}

/**
 * The row with this id of the ascending `rows`: a keyed lookup, as the real server's primary-key update is (a
 * batch receipt stamps up to a hundred rows of a sender who may have sent thousands).
 */
function findById<T extends { id: bigint }>(rows: readonly T[] | undefined, id: bigint): T | undefined {
  if (rows === undefined) return undefined;
  const row = rows[lowerBound(rows, id)];
  return row?.id === id ? row : undefined;
}

function select<T extends { id: bigint }>(
  rows: readonly T[],
  query: RowQuery,
  keep: (row: T) => boolean,
): T[] {
  const out: T[] = [];
  const ordered = query.descending ? [...rows].reverse() : rows;
  for (const row of ordered) {
    if (query.min !== undefined && row.id < query.min) continue;
    if (query.max !== undefined && row.id > query.max) continue;
    if (!keep(row)) continue;
    out.push(row);
    if (out.length >= query.limit) break;
  }
  return out;
}

/** The P2P and group chat tables. */
export class ChatStore {
  /** P2P rows by owner, ascending id; the primary key is (owner, id). */
  readonly p2p = new Map<bigint, P2pRow[]>();
  /** Group rows by group, ascending id. */
  readonly groups = new Map<bigint, GroupRow[]>();

  saveP2p(row: P2pRow): void {
    let rows = this.p2p.get(row.uid1);
    if (rows === undefined) {
      rows = [];
      this.p2p.set(row.uid1, rows);
    }
    insertSorted(rows, row);
  }

  /** The row with primary key (owner, id). */
  p2pRow(owner: bigint, id: bigint): P2pRow | undefined {
    return findById(this.p2p.get(owner), id);
  }

  /** Rows of `owner`, optionally only those with `peer`. */
  queryP2p(owner: bigint, peer: bigint | undefined, query: RowQuery): P2pRow[] {
    return select(this.p2p.get(owner) ?? [], query, (row) => peer === undefined || row.uid2 === peer);
  }

  saveGroup(row: GroupRow): void {
    let rows = this.groups.get(row.gid);
    if (rows === undefined) {
      rows = [];
      this.groups.set(row.gid, rows);
    }
    insertSorted(rows, row);
  }

  groupRow(gid: bigint, id: bigint): GroupRow | undefined {
    return findById(this.groups.get(gid), id);
  }

  queryGroup(gid: bigint, query: RowQuery): GroupRow[] {
    return select(this.groups.get(gid) ?? [], query, () => true);
  }
}

/** Sorts by id. */
export function byId<T extends { id: bigint }>(a: T, b: T): number {
  return compareBig(a.id, b.id);
}
