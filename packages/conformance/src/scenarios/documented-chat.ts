import { ChatMsgType, ChatType, QueryDataType, SynType, UserOperationType } from '@birdtalk/proto';
import type { Scenario } from './scenario.js';

/** The largest int64: an upper bound for queries whose `bigId` is not defaulted. */
const maxId = '9223372036854775807';

/** Chat, receipt and query rows of §16 beyond the 27 real-server scenarios (expectations from the reference). */
export const documentedChatScenarios: readonly Scenario[] = [
  {
    name: 'chat_self',
    description: 'A P2P message to yourself is acknowledged "send to self".',
    async run(ctx) {
      const a = await ctx.user('A', 'cs_alice', 'pw-cs-alice');
      await ctx.settle();
      await a.chat(a.uid, 'note to self', 6001);
    },
  },
  {
    name: 'chat_wrong_from',
    description:
      'A message whose fromId is not the session user fails "from id is not same as session user id".',
    async run(ctx) {
      const a = await ctx.user('A', 'cwf_alice', 'pw-cwf-alice');
      const b = await ctx.user('B', 'cwf_bob', 'pw-cwf-bob');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 1 });
      await ctx.settle();
      await a.chat(b.uid, 'in your name', 6101, { fromId: b.uid });
    },
  },
  {
    name: 'chat_type_unknown',
    description: 'A message with chatType 0 to someone else gets no reply at all.',
    async run(ctx) {
      const a = await ctx.user('A', 'ctu_alice', 'pw-ctu-alice');
      const b = await ctx.user('B', 'ctu_bob', 'pw-ctu-bob');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 1 });
      await ctx.settle();
      await a.chat(b.uid, 'which kind?', 6201, { chatType: ChatType.ChatTypeNone, wait: null });
    },
  },
  {
    name: 'chat_recall_p2p',
    description: 'A DELETE naming a stored message is stored and forwarded like a message ("save data ok").',
    async run(ctx) {
      const a = await ctx.user('A', 'crp_alice', 'pw-crp-alice');
      const b = await ctx.user('B', 'crp_bob', 'pw-crp-bob');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 1 });
      await ctx.settle();
      const ack = await a.chat(b.uid, 'oops', 6301);
      await ctx.settle();
      const msgId = ack?.plainMsg?.chatReply?.msgId ?? '0';
      await a.chat(b.uid, '', 6302, { msgType: ChatMsgType.DELETE, ref: msgId });
    },
  },
  {
    name: 'chat_recall_unknown_ref',
    description: 'A DELETE naming no stored message fails "ref error".',
    async run(ctx) {
      const a = await ctx.user('A', 'cru_alice', 'pw-cru-alice');
      const b = await ctx.user('B', 'cru_bob', 'pw-cru-bob');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 1 });
      await ctx.settle();
      await a.chat(b.uid, '', 6401, { msgType: ChatMsgType.DELETE, ref: '1234567890123456789' });
    },
  },
  {
    name: 'receipts_batch',
    description: 'A batch receipt (params.batch) for two messages is forwarded unchanged to the sender.',
    async run(ctx) {
      const a = await ctx.user('A', 'rb_alice', 'pw-rb-alice');
      const b = await ctx.user('B', 'rb_bob', 'pw-rb-bob');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 1 });
      await ctx.settle();
      const first = await a.chat(b.uid, 'one', 6501);
      const second = await a.chat(b.uid, 'two', 6502);
      await ctx.settle();
      const ids = [first, second].map((ack) => ack?.plainMsg?.chatReply?.msgId ?? '0');
      await b.receipt(ids[0] ?? '0', '6501', a.uid, { recv: true, batch: ids.join(',') });
    },
  },
  {
    name: 'query_p2p_between',
    description: 'A P2P Between query returns the messages between two ids, both included, ascending.',
    async run(ctx) {
      const a = await ctx.user('A', 'qpb_alice', 'pw-qpb-alice');
      const b = await ctx.user('B', 'qpb_bob', 'pw-qpb-bob');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 1 });
      await ctx.settle();
      const ids: string[] = [];
      for (const [n, text] of ['one', 'two', 'three'].entries()) {
        const ack = await a.chat(b.uid, text, 6701 + n);
        ids.push(ack?.plainMsg?.chatReply?.msgId ?? '0');
      }
      await ctx.settle();
      await b.query(QueryDataType.QueryDataTypeChatData, ChatType.ChatTypeP2P, SynType.SynTypeBetween, {
        userId: a.uid,
        little: ids[1] ?? '0',
        big: ids[2] ?? '0',
      });
    },
  },
  {
    name: 'query_chat_reply',
    description:
      'A receipt query (QueryDataTypeChatReply, bigId 2^63-1) lists the unacknowledged message and re-pushes it.',
    async run(ctx) {
      const a = await ctx.user('A', 'qcr_alice', 'pw-qcr-alice');
      const b = await ctx.user('B', 'qcr_bob', 'pw-qcr-bob');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 1 });
      await ctx.settle();
      await a.chat(b.uid, 'did you get this?', 6601);
      await ctx.settle();
      await a.query(QueryDataType.QueryDataTypeChatReply, ChatType.ChatTypeP2P, SynType.SynTypeForward, {
        little: '0',
        big: maxId,
      });
    },
  },
  {
    name: 'query_friend_ops',
    description: 'A FriendOP query after a follow lists the follow from the op log.',
    async run(ctx) {
      const a = await ctx.user('A', 'qfo_alice', 'pw-qfo-alice');
      const b = await ctx.user('B', 'qfo_bob', 'pw-qfo-bob');
      await ctx.settle();
      await b.friend(UserOperationType.AddFriend, { uid: a.uid, sendId: 1 });
      await ctx.settle();
      await b.query(QueryDataType.QueryDataTypeFriendOP, ChatType.ChatTypeNone, SynType.SynTypeForward, {
        little: '0',
      });
    },
  },
];
