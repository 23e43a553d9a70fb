import { InvalidArgumentError } from '@birdtalk/errors';
import type { FriendOpResult, GroupOpResult, Int64, Int64Input } from '@birdtalk/proto';
import type { Clock } from '@birdtalk/runtime';
import type { Session } from '@birdtalk/session';
import { positiveId } from '../chat-target.js';
import type { GroupDetails, GroupMemberInfo } from '../group-info.js';
import type { GroupsApi, MemberList } from '../groups.js';
import type { UserProfile } from '../user-profile.js';
import type { UsersApi } from '../users.js';
import { TtlCache } from './ttl-cache.js';

/** Options of the client's user and group cache (`cache` of the client options). */
export interface CacheOptions {
  /**
   * How long a looked-up user, group or member list is answered without asking the server again, in
   * milliseconds. The server announces some changes (see {@link Directory}) and those are picked up at once;
   * for the rest this is how stale an answer can be. 0 turns the cache off (every lookup asks).
   * @defaultValue 300000 (5 minutes)
   */
  readonly ttlMs?: number;
  /**
   * How long "no such user or group" is remembered, in milliseconds (a new account or group can appear).
   * @defaultValue 30000
   */
  readonly missingTtlMs?: number;
  /** Users kept at most; the least recently used go first. @defaultValue 1000 */
  readonly maxUsers?: number;
  /** Groups (and, separately, member lists) kept at most. @defaultValue 200 */
  readonly maxGroups?: number;
}

/** The defaults of {@link CacheOptions}. */
export const DEFAULT_CACHE_OPTIONS = {
  ttlMs: 300_000,
  missingTtlMs: 30_000,
  maxUsers: 1000,
  maxGroups: 200,
} as const satisfies Required<CacheOptions>;

/** Options of one lookup. */
export interface LookupOptions {
  /** Ends this caller's wait with an `AbortError`; a lookup other callers share goes on. */
  readonly signal?: AbortSignal;
}

/**
 * Cached lookups of users, groups and group members (`client.cache`), so that a name or a role does not cost
 * a request every time it is shown. Lookups of the same key share one request; failures are not remembered.
 *
 * What the server announces is forgotten at once and asked again on the next lookup:
 * - a user who follows or unfollows us (the friend notice), and a mutual friend who comes online or goes
 *   offline (the presence notice, best effort on the real server);
 * - every group broadcast we receive (created, dissolved, info or nick changed, members joined, left or were
 *   kicked, admins or owner changed) forgets that group's details and member list;
 * - our own profile and group operations through this client forget what they change;
 * - a new connection forgets everything: notices that arrived while the client was away are lost.
 *
 * The server announces nothing else: another user's profile change (name, icon…) reaches us only through
 * those notices, and a group we were kicked from says nothing (kicked users are not told), nor do groups we
 * are not a member of. Such answers can be up to `ttlMs` old.
 */
export interface Directory {
  /** A user's profile (FindUser by id), or `undefined` when there is no such user. */
  user(userId: Int64Input, options?: LookupOptions): Promise<UserProfile | undefined>;
  /** A group's details (GroupSearch by id), or `undefined` when it is unknown or private to us. */
  group(groupId: Int64Input, options?: LookupOptions): Promise<GroupDetails | undefined>;
  /** A group's member list (we must be a member; at most the first 100, see `MemberList`). */
  members(groupId: Int64Input, options?: LookupOptions): Promise<MemberList>;
  /**
   * One member of a group (nick and role), from the cached member list; `undefined` when not in it (not a
   * member, or beyond the first 100 the server lists).
   */
  member(
    groupId: Int64Input,
    userId: Int64Input,
    options?: LookupOptions,
  ): Promise<GroupMemberInfo | undefined>;
  /** Forgets a user, so that the next lookup asks the server. */
  forgetUser(userId: Int64Input): void;
  /** Forgets a group's details and member list. */
  forgetGroup(groupId: Int64Input): void;
  /** Forgets everything. */
  clear(): void;
}

/** What a {@link Directory} looks things up with. */
export interface DirectorySources {
  readonly users: Pick<UsersApi, 'get'>;
  readonly groups: Pick<GroupsApi, 'get' | 'members'>;
}

/**
 * Creates the cache over the users and groups APIs, and subscribes it to the notices of `session` that
 * invalidate it (the client's session stand-in keeps subscriptions across reconnects).
 *
 * @throws InvalidArgumentError `INVALID_ARGUMENT` for options that cannot work.
 */
export function createDirectory(
  session: Pick<Session, 'on'>,
  sources: DirectorySources,
  clock: Clock,
  options: CacheOptions = {},
): Directory {
  const resolved = resolveCacheOptions(options);
  const { ttlMs, missingTtlMs } = resolved;
  const users = new TtlCache<UserProfile>(clock, { maxEntries: resolved.maxUsers, ttlMs, missingTtlMs });
  const groups = new TtlCache<GroupDetails>(clock, { maxEntries: resolved.maxGroups, ttlMs, missingTtlMs });
  const memberLists = new TtlCache<MemberList>(clock, {
    maxEntries: resolved.maxGroups,
    ttlMs,
    missingTtlMs,
  });

  const forgetGroup = (groupId: Int64): void => {
    groups.invalidate(groupId);
    memberLists.invalidate(groupId);
  };
  const clear = (): void => {
    users.clear();
    groups.clear();
    memberLists.clear();
  };

  const members = async (groupId: Int64, signal?: AbortSignal): Promise<MemberList> => {
    // A member list is never `undefined`: the loader either answers one or fails (and is not remembered).
    const list = await memberLists.get(groupId, () => sources.groups.members(groupId), signal);
    return list as MemberList;
  };

  session.on('ready', clear);
  session.on('presence', ({ user }) => users.invalidate(user.userId));
  session.on('friend-notice', (result) => {
    const actor = friendNoticeActor(result);
    if (actor !== undefined) users.invalidate(actor);
  });
  session.on('group-notice', (result) => {
    const groupId = groupOfResult(result);
    if (groupId !== undefined) forgetGroup(groupId);
  });

  return {
    user(userId, lookup = {}) {
      const id = positiveId(userId, 'userId');
      return users.get(id, () => sources.users.get(id), lookup.signal);
    },
    group(groupId, lookup = {}) {
      const id = positiveId(groupId, 'groupId');
      return groups.get(id, () => sources.groups.get(id), lookup.signal);
    },
    members: (groupId, lookup = {}) => members(positiveId(groupId, 'groupId'), lookup.signal),
    async member(groupId, userId, lookup = {}) {
      const user = positiveId(userId, 'userId');
      const list = await members(positiveId(groupId, 'groupId'), lookup.signal);
      return list.members.find((member) => member.userId === user);
    },
    forgetUser: (userId) => users.invalidate(positiveId(userId, 'userId')),
    forgetGroup: (groupId) => forgetGroup(positiveId(groupId, 'groupId')),
    clear,
  };
}

/** The options with their defaults. @throws InvalidArgumentError `INVALID_ARGUMENT` for a bad value. */
export function resolveCacheOptions(options: CacheOptions): Required<CacheOptions> {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'options.cache must be an object');
  }
  const resolved: Record<keyof CacheOptions, number> = { ...DEFAULT_CACHE_OPTIONS };
  for (const name of Object.keys(DEFAULT_CACHE_OPTIONS) as Array<keyof CacheOptions>) {
    const value = options[name];
    if (value === undefined) continue;
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `options.cache.${name} must be a finite number ≥ 0`);
    }
    resolved[name] = value;
  }
  return resolved;
}

/** Who a friend notice is about: the user who followed or removed us (their profile may have changed). */
function friendNoticeActor(result: FriendOpResult): Int64 | undefined {
  if (result.result !== 'notice') return undefined;
  const id = result.user?.userId;
  return id === undefined || id === '0' ? undefined : id;
}

/** The group a broadcast is about (join answers name it only in their members). */
function groupOfResult(result: GroupOpResult): Int64 | undefined {
  const id = result.group?.groupId ?? result.members.find((member) => member.groupId !== '0')?.groupId;
  return id === undefined || id === '0' ? undefined : id;
}
