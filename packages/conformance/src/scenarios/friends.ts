import { UserOperationType } from '@birdtalk/proto';
import type { Scenario } from './scenario.js';

/** Follow, block, lists. */
export const friendScenarios: readonly Scenario[] = [
  {
    name: 'friend_follow_notice',
    description: 'B follows A: AddFriend "ok" to B and a notice to A; following again is "ok" again.',
    async run(ctx) {
      const a = await ctx.user('A', 'ffn_alice', 'pw-ffn-alice');
      const b = await ctx.user('B', 'ffn_bob', 'pw-ffn-bob');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 7 });
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 8 });
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: b.uid, sendId: 9 });
    },
  },
  {
    name: 'friend_block_unblock',
    description:
      'A blocks B, then unblocks B, then blocks itself (no chat while blocked: that crashes the server).',
    async run(ctx) {
      const a = await ctx.user('A', 'fbu_alice', 'pw-fbu-alice');
      const b = await ctx.user('B', 'fbu_bob', 'pw-fbu-bob');
      await ctx.settle();
      await a.friend(UserOperationType.BlockFriend, { uid: b.uid, sendId: 11 });
      await ctx.settle();
      await a.friend(UserOperationType.UnBlockFriend, { uid: b.uid, sendId: 12 });
      await ctx.settle();
      await a.friend(UserOperationType.BlockFriend, { uid: a.uid, sendId: 13 });
    },
  },
  {
    name: 'friend_list_follows_fans',
    description:
      'B and C follow A; ListFriends follows (B), fans (A), mutual friends (A, after A follows B).',
    async run(ctx) {
      const a = await ctx.user('A', 'flf_alice', 'pw-flf-alice');
      const b = await ctx.user('B', 'flf_bob', 'pw-flf-bob');
      const c = await ctx.user('C', 'flf_carol', 'pw-flf-carol');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 1 });
      await ctx.settle();
      await c.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 2 });
      await ctx.settle();
      await b.friend(UserOperationType.ListFriends, { sendId: 3, params: { mode: 'follows' } });
      await ctx.settle();
      await a.friend(UserOperationType.ListFriends, { sendId: 4, params: { mode: 'fans' } });
      await ctx.settle();
      await a.friend(UserOperationType.AddFriend, { uid: b.uid, sendId: 5 });
      await ctx.settle();
      await a.friend(UserOperationType.ListFriends, { sendId: 6, params: { mode: 'friends' } });
    },
  },
];
