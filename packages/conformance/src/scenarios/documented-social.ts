import { createHash } from 'node:crypto';
import { GroupOperationType, UserOperationType } from '@birdtalk/proto';
import type { Scenario } from './scenario.js';

/** Friend, group and file rows of §16 beyond the 27 real-server scenarios (expectations from the reference). */
export const documentedSocialScenarios: readonly Scenario[] = [
  {
    name: 'friend_memo_permission_remove',
    description: 'B sets a memo and a permission (chat bit kept) on A, then stops following A (notice to A).',
    async run(ctx) {
      const a = await ctx.user('A', 'fmp_alice', 'pw-fmp-alice');
      const b = await ctx.user('B', 'fmp_bob', 'pw-fmp-bob');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 1 });
      await ctx.settle();
      await b.friend(UserOperationType.SetFriendMemo, { uid: a.uid, nick: 'Ali', sendId: 2 });
      await ctx.settle();
      await b.friend(UserOperationType.SetFriendPermission, {
        uid: a.uid,
        sendId: 3,
        params: { permission: '14' },
      });
      await ctx.settle();
      await b.friend(UserOperationType.RemoveFriend, { uid: a.uid, sendId: 4 });
    },
  },
  {
    name: 'finduser_by_name',
    description: 'FindUser by name matches the exact user name; e-mail and phone are masked "*".',
    async run(ctx) {
      await ctx.user('A', 'fbn_alice', 'pw-fbn-alice');
      const b = await ctx.user('B', 'fbn_bob', 'pw-fbn-bob');
      await ctx.settle();
      await b.friend(UserOperationType.FindUser, { sendId: 3, params: { mode: 'name', value: 'fbn_alice' } });
      await ctx.settle();
      await b.friend(UserOperationType.FindUser, {
        sendId: 4,
        params: { mode: 'name', value: 'fbn_nobody' },
      });
    },
  },
  {
    name: 'friendopret_ignored',
    description: 'A FriendOpRet sent by a client is ignored: no reply.',
    async run(ctx) {
      const a = await ctx.user('A', 'for_alice', 'pw-for-alice');
      await ctx.settle();
      await a.send({ friendOpRet: { operation: UserOperationType.AddFriend, result: 'ok' } });
    },
  },
  {
    name: 'group_setinfo_dissolve',
    description:
      'The owner changes the brief (broadcast to the members), then dissolves the group (broadcast).',
    async run(ctx) {
      const a = await ctx.user('A', 'gsd_alice', 'pw-gsd-alice');
      const b = await ctx.user('B', 'gsd_bob', 'pw-gsd-bob');
      await ctx.settle();
      const gid = await a.createGroup('gsd-group');
      await ctx.settle();
      await b.group(GroupOperationType.GroupJoinRequest, { gid, sendId: 2 });
      await ctx.settle();
      await a.group(GroupOperationType.GroupSetInfo, { gid, sendId: 3, groupParams: { brief: 'new brief' } });
      await ctx.settle();
      await a.group(GroupOperationType.GroupDissolve, { gid, sendId: 4 });
    },
  },
  {
    name: 'group_invite_admin_transfer',
    description:
      'The owner invites B (JoinAnswer "invite ok"), makes B an admin and takes it back; B lists members and groups; the owner transfers ownership; B sets a group nick.',
    async run(ctx) {
      const a = await ctx.user('A', 'gia_alice', 'pw-gia-alice');
      const b = await ctx.user('B', 'gia_bob', 'pw-gia-bob');
      await ctx.settle();
      const gid = await a.createGroup('gia-group');
      await ctx.settle();
      await a.group(GroupOperationType.GroupInviteRequest, { gid, sendId: 2, members: [b.uid] });
      await ctx.settle();
      await a.group(GroupOperationType.GroupAddAdmin, { gid, sendId: 3, members: [b.uid] });
      await ctx.settle();
      await a.group(GroupOperationType.GroupDelAdmin, { gid, sendId: 4, members: [b.uid] });
      await ctx.settle();
      await b.group(GroupOperationType.GroupSearchMember, { gid, sendId: 5 });
      await ctx.settle();
      await b.group(GroupOperationType.GroupListIn, { sendId: 6 });
      await ctx.settle();
      await a.group(GroupOperationType.GroupTransferOwner, { gid, sendId: 7, members: [b.uid] });
      await ctx.settle();
      await b.group(GroupOperationType.GroupSetMemberInfo, { gid, sendId: 8, params: { nick: 'bobby' } });
    },
  },
  {
    name: 'group_chat_not_member',
    description: 'A group message from a non-member fails "you are not a group member " (trailing space).',
    async run(ctx) {
      const a = await ctx.user('A', 'gcn_alice', 'pw-gcn-alice');
      const b = await ctx.user('B', 'gcn_bob', 'pw-gcn-bob');
      await ctx.settle();
      const gid = await a.createGroup('gcn-group');
      await ctx.settle();
      await b.chat(gid, 'let me in', 7001, { chatType: 2 });
    },
  },
  {
    name: 'group_members_not_member',
    description: 'GroupSearchMember by a non-member is error 16 "you are not group member".',
    async run(ctx) {
      const a = await ctx.user('A', 'gmn_alice', 'pw-gmn-alice');
      const b = await ctx.user('B', 'gmn_bob', 'pw-gmn-bob');
      await ctx.settle();
      const gid = await a.createGroup('gmn-group');
      await ctx.settle();
      await b.group(GroupOperationType.GroupSearchMember, { gid, sendId: 2 });
    },
  },
  {
    name: 'groupopret_refused',
    description: 'A GroupOpRet sent by a client, other than an invite or join answer, is error 5.',
    async run(ctx) {
      const a = await ctx.user('A', 'gor_alice', 'pw-gor-alice');
      await ctx.settle();
      await a.send({ groupOpRet: { operation: GroupOperationType.GroupCreate, result: 'ok' } });
    },
  },
  {
    name: 'upload_md5_mismatch',
    description:
      'A one-chunk upload whose bytes do not have the declared MD5 fails "md5 hash code is not same".',
    async run(ctx) {
      const a = await ctx.user('A', 'umm_alice', 'pw-umm-alice');
      await ctx.settle();
      const data = new TextEncoder().encode('conformance upload_md5_mismatch: these bytes');
      const other = createHash('md5').update('conformance upload_md5_mismatch: other bytes').digest('hex');
      await a.request(
        {
          uploadReq: {
            fileName: 'umm-notes.txt',
            fileSize: data.length,
            fileData: data,
            hashType: 'md5',
            hashCode: other,
            fileType: 'text',
            sendId: 81,
            chunkIndex: 0,
            chunkCount: 1,
            chunkSize: data.length,
          },
        },
        ['uploadReply', 'errorMsg'],
      );
    },
  },
  {
    name: 'upload_same_file',
    description:
      'Uploading the same bytes again (same size) is answered "sameok" with the first stored name.',
    async run(ctx) {
      const a = await ctx.user('A', 'usf_alice', 'pw-usf-alice');
      await ctx.settle();
      const data = new TextEncoder().encode('conformance upload_same_file: the same bytes twice');
      const md5 = createHash('md5').update(data).digest('hex');
      for (const sendId of [71, 72]) {
        await a.request(
          {
            uploadReq: {
              fileName: 'usf-notes.txt',
              fileSize: data.length,
              fileData: data,
              hashType: 'md5',
              hashCode: md5,
              fileType: 'text',
              sendId,
              chunkIndex: 0,
              chunkCount: 1,
              chunkSize: data.length,
            },
          },
          ['uploadReply', 'errorMsg'],
        );
        await ctx.settle();
      }
    },
  },
];
