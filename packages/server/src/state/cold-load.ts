import type { GroupRecord } from './groups.js';

type Members = GroupRecord['members'];

/**
 * The member map a group shows during its first access after a cold load: empty to every reader, while what the
 * request adds or removes still reaches the stored list (the real server writes those changes to its
 * databases, which the next access then loads).
 */
class ColdMemberMap extends Map<bigint, { nick: string }> {
  readonly stored: Members;
  constructor(stored: Members) {
    super();
    this.stored = stored;
  }
  override set(uid: bigint, member: { nick: string }): this {
    // `Map`'s constructor calls `set` before `stored` exists; it is never given entries here.
    this.stored?.set(uid, member);
    return super.set(uid, member);
  }
  override delete(uid: bigint): boolean {
    this.stored.delete(uid);
    return super.delete(uid);
  }
  override clear(): void {
    this.stored.clear();
    super.clear();
  }
}

/**
 * Makes `group` look as the real server's `loadGroupMembers` leaves it on a cold load: no members, no
 * owner, no administrators, so every membership and role check of this one request fails. Returns the function
 * that puts the stored roles and members back once the request is handled.
 */
export function showCold(group: GroupRecord): () => void {
  const { owner, admins, members } = group;
  group.owner = 0n;
  group.admins = new Set();
  group.members = new ColdMemberMap(members);
  return () => {
    group.owner = owner;
    group.admins = admins;
    group.members = members;
  };
}
