import {
  type ChatMessage,
  type ChatTarget,
  type FriendEvent,
  fileContent,
  type GroupEvent,
  group,
  imageContent,
  type OutgoingContent,
  p2p,
  positiveId,
  type RecallEvent,
  type ReceiptEvent,
  textContent,
  toChatMessage,
  type UserProfile,
  voiceContent,
} from '@birdtalk/client';
import type { Int64, Int64Input } from '../types.js';

/** The user id of the bot in tests, unless a test says otherwise. */
export const TEST_BOT_ID = '10001';

/** The user id that sends test messages, unless a test says otherwise. */
export const TEST_USER_ID = '20001';

// Wire values of MsgChat: chat types, and the message type of a recall notice.
const CHAT_TYPE_P2P = 1;
const CHAT_TYPE_GROUP = 2;
const MSG_TYPE_DELETE = 5;

type RawChat = ChatMessage['raw'];

let lastId = 7_300_000_000_000_000_000n;

/** A fresh id, larger than every id handed out before (like the server's snowflakes). */
export function nextTestId(): Int64 {
  lastId += 1n;
  return lastId.toString();
}

/** Where and from whom a test message comes. */
export interface MessageInit {
  /** The sender. @defaultValue {@link TEST_USER_ID}, or the bot itself with `own` */
  readonly from?: Int64Input;
  /** A group the message was posted in; without it, the message is P2P. */
  readonly group?: Int64Input;
  /** The bot's id, for the message's point of view. @defaultValue {@link TEST_BOT_ID} */
  readonly botId?: Int64Input;
  /** Sent by the bot's account (from another device). For P2P, `to` names the peer. */
  readonly own?: boolean;
  /** The peer of an own P2P message. @defaultValue {@link TEST_USER_ID} */
  readonly to?: Int64Input;
  /** The server id. @defaultValue a fresh one from {@link nextTestId} */
  readonly id?: Int64Input;
  /** Milliseconds since the Unix epoch. @defaultValue 1750000000000 */
  readonly time?: number;
  /** The id of the message it quotes. */
  readonly quote?: Int64Input;
  /** Whether it came through the offline catch-up. @defaultValue false */
  readonly catchingUp?: boolean;
  /** Whether a previous run may have handed it to a listener already. @defaultValue false */
  readonly redelivered?: boolean;
}

/** A message with any content, as the client would hand it to the bot. */
export function contentMessage(content: OutgoingContent, init: MessageInit = {}): ChatMessage {
  const botId = positiveId(init.botId ?? TEST_BOT_ID, 'botId');
  const from = positiveId(init.from ?? (init.own === true ? botId : TEST_USER_ID), 'from');
  const groupId = init.group === undefined ? undefined : positiveId(init.group, 'group');
  const toId = groupId ?? (from === botId ? positiveId(init.to ?? TEST_USER_ID, 'to') : botId);
  const id = init.id === undefined ? nextTestId() : positiveId(init.id, 'id');
  const raw: RawChat = {
    msgId: id,
    userId: from,
    fromId: from,
    toId,
    tm: String(init.time ?? 1_750_000_000_000),
    devId: '',
    sendId: id,
    msgType: content.type,
    data: content.data,
    priority: 0 as RawChat['priority'],
    refMessageId: init.quote === undefined ? '0' : positiveId(init.quote, 'quote'),
    status: 0 as RawChat['status'],
    sendReply: '0',
    recvReply: '0',
    readReply: '0',
    encType: 0 as RawChat['encType'],
    chatType: (groupId === undefined ? CHAT_TYPE_P2P : CHAT_TYPE_GROUP) as RawChat['chatType'],
    subMsgType: 0,
    keyPrint: '0',
    params: {},
  };
  return toChatMessage(raw, {
    selfId: botId,
    catchingUp: init.catchingUp ?? false,
    redelivered: init.redelivered ?? false,
  });
}

/** A text message. */
export function textMessage(text: string, init: MessageInit = {}): ChatMessage {
  return contentMessage(textContent(text), init);
}

/** What describes a test attachment; everything has a plausible default. */
export interface AttachmentInit {
  readonly name?: string;
  readonly mime?: string;
  readonly size?: number;
  /** The stored name of the upload. */
  readonly ref?: string;
}

/** An image message (an uploaded PNG by default). */
export function imageMessage(
  init: MessageInit & AttachmentInit & { readonly width?: number; readonly height?: number } = {},
): ChatMessage {
  const content = imageContent({
    ref: init.ref ?? 'test-image.png',
    name: init.name ?? 'image.png',
    mime: init.mime ?? 'image/png',
    size: init.size ?? 1024,
    ...(init.width === undefined ? {} : { width: init.width }),
    ...(init.height === undefined ? {} : { height: init.height }),
  });
  return contentMessage(content, init);
}

/** A file message (an uploaded PDF by default). */
export function fileMessage(init: MessageInit & AttachmentInit = {}): ChatMessage {
  const content = fileContent({
    ref: init.ref ?? 'test-file.pdf',
    name: init.name ?? 'file.pdf',
    mime: init.mime ?? 'application/pdf',
    size: init.size ?? 2048,
  });
  return contentMessage(content, init);
}

/** A voice message (an uploaded one-second clip by default). */
export function voiceMessage(
  init: MessageInit & AttachmentInit & { readonly durationMs?: number } = {},
): ChatMessage {
  const content = voiceContent({
    ref: init.ref ?? 'test-voice.m4a',
    name: init.name ?? 'voice.m4a',
    mime: init.mime ?? 'audio/mp4',
    size: init.size ?? 4096,
    durationMs: init.durationMs ?? 1000,
  });
  return contentMessage(content, init);
}

/** A recall of message `messageId` in the chat `init` describes, by its sender unless `from` says otherwise. */
export function recallEvent(messageId: Int64Input, init: MessageInit = {}): RecallEvent {
  const notice = contentMessage(
    { type: MSG_TYPE_DELETE as OutgoingContent['type'], data: new Uint8Array() },
    { ...init, quote: messageId },
  );
  const raw = { ...notice.raw, refMessageId: positiveId(messageId, 'messageId') };
  const recalled = toChatMessage(raw, {
    selfId: positiveId(init.botId ?? TEST_BOT_ID, 'botId'),
    catchingUp: notice.catchingUp,
    redelivered: notice.redelivered,
  });
  return {
    id: raw.refMessageId,
    chat: recalled.chat,
    by: recalled.from,
    notice: recalled,
    catchingUp: recalled.catchingUp,
    redelivered: recalled.redelivered,
    signal: recalled.signal,
  };
}

/** A peer's receipt for messages the bot sent. */
export function receiptEvent(
  ids: Int64Input | readonly Int64Input[],
  init: { readonly by?: Int64Input; readonly read?: boolean; readonly time?: number } = {},
): ReceiptEvent {
  const list = (Array.isArray(ids) ? ids : [ids as Int64Input]).map((id) => positiveId(id, 'id'));
  const by = positiveId(init.by ?? TEST_USER_ID, 'by');
  const time = init.time ?? 1_750_000_000_000;
  return {
    ids: list,
    by,
    deliveredAt: time,
    readAt: init.read === true ? time : undefined,
    raw: {} as ReceiptEvent['raw'],
  };
}

/** A user profile with plausible defaults. */
export function userProfile(userId: Int64Input = TEST_USER_ID, init: Partial<UserProfile> = {}): UserProfile {
  const id = positiveId(userId, 'userId');
  return {
    userId: id,
    userName: `user${id}`,
    nickName: `User ${id}`,
    email: undefined,
    phone: undefined,
    gender: '',
    age: 0,
    region: '',
    icon: '',
    intro: '',
    follows: 0,
    fans: 0,
    params: {},
    ...init,
  };
}

/** Someone followed the bot. */
export function followedEvent(user: Int64Input | UserProfile = TEST_USER_ID): FriendEvent {
  return { kind: 'followed', by: typeof user === 'object' ? user : userProfile(user) };
}

/** Someone stopped following the bot. */
export function unfollowedEvent(user: Int64Input | UserProfile = TEST_USER_ID): FriendEvent {
  return { kind: 'unfollowed', by: typeof user === 'object' ? user : userProfile(user) };
}

/** Users joined a group (directly, unless `how` says by invitation). */
export function membersJoinedEvent(
  groupId: Int64Input,
  userIds: Int64Input | readonly Int64Input[],
  init: { readonly how?: 'direct' | 'invite'; readonly by?: Int64Input; readonly botId?: Int64Input } = {},
): GroupEvent {
  const gid = positiveId(groupId, 'groupId');
  const ids = (Array.isArray(userIds) ? userIds : [userIds as Int64Input]).map((id) =>
    positiveId(id, 'userId'),
  );
  const botId = positiveId(init.botId ?? TEST_BOT_ID, 'botId');
  return {
    kind: 'members-joined',
    groupId: gid,
    by: init.by === undefined ? ids[0] : positiveId(init.by, 'by'),
    membership: ids.includes(botId) ? 'joined' : undefined,
    how: init.how ?? 'direct',
    group: undefined,
    members: ids.map((userId) => ({ userId, nick: `User ${userId}`, icon: '', role: 'member' as const })),
  };
}

/** A member left a group. */
export function memberLeftEvent(
  groupId: Int64Input,
  userId: Int64Input,
  init: { readonly botId?: Int64Input } = {},
): GroupEvent {
  const uid = positiveId(userId, 'userId');
  return {
    kind: 'member-left',
    groupId: positiveId(groupId, 'groupId'),
    by: uid,
    membership: uid === positiveId(init.botId ?? TEST_BOT_ID, 'botId') ? 'left' : undefined,
    userId: uid,
  };
}

/** The chat a test message from `userId` (P2P) or in `groupId` belongs to. */
export function chatOf(init: { readonly from?: Int64Input; readonly group?: Int64Input } = {}): ChatTarget {
  return init.group === undefined ? p2p(init.from ?? TEST_USER_ID) : group(init.group);
}
