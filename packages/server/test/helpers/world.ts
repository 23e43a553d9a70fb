import {
  ChatMsgType,
  ChatType,
  ComMsgType,
  type MsgChatInit,
  type MsgInit,
  type UserOperationType,
} from '@birdtalk/proto';
import type { BirdTalkServer } from '../../src/index.js';
import { connectMemory, type TestClient } from './client.js';
import { login, msg } from './protocol.js';

let sendCounter = 5000;

/** A P2P chat request with msgId = sendId. */
export function chatMsg(from: string, to: string, text: string, extra: Partial<MsgChatInit> = {}): MsgInit {
  sendCounter += 1;
  return msg(ComMsgType.MsgTChatMsg, {
    chatData: {
      msgId: sendCounter,
      sendId: sendCounter,
      fromId: from,
      toId: to,
      chatType: ChatType.ChatTypeP2P,
      msgType: ChatMsgType.TEXT,
      data: Buffer.from(text),
      ...extra,
    },
  });
}

/** A friend operation. */
export function friendOp(
  operation: UserOperationType,
  user: { userId?: string; nickName?: string; userName?: string } | undefined,
  params?: Record<string, string>,
  sendId = 77,
): MsgInit {
  return msg(ComMsgType.MsgTFriendOp, { friendOp: { operation, user, params, sendId } });
}

/** Creates users with password "p" and logs each in on its own connection. */
export async function users(
  server: BirdTalkServer,
  names: readonly string[],
): Promise<{ ids: string[]; clients: TestClient[] }> {
  const ids: string[] = [];
  const clients: TestClient[] = [];
  for (const name of names) {
    const id = await server.createUser({
      userName: name,
      nickName: `${name}-nick`,
      password: 'p',
      email: `${name}@x.io`,
      phone: `1${ids.length}`,
    });
    const client = await connectMemory(server);
    await login(client, id, 'p');
    ids.push(id);
    clients.push(client);
  }
  return { ids, clients };
}
