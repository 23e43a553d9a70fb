import type { GroupInfo, GroupMember, Int64 } from '@birdtalk/proto';

/** A group as the server describes it. */
export interface GroupDetails {
  readonly groupId: Int64;
  readonly name: string;
  /** `chat`, `channel` or `map`. */
  readonly type: string;
  readonly tags: readonly string[];
  /** `public` or `private` (`''` when the group never said). */
  readonly visibility: string;
  /** `direct`, `invite`, `auth` or `question`; anything else (or `''`) joins directly. */
  readonly joinType: string;
  readonly brief: string;
  readonly icon: string;
  /** The join question of a `question` group. */
  readonly question: string;
  /**
   * Whether the group says it was dissolved. The real server keeps a dissolved group's old description in
   * memory until it reloads it, so this can read `false` for a while.
   */
  readonly dissolved: boolean;
  /** Every param, keys as the server sent them. */
  readonly params: Readonly<Record<string, string>>;
}

/** A member's role: the wire's `ou`, `au`, `u` and `-`. */
export type GroupRole = 'owner' | 'admin' | 'member' | 'none';

/** One member of a group. */
export interface GroupMemberInfo {
  readonly userId: Int64;
  /** The member's nick in this group. */
  readonly nick: string;
  readonly icon: string;
  readonly role: GroupRole;
}

/** A param by case-insensitive name (create replies keep the caller's case; others are lower-cased). */
export function groupParam(params: Readonly<Record<string, string>> | undefined, name: string): string {
  if (params === undefined) return '';
  const exact = params[name];
  if (exact !== undefined) return exact;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(params)) if (key.toLowerCase() === wanted) return value;
  return '';
}

/** Converts the wire `GroupInfo`. */
export function toGroupDetails(group: GroupInfo): GroupDetails {
  const params = group.params ?? {};
  return {
    groupId: group.groupId,
    name: group.groupName,
    type: group.groupType,
    tags: [...group.tags],
    visibility: groupParam(params, 'visibility').toLowerCase(),
    joinType: groupParam(params, 'jointype').toLowerCase(),
    brief: groupParam(params, 'brief'),
    icon: groupParam(params, 'icon'),
    question: groupParam(params, 'joinquestion'),
    dissolved: groupParam(params, 'status') === 'deleted',
    params: { ...params },
  };
}

const roles: Readonly<Record<string, GroupRole>> = { ou: 'owner', au: 'admin', u: 'member' };

/** Converts the wire `GroupMember`. */
export function toGroupMember(member: GroupMember): GroupMemberInfo {
  return {
    userId: member.userId,
    nick: member.nick,
    icon: member.icon,
    role: roles[member.role] ?? 'none',
  };
}
