import { compareBig } from '../ids.js';

/** One row of the following, fans or mutual tables. */
export interface FriendRow {
  /** When the relation was made, in ms. */
  tm: number;
  /** The memo (nickname) the owner of the row gave the other user. */
  nick: string;
}

/** One row of the permission table: what `uid1` allows `uid2`. */
export interface PermissionRow {
  /** The stored mask (an int32 on the real server), with the "exists" bit 32768 OR-ed in. */
  perm: number;
  nick: string;
  tm: number;
}

type Table<T> = Map<bigint, Map<bigint, T>>;

function put<T>(table: Table<T>, a: bigint, b: bigint, value: T): void {
  let row = table.get(a);
  if (row === undefined) {
    row = new Map();
    table.set(a, row);
  }
  row.set(b, value);
}

/** Follows, fans, mutual friends and permissions, as the real server's Scylla tables hold them. */
export class RelationStore {
  readonly following: Table<FriendRow> = new Map();
  readonly fans: Table<FriendRow> = new Map();
  readonly mutual: Table<FriendRow> = new Map();
  readonly permissions: Table<PermissionRow> = new Map();

  /** Whether `a` follows `b`. */
  follows(a: bigint, b: bigint): boolean {
    return this.following.get(a)?.has(b) ?? false;
  }

  /** `a` follows `b`: a following row for `a` and a fan row for `b`. */
  addFollow(a: bigint, b: bigint, followRow: FriendRow, fanRow: FriendRow): void {
    put(this.following, a, b, followRow);
    put(this.fans, b, a, fanRow);
  }

  /** Deletes `a` following `b` and the matching fan row. */
  removeFollow(a: bigint, b: bigint): void {
    this.following.get(a)?.delete(b);
    this.fans.get(b)?.delete(a);
  }

  /** Mutual-friend rows in both directions. */
  addMutual(a: bigint, b: bigint, row: FriendRow): void {
    put(this.mutual, a, b, { ...row });
    put(this.mutual, b, a, { ...row });
  }

  removeMutual(a: bigint, b: bigint): void {
    this.mutual.get(a)?.delete(b);
    this.mutual.get(b)?.delete(a);
  }

  /** Sets the memo on a following row (`a` follows `b`) or a fan row (`b` is a fan of `a`). */
  setNick(kind: 'following' | 'fans', a: bigint, b: bigint, nick: string): void {
    const row = this[kind].get(a)?.get(b);
    if (row !== undefined) row.nick = nick;
    else put(this[kind], a, b, { tm: 0, nick });
  }

  /** Rows of `uid` with the other id greater than `from`, ascending, at most `limit`. */
  page(
    kind: 'following' | 'fans' | 'mutual',
    uid: bigint,
    from: bigint,
    limit: number,
  ): [bigint, FriendRow][] {
    const rows = [...(this[kind].get(uid)?.entries() ?? [])].filter(([id]) => id > from);
    rows.sort((x, y) => compareBig(x[0], y[0]));
    return rows.slice(0, limit);
  }

  /** What `a` allows `b`, when `a` set anything. */
  permission(a: bigint, b: bigint): PermissionRow | undefined {
    return this.permissions.get(a)?.get(b);
  }

  setPermission(a: bigint, b: bigint, row: PermissionRow): void {
    put(this.permissions, a, b, row);
  }

  deletePermission(a: bigint, b: bigint): void {
    this.permissions.get(a)?.delete(b);
  }
}
