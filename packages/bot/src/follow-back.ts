import type { Client, FriendEvent, UserProfile } from '@birdtalk/client';
import type { Logger } from '@birdtalk/runtime';
import type { Int64 } from './types.js';

/**
 * Decides whether to follow a user back; may be async. Return `false` for users you blocked: following a
 * user who is blocked lets their next P2P message crash the real server.
 */
export type FollowBackFilter = (user: UserProfile) => boolean | Promise<boolean>;

/**
 * The user a friend event asks the bot to follow back: someone else who just followed it. The server only
 * accepts a P2P message A→B when B follows A: their follow lets the bot write to them, the
 * bot's follow back lets them write to the bot.
 */
export function followBackCandidate(event: FriendEvent, selfId: Int64 | undefined): UserProfile | undefined {
  if (event.kind !== 'followed') return undefined;
  const user = event.by;
  if (user.userId === '0' || user.userId === selfId) return undefined;
  return user;
}

/**
 * Whether the bot follows `user` back: never a user it blocked (the client's block list remembers them across
 * restarts, and following them lets their next P2P message crash the real server), otherwise
 * as the filter (or the plain `true` of the option) says.
 */
export async function shouldFollowBack(
  user: UserProfile,
  filter: true | FollowBackFilter,
  client?: Pick<Client, 'friends'>,
): Promise<boolean> {
  if (client !== undefined && (await client.friends.isBlocked(user.userId))) return false;
  return filter === true ? true : (await filter(user)) === true;
}

/** What {@link reconcileFollowBacks} needs. */
export interface ReconcileDeps {
  readonly client: Client;
  readonly filter: true | FollowBackFilter;
  readonly logger: Logger;
  readonly signal: AbortSignal;
}

/**
 * Follows back every fan the bot does not follow yet (the server tells nobody about follows that happened
 * while the bot was offline). Resolves with the ids followed; stops quietly when `signal` aborts.
 */
export async function reconcileFollowBacks(deps: ReconcileDeps): Promise<Int64[]> {
  const { client, filter, logger, signal } = deps;
  const selfId = client.user?.userId;
  const following = new Set<Int64>();
  for await (const user of client.friends.follows({ signal })) following.add(user.userId);
  const followed: Int64[] = [];
  for await (const fan of client.friends.fans({ signal })) {
    if (signal.aborted) break;
    if (fan.userId === selfId || following.has(fan.userId)) continue;
    if (!(await shouldFollowBack(fan, filter, client))) continue;
    await client.friends.follow(fan.userId, { signal });
    following.add(fan.userId);
    followed.push(fan.userId);
  }
  if (followed.length > 0)
    logger.info('followed back fans who followed while the bot was away', { count: followed.length });
  return followed;
}
