import { positiveId } from '@birdtalk/client';
import type { Context } from './context.js';
import type { GroupChat, P2PChat } from './filter-query.js';
import type { Int64, Int64Input } from './types.js';

/**
 * Whether the update belongs to a one-to-one chat. A type guard: `bot.filter(isP2P, …)` narrows `ctx.chat`.
 */
export function isP2P<C extends Context>(ctx: C): ctx is C & { readonly chat: P2PChat } {
  return ctx.chat?.type === 'p2p';
}

/** Whether the update belongs to a group. A type guard: `bot.filter(isGroup, …)` narrows `ctx.chat`. */
export function isGroup<C extends Context>(ctx: C): ctx is C & { readonly chat: GroupChat } {
  return ctx.chat?.type === 'group';
}

/** Whether the update arrived through the offline catch-up after a login (see {@link isLive}). */
export function isCatchingUp(ctx: Context): boolean {
  return ctx.catchingUp;
}

/** Whether the update arrived live rather than through the offline catch-up. */
export function isLive(ctx: Context): boolean {
  return !ctx.catchingUp;
}

/**
 * A predicate: the update was caused by one of these users (`ctx.from`). Ids are checked once, here.
 *
 * @throws InvalidArgumentError `INVALID_ID` for an id that is not a positive 64-bit integer.
 */
export function fromUser(
  userIds: Int64Input | readonly Int64Input[],
): <C extends Context>(ctx: C) => ctx is C & { readonly from: Int64 } {
  const ids = idSet(userIds, 'userId');
  return <C extends Context>(ctx: C): ctx is C & { readonly from: Int64 } =>
    ctx.from !== undefined && ids.has(ctx.from);
}

/**
 * A predicate: the update belongs to one of these groups.
 *
 * @throws InvalidArgumentError `INVALID_ID` for an id that is not a positive 64-bit integer.
 */
export function inGroup(
  groupIds: Int64Input | readonly Int64Input[],
): <C extends Context>(ctx: C) => ctx is C & { readonly chat: GroupChat } {
  const ids = idSet(groupIds, 'groupId');
  return <C extends Context>(ctx: C): ctx is C & { readonly chat: GroupChat } =>
    ctx.chat?.type === 'group' && ids.has(ctx.chat.groupId);
}

function idSet(ids: Int64Input | readonly Int64Input[], name: string): ReadonlySet<Int64> {
  const list: readonly Int64Input[] = Array.isArray(ids) ? ids : [ids as Int64Input];
  return new Set(list.map((id) => positiveId(id, name)));
}
