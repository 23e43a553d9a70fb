import { ComMsgType, decodeMsg, encodeMsg, type MsgInit } from '@birdtalk/proto';
import { describe, expect, it } from 'vitest';
import { classifyFrame } from './dispatch.js';
import { routePush } from './push-routes.js';

const inbound = (msg: MsgInit) => {
  const classified = classifyFrame(decodeMsg(encodeMsg({ version: 1, tm: 5, ...msg } as MsgInit)));
  if (classified.inbound === undefined) throw new Error('the frame was not classified');
  return classified.inbound;
};

describe('routePush', () => {
  const cases: Array<[string, MsgInit, string]> = [
    ['a chat', { msgType: ComMsgType.MsgTChatMsg, plainMsg: { chatData: { msgId: 9, fromId: 7 } } }, 'chat'],
    [
      'a read receipt',
      { msgType: ComMsgType.MsgTChatReply, plainMsg: { chatReply: { msgId: 9, readOk: 3 } } },
      'receipt',
    ],
    [
      'an online notice',
      {
        msgType: ComMsgType.MsgTUserOp,
        plainMsg: { userOp: { operation: 5, user: { userId: 7 }, params: { status: 'online' } } },
      },
      'presence',
    ],
    [
      'a friend request',
      { msgType: ComMsgType.MsgTFriendOp, plainMsg: { friendOp: { operation: 1 } } },
      'friend-request',
    ],
    [
      'a friend notice',
      { msgType: ComMsgType.MsgTFriendOpRet, plainMsg: { friendOpRet: { operation: 1, result: 'notice' } } },
      'friend-notice',
    ],
    [
      'a join request',
      { msgType: ComMsgType.MsgTGroupOp, plainMsg: { groupOp: { operation: 6 } } },
      'group-join-request',
    ],
    [
      'a group notice',
      { msgType: ComMsgType.MsgTGroupOpRet, plainMsg: { groupOpRet: { operation: 2 } } },
      'group-notice',
    ],
  ];

  it.each(cases)('turns %s into its event', (_, msg, event) => {
    expect(routePush(inbound(msg), '10001')).toMatchObject({ event });
  });

  it('marks a chat of our own user (from another device) as own', () => {
    const msg: MsgInit = {
      msgType: ComMsgType.MsgTChatMsg,
      plainMsg: { chatData: { msgId: 9, fromId: 10001 } },
    };
    expect(routePush(inbound(msg), '10001')).toMatchObject({ event: 'chat', payload: { own: true } });
    expect(routePush(inbound(msg), '10002')).toMatchObject({ event: 'chat', payload: { own: false } });
  });

  it('refuses what nobody pushes: an acknowledgement nobody waits for, a user operation that is no notice', () => {
    const ack: MsgInit = {
      msgType: ComMsgType.MsgTChatReply,
      plainMsg: { chatReply: { msgId: 9, sendId: 4, extraMsg: 'ok', params: { detail: 'save data ok' } } },
    };
    expect(routePush(inbound(ack), '10001')).toEqual({ unsolicited: 'a chat acknowledgement' });
    const op: MsgInit = {
      msgType: ComMsgType.MsgTUserOp,
      plainMsg: { userOp: { operation: 5, params: {} } },
    };
    expect(routePush(inbound(op), '10001')).toEqual({ unsolicited: 'a user operation' });
  });
});
