import { ChatType, QueryDataType, SynType, UserOperationType } from '@birdtalk/proto';
import type { Scenario } from './scenario.js';

/** Private chat, receipts, history queries. */
export const chatScenarios: readonly Scenario[] = [
  {
    name: 'p2p_chat_ok',
    description:
      'B follows A, A writes to B: ack "save data ok" and B gets it; msgId != sendId is a fail reply.',
    async run(ctx) {
      const a = await ctx.user('A', 'p2p_alice', 'pw-p2p-alice');
      const b = await ctx.user('B', 'p2p_bob', 'pw-p2p-bob');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 7 });
      await ctx.settle();
      await a.chat(b.uid, 'héllo ✓', 1001);
      await ctx.settle();
      await a.chat(b.uid, 'bad ids', 1002, { msgId: 5 });
    },
  },
  {
    name: 'p2p_not_follower',
    description: 'A writes to B, who does not follow A: error 21 "not friend", then a fail ack.',
    async run(ctx) {
      const a = await ctx.user('A', 'pnf_alice', 'pw-pnf-alice');
      const b = await ctx.user('B', 'pnf_bob', 'pw-pnf-bob');
      await ctx.settle();
      await a.chat(b.uid, 'are you there?', 2001);
    },
  },
  {
    name: 'receipts_delivered_read',
    description: 'B acknowledges A\'s message as delivered, then as read (gid "0"): both forwarded to A.',
    async run(ctx) {
      const a = await ctx.user('A', 'rdr_alice', 'pw-rdr-alice');
      const b = await ctx.user('B', 'rdr_bob', 'pw-rdr-bob');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 1 });
      await ctx.settle();
      await a.chat(b.uid, 'ack me', 3001);
      const frame = await b.expect(['chatData']);
      await ctx.settle();
      const chat = typeof frame === 'string' ? undefined : frame?.plainMsg?.chatData;
      if (chat === undefined) throw new Error('B received no chat message');
      await b.receipt(chat.msgId, chat.sendId, a.uid, { recv: true });
      await ctx.settle();
      await b.receipt(chat.msgId, chat.sendId, a.uid, { recv: true, read: true });
    },
  },
  {
    name: 'query_forward_backward',
    description: 'After two messages, B syncs forward from 0 and backward from now; A syncs with peer B.',
    async run(ctx) {
      const a = await ctx.user('A', 'qfb_alice', 'pw-qfb-alice');
      const b = await ctx.user('B', 'qfb_bob', 'pw-qfb-bob');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 1 });
      await ctx.settle();
      await a.chat(b.uid, 'first', 4001);
      await ctx.settle();
      await a.chat(b.uid, 'second', 4002);
      await ctx.settle();
      const { QueryDataTypeChatData: chatData } = QueryDataType;
      await b.query(chatData, ChatType.ChatTypeP2P, SynType.SynTypeForward, { little: '0' });
      await ctx.settle();
      await b.query(chatData, ChatType.ChatTypeP2P, SynType.SynTypeBackward, { big: '0' });
      await ctx.settle();
      await a.query(chatData, ChatType.ChatTypeP2P, SynType.SynTypeForward, { userId: b.uid, little: '0' });
    },
  },
];
