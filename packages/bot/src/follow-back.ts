import type { Client, FriendEvent, UserProfile } from '@birdtalk/client';
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
