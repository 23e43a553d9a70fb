import { compareBig } from '../ids.js';

/** Friend-log command of an add (follow) request. */
export const CMD_ADD_FRIEND = 101;
/** Friend-log command of a removal. */
export const CMD_REMOVE_FRIEND = 102;
/** Group-log command of personal invitation/join-request records. */
export const CMD_GROUP_INVITE_RECORD = 4;
/** Group-log command the query maps to "GroupJoinRequest" (also GroupSetInfo's operation number). */
export const CMD_GROUP_JOIN_REQUEST = 3;

/** One operation record (`chatuserop.userop` / `chatuserop.groupop`). */
export interface OpRecord {
  uid1: bigint;
  uid2: bigint;
  gid: bigint;
  id: bigint;
  sendId: bigint;
  tm: number;
  io: number;
  cmd: number;
  /** 0 pending, 1 accepted, 2 refused. */
  ret: number;
  data: Uint8Array;
}

type Log = Map<bigint, Map<bigint, OpRecord>>;

function put(log: Log, key: bigint, record: OpRecord): void {
  let rows = log.get(key);
  if (rows === undefined) {
    rows = new Map();
    log.set(key, rows);
  }
  // The primary key includes the id: a second record with the same id replaces the first.
  rows.set(record.id, record);
}

function forward(log: Log, key: bigint, littleId: bigint, limit: number): OpRecord[] {
  const rows = [...(log.get(key)?.values() ?? [])].filter((r) => r.id >= littleId);
  rows.sort((a, b) => compareBig(a.id, b.id));
  return rows.slice(0, limit);
}

/** Personal (friend) and group operation logs. */
export class OpLogStore {
  /** Personal records by owner (`uid1`). */
  readonly user: Log = new Map();
  /** Group records by group. */
  readonly group: Log = new Map();

  /** A personal record for `uid1` (io out) and its mirror for `uid2` (io in), as `SaveUserOp` writes them. */
  saveUserOp(record: Omit<OpRecord, 'io'>): void {
    put(this.user, record.uid1, { ...record, io: 0 });
    put(this.user, record.uid2, { ...record, uid1: record.uid2, uid2: record.uid1, io: 1 });
  }

  /** Puts a personal record as is (snapshots). */
  restoreUser(record: OpRecord): void {
    put(this.user, record.uid1, record);
  }

  userForward(uid: bigint, littleId: bigint, limit: number): OpRecord[] {
    return forward(this.user, uid, littleId, limit);
  }

  saveGroupOp(record: OpRecord): void {
    put(this.group, record.gid, record);
  }

  groupForward(gid: bigint, littleId: bigint, limit: number): OpRecord[] {
    return forward(this.group, gid, littleId, limit);
  }
}
