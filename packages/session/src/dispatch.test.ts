import { ComMsgType, decodeMsg, encodeMsg, type MsgInit } from '@birdtalk/proto';
import { describe, expect, it } from 'vitest';
import { classifyFrame, isSendAck } from './dispatch.js';
import { SessionErrorCode } from './errors.js';

const frame = (msg: MsgInit) => decodeMsg(encodeMsg({ version: 1, tm: 5, ...msg } as MsgInit));

describe('classifyFrame', () => {
  it('routes a heartbeat reply labelled Hello by its payload (§3.4)', () => {
    const result = classifyFrame(
      frame({ msgType: ComMsgType.MsgTHello, plainMsg: { heartBeat: { tm: 1 } } }),
    );
    expect(result.inbound?.kind).toBe('heartbeat');
    expect(result.anomaly).toBeUndefined();
  });

  it('routes a re-pushed chat labelled QueryResult as a chat, flagged (§3.4, §7)', () => {
    const result = classifyFrame(
      frame({ msgType: ComMsgType.MsgTQueryResult, plainMsg: { chatData: { msgId: 9 } } }),
    );
    expect(result.inbound).toMatchObject({ kind: 'chat', repushed: true });
    expect(result.anomaly).toBeUndefined();
    const live = classifyFrame(
      frame({ msgType: ComMsgType.MsgTChatMsg, plainMsg: { chatData: { msgId: 9 } } }),
    );
    expect(live.inbound).toMatchObject({ kind: 'chat', repushed: false });
  });

  it('routes online notices that arrive as user-op requests (§3.4, §11)', () => {
    const result = classifyFrame(
      frame({
        msgType: ComMsgType.MsgTUserOp,
        plainMsg: { userOp: { operation: 5, params: { status: 'online' } } },
      }),
    );
    expect(result.inbound?.kind).toBe('user-op');
  });

  it('routes friend requests and forwarded join requests', () => {
    expect(
      classifyFrame(frame({ msgType: ComMsgType.MsgTFriendOp, plainMsg: { friendOp: {} } })).inbound?.kind,
    ).toBe('friend-op');
    expect(
      classifyFrame(frame({ msgType: ComMsgType.MsgTGroupOp, plainMsg: { groupOp: {} } })).inbound?.kind,
    ).toBe('group-op');
  });

  it('reports a payload that does not fit its label, and still routes it by payload', () => {
    const result = classifyFrame(
      frame({ msgType: ComMsgType.MsgTChatMsg, plainMsg: { userOpRet: { status: 'x' } } }),
    );
    expect(result.inbound?.kind).toBe('user-op-result');
    expect(result.anomaly?.code).toBe(SessionErrorCode.UNEXPECTED_TYPE);
  });

  it('reports an unknown msgType', () => {
    const result = classifyFrame(frame({ msgType: 77 as never, plainMsg: { errorMsg: { code: 1 } } }));
    expect(result.inbound?.kind).toBe('error');
    expect(result.anomaly?.message).toContain('unknown');
  });

  it('drops frames without a usable payload', () => {
    for (const msg of [
      frame({ msgType: ComMsgType.MsgTChatMsg }),
      frame({ msgType: ComMsgType.MsgTChatMsg, cipher: new Uint8Array([1]) }),
      frame({ msgType: ComMsgType.MsgTQuery, plainMsg: { commonQuery: {} } }),
      frame({ msgType: ComMsgType.MsgTOther, plainMsg: { otherTypeMsg: new Uint8Array([1]) } }),
    ]) {
      const result = classifyFrame(msg);
      expect(result.inbound).toBeUndefined();
      expect(result.anomaly?.code).toBe(SessionErrorCode.UNEXPECTED_PAYLOAD);
    }
  });
});

describe('isSendAck', () => {
  it('tells a server acknowledgement from a forwarded receipt', () => {
    const base = { msgId: '1', sendId: '2', sendOk: '3', userId: '4', fromId: '5', extraMsg: 'ok' };
    expect(
      isSendAck({ ...base, recvOk: '0', readOk: '0', params: { gid: '0', detail: 'save data ok' } }),
    ).toBe(true);
    expect(isSendAck({ ...base, recvOk: '17', readOk: '0', params: { gid: '0' } })).toBe(false);
    expect(isSendAck({ ...base, recvOk: '0', readOk: '0', params: { gid: '0' } })).toBe(false);
  });
});
