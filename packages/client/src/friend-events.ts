import {
  type FriendOpReq,
  type FriendOpResult,
  type Int64,
  type UserInfo,
  UserOperationType,
} from '@birdtalk/proto';
import { toUserProfile, type UserProfile } from './user-profile.js';

/** What one of our own friend operations did, when it was made on another device. */
export type FriendOperation = 'follow' | 'unfollow' | 'block' | 'unblock' | 'set-permission' | 'set-memo';

/** News about our friend relations. */
export type FriendEvent =
  /** Someone followed us (they may now receive our P2P messages). */
  | { readonly kind: 'followed'; readonly by: UserProfile }
  /** Someone stopped following us. */
  | { readonly kind: 'unfollowed'; readonly by: UserProfile }
  /** One of our other devices made a friend operation on `userId`. */
  | {
      readonly kind: 'own-operation';
      readonly operation: FriendOperation;
      readonly userId: Int64;
      readonly user: UserProfile | undefined;
    };

/**
 * An incoming friend request (the server's friend mode). It cannot be approved on the real server:
 * ApproveFriend crashes it.
 */
export interface FriendRequestEvent {
  readonly kind: 'friend-request';
  /** Who asks. */
  readonly from: UserProfile | undefined;
  readonly fromId: Int64;
  /** The request's params (`answer`, when the requester sent one). */
  readonly params: Readonly<Record<string, string>>;
  /** The server's id of the request. */
  readonly requestId: Int64;
}

const ownOperations: ReadonlyMap<number, FriendOperation> = new Map([
  [UserOperationType.AddFriend, 'follow'],
  [UserOperationType.RemoveFriend, 'unfollow'],
  [UserOperationType.BlockFriend, 'block'],
  [UserOperationType.UnBlockFriend, 'unblock'],
  [UserOperationType.SetFriendPermission, 'set-permission'],
  [UserOperationType.SetFriendMemo, 'set-memo'],
]);

/**
 * The event for a friend result nobody asked for: a "notice" that someone followed or
 * removed us, or the result of a friend operation made on another of our devices. Search and list results
 * from other devices, and anything unrecognised, give `undefined`.
 */
export function friendEventFrom(result: FriendOpResult, selfId: string): FriendEvent | undefined {
  const actor = known(result.user);
  if (result.result === 'notice') {
    if (actor === undefined || actor.userId === selfId) return undefined;
    if (result.operation === UserOperationType.AddFriend)
      return { kind: 'followed', by: toUserProfile(actor) };
    if (result.operation === UserOperationType.RemoveFriend) {
      return { kind: 'unfollowed', by: toUserProfile(actor) };
    }
    return undefined;
  }
  if (result.result !== 'ok') return undefined;
  const operation = ownOperations.get(result.operation);
  if (operation === undefined) return undefined;
  // AddFriend answers with `user` = us and `users` = [them]; the others echo the request's user (them).
  const target = operation === 'follow' ? known(result.users[0]) : actor;
  if (target === undefined) return undefined;
  const user = target.userName !== '' || target.nickName !== '' ? toUserProfile(target) : undefined;
  return { kind: 'own-operation', operation, userId: target.userId, user };
}

/** The event for a friend request forwarded to us (friend mode). */
export function friendRequestFrom(request: FriendOpReq): FriendRequestEvent {
  const from = known(request.user);
  return {
    kind: 'friend-request',
    from: from === undefined ? undefined : toUserProfile(from),
    fromId: from?.userId ?? '0',
    params: { ...request.params },
    requestId: request.msgId,
  };
}

function known(user: UserInfo | undefined): UserInfo | undefined {
  return user === undefined || user.userId === '0' ? undefined : user;
}
