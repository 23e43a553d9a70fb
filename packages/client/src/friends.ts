import { isBirdTalkError } from '@birdtalk/errors';
import { type Int64, type Int64Input, UserOperationType } from '@birdtalk/proto';
import { type RequestOptions, SessionErrorCode } from '@birdtalk/session';
import { BlockList } from './block-list.js';
import { positiveId } from './chat-target.js';
import type { ClientContext } from './context.js';
import { FeatureErrorCode, invalidArgument, refusal, refuseUnlessAllowed } from './feature-errors.js';
import { createMemoryStore } from './store/memory-store.js';
import { toUserProfile, type UserProfile } from './user-profile.js';

/**
 * The permission bits a user grants another. The server only enforces `Chat`, and only for P2P
 * chat; it ORs in an "exists" bit (32768) itself.
 */
export const FriendPermission = {
  Friend: 2,
  Chat: 4,
  ViewInfo: 8,
  ViewArt: 16,
  Add: 32,
  ViewLoc: 64,
} as const;

/** The name of one {@link FriendPermission} bit. */
export type FriendPermissionName = keyof typeof FriendPermission;

/** The outcome of a follow. */
export type FollowResult =
  /** We follow them now (or did already). `user` is their profile as the server returned it. */
  | { readonly status: 'following'; readonly user: UserProfile | undefined }
  /**
   * Friend mode: the request went to them and nobody answers us. On the real server it can never be approved
   * (ApproveFriend crashes it), so the pair can never chat.
   */
  | { readonly status: 'requested' };

/** Options of {@link FriendsApi.follow}. */
export interface FollowOptions extends RequestOptions {
  /** Our memo (display name) for them. */
  readonly memo?: string;
}

/** Options of {@link FriendsApi.setMemo}. */
export interface MemoOptions extends RequestOptions {
  /** Whom the memo is on: someone we follow (default) or one of our fans. */
  readonly on?: 'follow' | 'fan';
}

/** Options of the friend lists. */
export interface FriendListOptions {
  /** Stops the iteration: the pending page request rejects with an `AbortError`. */
  readonly signal?: AbortSignal;
  /** Timeout of each page request. */
  readonly timeoutMs?: number;
  /** Start after this user id (the lists are in ascending id order). */
  readonly after?: Int64Input;
}

/** Following, blocking, memos, permissions and friend lists. */
export interface FriendsApi {
  /**
   * Follows a user (AddFriend). In the server's community mode that is immediate, and it is what lets them
   * send us P2P messages. Following a user we blocked (or whose chat bit we cleared) lets their next P2P
   * message crash the real server: unblock them first.
   * @throws RefusedError `REFUSED_FOLLOW_BLOCKED` for a user in our block list ({@link FriendsApi.blocked}).
   */
  follow(userId: Int64Input, options?: FollowOptions): Promise<FollowResult>;
  /**
   * Stops following a user (RemoveFriend); resolves `false` without sending anything when we do not follow
   * them, because the server would decrement the counters anyway.
   */
  unfollow(userId: Int64Input, options?: RequestOptions): Promise<boolean>;
  /**
   * Blocks a user (BlockFriend: they may do nothing). A blocked user we still follow would crash the real server
   * with their next P2P message, so when we follow them this unfollows them first. The block is also
   * recorded in the client's store (the server cannot list blocks): from then on `follow()` refuses them,
   * auto-follow-back skips them, and chats to them still waiting in the outbox fail with `RECIPIENT_BLOCKED`.
   */
  block(userId: Int64Input, options?: RequestOptions): Promise<void>;
  /** Removes a block or custom permission (UnBlockFriend), and the user from the block list. */
  unblock(userId: Int64Input, options?: RequestOptions): Promise<void>;
  /** The users we blocked with this client's store, in ascending id order (the server cannot list them). */
  blocked(): Promise<Int64[]>;
  /** Whether we blocked this user (in this client's store). */
  isBlocked(userId: Int64Input): Promise<boolean>;
  /** Sets our memo (display name) for a user we follow, or for one of our fans. */
  setMemo(userId: Int64Input, memo: string, options?: MemoOptions): Promise<void>;
  /**
   * Sets what a user may do (SetFriendPermission): a number of {@link FriendPermission} bits or their names.
   * @throws RefusedError `REFUSED_CHAT_BIT_WHILE_FOLLOWING` when the bits lack `Chat` and we follow the user:
   * their next P2P message would crash the real server. Use {@link FriendsApi.block}.
   */
  setPermission(
    userId: Int64Input,
    permission: number | readonly FriendPermissionName[],
    options?: RequestOptions,
  ): Promise<void>;
  /** Whether we follow this user (one list request). */
  isFollowing(userId: Int64Input, options?: RequestOptions): Promise<boolean>;
  /** The users we follow, in ascending id order, fetched 100 at a time. */
  follows(options?: FriendListOptions): AsyncIterableIterator<UserProfile>;
  /** The users following us, in ascending id order, fetched 100 at a time. */
  fans(options?: FriendListOptions): AsyncIterableIterator<UserProfile>;
  /** The users we follow who follow us back, in ascending id order, fetched 100 at a time. */
  mutual(options?: FriendListOptions): AsyncIterableIterator<UserProfile>;
  /**
   * Would approve a friend request; refused, because ApproveFriend crashes the real server.
   * With `policy.allowServerCrashingRequests` it is passed on, and the session's frame rules still refuse it.
   * @throws RefusedError `REFUSED_APPROVE_FRIEND`.
   */
  approve(userId: Int64Input, options?: RequestOptions): Promise<void>;
}

/** The server's page size of ListFriends. */
export const FRIEND_PAGE_SIZE = 100;

type ListMode = 'follows' | 'fans' | 'mutual';

/**
 * Creates the friends API over a client context. `blocks` records blocks (the client passes one on its store;
 * the default keeps them in memory).
 */
export function createFriendsApi(
  ctx: ClientContext,
  blocks: BlockList = new BlockList(createMemoryStore(), ctx.logger),
): FriendsApi {
  const { session } = ctx;

  const simple = async (operation: UserOperationType, userId: Int64, options?: RequestOptions) => {
    await session.friendOp({ operation, user: { userId } }, options);
  };

  /** One ListFriends page after `cursor` (exclusive; "0" = from the start). */
  const page = async (mode: ListMode, cursor: Int64, options: RequestOptions) => {
    const result = await session.friendOp(
      {
        operation: UserOperationType.ListFriends,
        ...(cursor === '0' ? {} : { user: { userId: cursor } }),
        params: { mode },
      },
      options,
    );
    return result.users.filter((user) => user.userId !== '0');
  };

  async function* list(mode: ListMode, options: FriendListOptions = {}): AsyncGenerator<UserProfile> {
    let cursor = options.after === undefined ? '0' : positiveId(options.after, 'after');
    const request = requestOptions(options);
    for (;;) {
      const users = await page(mode, cursor, request);
      for (const user of users) yield toUserProfile(user);
      // A short page is the last; a page that does not move the cursor forward would repeat forever.
      const last = users.at(-1)?.userId;
      if (users.length < FRIEND_PAGE_SIZE || last === undefined || BigInt(last) <= BigInt(cursor)) return;
      cursor = last;
    }
  }

  const isFollowing = async (userId: Int64, options?: RequestOptions): Promise<boolean> => {
    // The cursor is exclusive and the list ascending: starting just below the id, the first entry tells.
    const users = await page('follows', (BigInt(userId) - 1n).toString(), options ?? {});
    return users[0]?.userId === userId;
  };

  const api: FriendsApi = {
    async follow(userId, options = {}) {
      const id = positiveId(userId, 'userId');
      if (options.memo !== undefined && typeof options.memo !== 'string') {
        throw invalidArgument('memo', 'memo must be a string');
      }
      if (await blocks.has(ctx.selfId(), id)) {
        throw refusal(
          FeatureErrorCode.REFUSED_FOLLOW_BLOCKED,
          `user ${id} is blocked, and following a blocked user lets their next P2P message crash the server; unblock() first`,
          '§14',
        );
      }
      try {
        const result = await session.friendOp(
          {
            operation: UserOperationType.AddFriend,
            user: { userId: id, ...(options.memo ? { nickName: options.memo } : {}) },
          },
          requestOptions(options),
        );
        const user = result.users.find((entry) => entry.userId === id);
        return { status: 'following', user: user === undefined ? undefined : toUserProfile(user) };
      } catch (error) {
        // Friend mode forwards the request to them and answers us nothing.
        if (isBirdTalkError(error, SessionErrorCode.NO_REPLY)) return { status: 'requested' };
        throw error;
      }
    },

    async unfollow(userId, options) {
      const id = positiveId(userId, 'userId');
      if (!(await isFollowing(id, options))) return false;
      try {
        await simple(UserOperationType.RemoveFriend, id, options);
      } catch (error) {
        // The real server removes a user it has not cached without answering.
        if (!isBirdTalkError(error, SessionErrorCode.NO_REPLY)) throw error;
      }
      return true;
    },

    async block(userId, options) {
      const id = positiveId(userId, 'userId');
      // Recorded first: should the requests below fail, the user is still never followed again.
      await blocks.add(ctx.selfId(), id);
      await api.unfollow(id, options);
      await simple(UserOperationType.BlockFriend, id, options);
    },

    async unblock(userId, options) {
      const id = positiveId(userId, 'userId');
      await simple(UserOperationType.UnBlockFriend, id, options);
      await blocks.remove(ctx.selfId(), id);
    },

    blocked: async () => blocks.all(ctx.selfId()),
    isBlocked: async (userId) => blocks.has(ctx.selfId(), positiveId(userId, 'userId')),

    async setMemo(userId, memo, options = {}) {
      const id = positiveId(userId, 'userId');
      // An empty memo gets no reply at all.
      if (typeof memo !== 'string' || memo === '') throw invalidArgument('memo', 'a memo must not be empty');
      if (options.on !== undefined && options.on !== 'follow' && options.on !== 'fan') {
        throw invalidArgument('on', 'on must be "follow" or "fan"');
      }
      await session.friendOp(
        {
          operation: UserOperationType.SetFriendMemo,
          user: { userId: id, nickName: memo },
          params: { mode: options.on === 'fan' ? 'fans' : 'follows' },
        },
        requestOptions(options),
      );
    },

    async setPermission(userId, permission, options) {
      const id = positiveId(userId, 'userId');
      const bits = permissionBits(permission);
      if ((bits & FriendPermission.Chat) === 0 && (await isFollowing(id, options))) {
        refuseUnlessAllowed(
          ctx.policy,
          FeatureErrorCode.REFUSED_CHAT_BIT_WHILE_FOLLOWING,
          'without the chat bit, the next P2P message of a user you follow crashes the server; block() unfollows first',
          '§14',
        );
      }
      await session.friendOp(
        {
          operation: UserOperationType.SetFriendPermission,
          user: { userId: id },
          params: { permission: String(bits) },
        },
        options,
      );
    },

    isFollowing: (userId, options) => isFollowing(positiveId(userId, 'userId'), options),
    follows: (options) => list('follows', options),
    fans: (options) => list('fans', options),
    mutual: (options) => list('mutual', options),

    async approve(userId, options) {
      const id = positiveId(userId, 'userId');
      refuseUnlessAllowed(
        ctx.policy,
        FeatureErrorCode.REFUSED_APPROVE_FRIEND,
        'ApproveFriend crashes the server (it reads a payload the request cannot carry)',
        '§8, §14',
      );
      await simple(UserOperationType.ApproveFriend, id, options);
    },
  };
  return api;
}

/** The permission as the server's decimal int16, without the "exists" bit the server adds itself. */
export function permissionBits(permission: number | readonly FriendPermissionName[]): number {
  if (typeof permission === 'number') {
    if (!Number.isInteger(permission) || permission < 0 || permission > 0xffff) {
      throw invalidArgument('permission', 'permission must be a whole number of FriendPermission bits');
    }
    return permission & 0x7fff;
  }
  if (!Array.isArray(permission)) throw invalidArgument('permission', 'permission must be bits or names');
  let bits = 0;
  for (const name of permission) {
    const bit = FriendPermission[name as FriendPermissionName];
    if (bit === undefined) throw invalidArgument('permission', `unknown permission "${String(name)}"`);
    bits |= bit;
  }
  return bits;
}

function requestOptions(options: RequestOptions): RequestOptions {
  return {
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  };
}
