import { InvalidArgumentError } from '@birdtalk/errors';
import { toInt64 } from '@birdtalk/proto';
import type { ServerContext } from './context.js';
import type { SeedGroup, SeedUser } from './options.js';
import type { GroupRecord } from './state/groups.js';
import { emptyUser } from './state/users.js';

function id(value: SeedUser['userId'] & {}): bigint {
  try {
    return BigInt(toInt64(value));
  } catch (error) {
    throw new InvalidArgumentError('SEED_INVALID_ID', `${String(value)} is not a 64-bit id`, {
      cause: error,
    });
  }
}

/**
 * Stores a user directly in the database, as if registered earlier (not loaded, not logged in); returns the id.
 *
 * @throws InvalidArgumentError when the id is taken or invalid.
 */
export function seedUser(ctx: ServerContext, seed: SeedUser): bigint {
  const users = ctx.store.users;
  const userId = seed.userId === undefined ? users.allocateId() : id(seed.userId);
  if (users.doc(userId) !== undefined) {
    throw new InvalidArgumentError('SEED_DUPLICATE_USER', `user ${userId} already exists`);
  }
  const user = emptyUser(userId);
  user.userName = seed.userName ?? 'momo';
  user.nickName = seed.nickName ?? user.userName;
  user.email = seed.email ?? '';
  user.phone = seed.phone ?? '';
  user.gender = seed.gender ?? '';
  user.age = seed.age ?? 0;
  user.region = seed.region ?? '';
  user.icon = seed.icon ?? '';
  user.intro = seed.intro ?? '';
  const params: Record<string, string> = { ...(seed.params ?? {}) };
  if (seed.password !== undefined) params.pwd = seed.password;
  user.params = Object.keys(params).length > 0 ? params : undefined;
  users.insert(user);
  return userId;
}

/** Makes `from` follow `to` (community mode), with the counters and mutual rows the server would keep. */
export function seedFollow(ctx: ServerContext, from: bigint, to: bigint): void {
  const { relations, users } = ctx.store;
  const a = users.doc(from);
  const b = users.doc(to);
  if (a === undefined || b === undefined) {
    throw new InvalidArgumentError('SEED_UNKNOWN_USER', `cannot make ${from} follow ${to}: unknown user`);
  }
  if (from === to || relations.follows(from, to)) return;
  const tm = ctx.clock.now();
  relations.addFollow(from, to, { tm, nick: b.nickName }, { tm, nick: a.nickName });
  if (relations.follows(to, from)) relations.addMutual(from, to, { tm, nick: b.nickName });
  users.addCount(from, 'follows', 1n);
  users.addCount(to, 'fans', 1n);
}

/**
 * Stores a group with its owner, admins and members.
 *
 * @throws InvalidArgumentError when the id is taken or a user is unknown.
 */
export function seedGroup(ctx: ServerContext, seed: SeedGroup): bigint {
  const { groups, users } = ctx.store;
  const gid = seed.groupId === undefined ? groups.allocateId() : id(seed.groupId);
  if (groups.get(gid) !== undefined)
    throw new InvalidArgumentError('SEED_DUPLICATE_GROUP', `group ${gid} exists`);
  const owner = id(seed.owner);
  const admins = (seed.admins ?? []).map(id);
  const members = [owner, ...admins, ...(seed.members ?? []).map(id)];
  for (const uid of members) {
    if (users.doc(uid) === undefined)
      throw new InvalidArgumentError('SEED_UNKNOWN_USER', `user ${uid} is unknown`);
  }
  const type = (seed.groupType ?? 'chat').toLowerCase();
  const info = {
    groupId: gid,
    groupName: seed.groupName ?? `group${gid}`,
    groupType: ['chat', 'channel', 'map'].includes(type) ? type : 'chat',
    tags: [...(seed.tags ?? [])],
    params: { visibility: 'public', brief: '', icon: '', jointype: 'direct', ...(seed.params ?? {}) },
  };
  const group: GroupRecord = {
    db: { ...info, tags: [...info.tags], params: { ...info.params } },
    info,
    owner,
    admins: new Set(admins),
    members: new Map(),
  };
  for (const uid of members) {
    if (!group.members.has(uid)) group.members.set(uid, { nick: users.doc(uid)?.nickName ?? '' });
    groups.join(uid, gid);
  }
  groups.groups.set(gid, group);
  return gid;
}

/** Applies the `seed` option: users first, then their follows, then groups. */
export function applySeeds(
  ctx: ServerContext,
  seed: { users?: readonly SeedUser[]; groups?: readonly SeedGroup[] } | undefined,
): void {
  if (seed === undefined) return;
  const created: [bigint, SeedUser][] = (seed.users ?? []).map((user) => [seedUser(ctx, user), user]);
  for (const [uid, user] of created)
    for (const target of user.follows ?? []) seedFollow(ctx, uid, id(target));
  for (const group of seed.groups ?? []) seedGroup(ctx, group);
}
