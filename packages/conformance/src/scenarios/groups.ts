import { ChatType, GroupOperationType, QueryDataType, SynType } from '@birdtalk/proto';
import type { Scenario } from './scenario.js';

/** Groups: create, search, join, chat, kick, quit. */
export const groupScenarios: readonly Scenario[] = [
  {
    name: 'group_create_search',
    description: 'Create a public group; search it by name keyword and by id; search an unknown id.',
    async run(ctx) {
      const a = await ctx.user('A', 'gcs_alice', 'pw-gcs-alice');
      const b = await ctx.user('B', 'gcs_bob', 'pw-gcs-bob');
      await ctx.settle();
      const gid = await a.createGroup('gcs-group', {
        groupParams: { visibility: 'public', brief: 'a test group' },
        tags: ['conf', 'gcs'],
        groupType: 'chat',
      });
      await ctx.settle();
      await b.group(GroupOperationType.GroupSearch, { sendId: 2, params: { keyword: 'gcs-group' } });
      await ctx.settle();
      await b.group(GroupOperationType.GroupSearch, { sendId: 3, params: { keyword: gid } });
      await ctx.settle();
      await b.group(GroupOperationType.GroupSearch, { sendId: 4, params: { keyword: '99999' } });
    },
  },
  {
    name: 'group_join_chat',
    description:
      'B and C join directly (JoinAnswer "direct" broadcast); A\'s group chat fans out; B answers; B syncs backward.',
    async run(ctx) {
      const a = await ctx.user('A', 'gjc_alice', 'pw-gjc-alice');
      const b = await ctx.user('B', 'gjc_bob', 'pw-gjc-bob');
      const c = await ctx.user('C', 'gjc_carol', 'pw-gjc-carol');
      await ctx.settle();
      const gid = await a.createGroup('gjc-group');
      await ctx.settle();
      await b.group(GroupOperationType.GroupJoinRequest, { gid, sendId: 2 });
      await ctx.settle();
      await c.group(GroupOperationType.GroupJoinRequest, { gid, sendId: 3 });
      await ctx.settle();
      await a.chat(gid, 'hello group', 5001, { chatType: ChatType.ChatTypeGroup });
      await ctx.settle();
      await b.chat(gid, 'hi all', 5002, { chatType: ChatType.ChatTypeGroup });
      await ctx.settle();
      await b.query(QueryDataType.QueryDataTypeChatData, ChatType.ChatTypeGroup, SynType.SynTypeBackward, {
        groupId: gid,
        big: '0',
      });
    },
  },
  {
    name: 'group_kick_quit',
    description: 'A kicks B (broadcast to the remaining members), C quits; the owner may not quit.',
    async run(ctx) {
      const a = await ctx.user('A', 'gkq_alice', 'pw-gkq-alice');
      const b = await ctx.user('B', 'gkq_bob', 'pw-gkq-bob');
      const c = await ctx.user('C', 'gkq_carol', 'pw-gkq-carol');
      await ctx.settle();
      const gid = await a.createGroup('gkq-group');
      await ctx.settle();
      await b.group(GroupOperationType.GroupJoinRequest, { gid, sendId: 2 });
      await ctx.settle();
      await c.group(GroupOperationType.GroupJoinRequest, { gid, sendId: 3 });
      await ctx.settle();
      await a.group(GroupOperationType.GroupKickMember, { gid, sendId: 4, members: [b.uid] });
      await ctx.settle();
      await c.group(GroupOperationType.GroupQuit, { gid, sendId: 5 });
      await ctx.settle();
      await a.group(GroupOperationType.GroupQuit, { gid, sendId: 6 });
    },
  },
];
