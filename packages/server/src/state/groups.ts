import { compareBig } from '../ids.js';
import { showCold } from './cold-load.js';

/** A group's public description, as stored and as sent. */
export interface GroupInfoData {
  groupId: bigint;
  groupName: string;
  groupType: string;
  tags: string[];
  /** `undefined` models a nil map. Keys keep the case they were sent with. */
  params: Record<string, string> | undefined;
}

/** Role bits of the real server; only used by snapshots. */
export type GroupRole = 'owner' | 'admin' | 'member';

/** A group: its database document, its in-memory description and the in-memory roles. */
export interface GroupRecord {
  /** The database (Mongo) document; what keyword search reads. */
  db: GroupInfoData;
  /** The in-memory description; what every other reply reads. */
  info: GroupInfoData;
  /** The owner id. Like the real server's `Group.Owner`, it survives the owner's removal from `members`. */
  owner: bigint;
  /** Administrators; like the real server's admin map, entries survive a kick or a quit. */
  admins: Set<bigint>;
  /** Current members and their nick inside the group, in join order. */
  members: Map<bigint, { nick: string }>;
}

/** A deep copy of a group description. */
export function cloneGroupInfo(info: GroupInfoData): GroupInfoData {
  return {
    ...info,
    tags: [...info.tags],
    params: info.params === undefined ? undefined : { ...info.params },
  };
}

/**
 * The real server's `Group.GetGroupInfo`: keys lower-cased, `joinanswer` and `code` removed (a key present
 * in two cases keeps the value met last).
 */
export function filteredGroupInfo(info: GroupInfoData): GroupInfoData {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(info.params ?? {})) {
    const lower = key.toLowerCase();
    if (lower === 'joinanswer' || lower === 'code') continue;
    params[lower] = value;
  }
  return {
    groupId: info.groupId,
    groupName: info.groupName,
    groupType: info.groupType,
    tags: [...info.tags],
    params,
  };
}

/** Groups, the group id counter, and which groups each user is in (the Redis `bsuing_` sets). */
export class GroupStore {
  readonly groups = new Map<bigint, GroupRecord>();
  /** The last id handed out (Redis `birds_gid` starts at 10000). */
  lastId = 10000n;
  readonly membership = new Map<bigint, Set<bigint>>();

  allocateId(): bigint {
    do {
      this.lastId += 1n;
    } while (this.groups.has(this.lastId));
    return this.lastId;
  }

  /** Groups whose next load finds no member list (see {@link GroupStore.load}). */
  private readonly cold = new Set<bigint>();
  /** What puts the groups shown cold during the current request back. */
  private restores: (() => void)[] = [];

  get(gid: bigint): GroupRecord | undefined {
    return this.groups.get(gid);
  }

  /**
   * The real server's `findGroupAndLoad`, which every group request, group chat and group query goes through.
   * A cold group is shown without members, owner or administrators for the rest of the current request, as
   * the real server's first access after a restart that lost the Redis member hash sees it; the stored
   * roles come back for the next request, as the real server reloads them from Redis.
   */
  load(gid: bigint): GroupRecord | undefined {
    const group = this.groups.get(gid);
    if (group !== undefined && this.cold.delete(gid)) this.restores.push(showCold(group));
    return group;
  }

  /**
   * Marks groups cold: the next {@link GroupStore.load} of each sees no members. Without ids, every stored
   * group is marked, as after a restart of the whole stack.
   */
  markCold(gids?: Iterable<bigint>): void {
    for (const gid of gids ?? this.groups.keys()) if (this.groups.has(gid)) this.cold.add(gid);
  }

  /** Whether a group's next load is cold. */
  isCold(gid: bigint): boolean {
    return this.cold.has(gid);
  }

  /** Ends the current request: groups shown cold get their stored members and roles back. */
  settle(): void {
    const restores = this.restores;
    this.restores = [];
    for (const restore of restores) restore();
  }

  /** Records that `uid` is in `gid`. */
  join(uid: bigint, gid: bigint): void {
    let set = this.membership.get(uid);
    if (set === undefined) {
      set = new Set();
      this.membership.set(uid, set);
    }
    set.add(gid);
  }

  /** Records that `uid` left `gid`. */
  leave(uid: bigint, gid: bigint): void {
    this.membership.get(uid)?.delete(gid);
  }

  /** The groups `uid` is recorded in, ascending (a small Redis set is an ordered intset). */
  groupsOf(uid: bigint): bigint[] {
    return [...(this.membership.get(uid) ?? [])].sort(compareBig);
  }
}

/** The member role string of the wire (`"ou"`, `"au"`, `"u"`, `"-"`), as `GetMemberRoleString` computes it. */
export function roleString(group: GroupRecord, uid: bigint): string {
  if (uid === group.owner) return 'ou';
  if (group.admins.has(uid)) return 'au';
  if (group.members.has(uid)) return 'u';
  return '-';
}

/** Owner or administrator, as `IsAdmin`. */
export function isGroupAdmin(group: GroupRecord, uid: bigint): boolean {
  return group.owner === uid || group.admins.has(uid);
}

/** `visibility` (exact key) is "private", compared case-insensitively. */
export function isPrivateGroup(info: GroupInfoData): boolean {
  return (info.params?.visibility ?? '').toLowerCase() === 'private';
}
