import type { MsgChat } from '@birdtalk/proto';

/** A raw chat message for tests, with every field filled. */
export function rawChat(fields: Partial<MsgChat> & Pick<MsgChat, 'msgId'>): MsgChat {
  return {
    userId: '0',
    fromId: '10',
    toId: '20',
    tm: '1750000000000',
    devId: '',
    sendId: `9${fields.msgId}`,
    msgType: 0,
    data: new TextEncoder().encode(`text ${fields.msgId}`),
    priority: 0,
    refMessageId: '0',
    status: 0,
    sendReply: '0',
    recvReply: '0',
    readReply: '0',
    encType: 0,
    chatType: 1,
    subMsgType: 0,
    keyPrint: '0',
    params: {},
    ...fields,
  } as MsgChat;
}
