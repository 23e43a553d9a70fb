import {
  type ChatMessage,
  type ChatTarget,
  type FriendEvent,
  type FriendRequestEvent,
  type GroupEvent,
  type GroupJoinRequestEvent,
  type RecallEvent,
  type ReceiptEvent,
  targetKey,
} from '@birdtalk/client';
import type { Int64 } from './types.js';

/** A chat message from someone else (the client's `message` event). */
export interface MessageUpdate {
  readonly type: 'message';
  readonly message: ChatMessage;
}

/** A recalled message (the client's `recall` event). */
export interface RecallUpdate {
  readonly type: 'recall';
  readonly recall: RecallEvent;
}

/** A peer's delivery or read receipt for our messages (the client's `receipt` event). */
export interface ReceiptUpdate {
  readonly type: 'receipt';
  readonly receipt: ReceiptEvent;
}

/** Someone followed or unfollowed the bot, or another device of the account made a friend operation. */
export interface FriendUpdate {
  readonly type: 'friend';
  readonly friendEvent: FriendEvent;
}

/** A friend request (the server's friend mode). */
export interface FriendRequestUpdate {
  readonly type: 'friend-request';
  readonly friendRequest: FriendRequestEvent;
}

/** A group broadcast: members joined or left, info changed, the group was created or dissolved… */
export interface GroupUpdate {
  readonly type: 'group';
  readonly groupEvent: GroupEvent;
}

/** A request to join a group the bot administers. */
export interface GroupJoinRequestUpdate {
  readonly type: 'group-join-request';
  readonly groupJoinRequest: GroupJoinRequestEvent;
}

/**
 * Everything the bot reacts to: one of the client's deliveries (`message`, `recall`) or notifications
 * (`receipt`, `friend`, `friend-request`, `group`, `group-join-request`), tagged with the event's name.
 */
export type Update =
  | MessageUpdate
  | RecallUpdate
  | ReceiptUpdate
  | FriendUpdate
  | FriendRequestUpdate
  | GroupUpdate
  | GroupJoinRequestUpdate;

/** The name of an {@link Update}'s event. */
export type UpdateType = Update['type'];

/** The updates the client delivers exactly once, with retries (the others are best-effort notifications). */
export function isDelivery(update: Update): update is MessageUpdate | RecallUpdate {
  return update.type === 'message' || update.type === 'recall';
}

/**
 * The conversation an update belongs to, from the bot's point of view: where a reply goes. Friend news and
 * receipts belong to the P2P chat with that user, group news to the group; `undefined` when the server did
 * not say who (a friend request without a user).
 */
export function chatOfUpdate(update: Update): ChatTarget | undefined {
  switch (update.type) {
    case 'message':
      return update.message.chat;
    case 'recall':
      return update.recall.chat;
    case 'receipt':
      return p2pOrUndefined(update.receipt.by);
    case 'friend': {
      const event = update.friendEvent;
      return p2pOrUndefined(event.kind === 'own-operation' ? event.userId : event.by.userId);
    }
    case 'friend-request':
      return p2pOrUndefined(update.friendRequest.fromId);
    case 'group':
      return groupOrUndefined(update.groupEvent.groupId);
    case 'group-join-request':
      return groupOrUndefined(update.groupJoinRequest.groupId);
    default:
      return undefined;
  }
}

/**
 * Who caused an update: the sender of a message, who recalled, who sent the receipt, who followed, who asked,
 * who acted in a group (when the server said). Friend operations from another device of the account are the
 * bot's own (`selfId`).
 */
export function fromOfUpdate(update: Update, selfId: Int64 | undefined): Int64 | undefined {
  switch (update.type) {
    case 'message':
      return update.message.from;
    case 'recall':
      return update.recall.by;
    case 'receipt':
      return update.receipt.by;
    case 'friend':
      return update.friendEvent.kind === 'own-operation' ? selfId : update.friendEvent.by.userId;
    case 'friend-request':
      return nonZero(update.friendRequest.fromId);
    case 'group':
      return update.groupEvent.by;
    case 'group-join-request':
      return nonZero(update.groupJoinRequest.fromId);
    default:
      return undefined;
  }
}

/** Whether an update arrived through the offline catch-up after a login rather than live. */
export function isCatchUpUpdate(update: Update): boolean {
  if (update.type === 'message') return update.message.catchingUp;
  if (update.type === 'recall') return update.recall.catchingUp;
  return false;
}

/**
 * The key that orders an update among the others: its chat (`p2p:<id>`, `group:<id>`), or its event type for
 * the rare update without one.
 */
export function sequenceKeyOf(update: Update): string {
  const chat = chatOfUpdate(update);
  return chat === undefined ? `update:${update.type}` : targetKey(chat);
}

function nonZero(id: Int64 | undefined): Int64 | undefined {
  return id === undefined || id === '0' || id === '' ? undefined : id;
}

function p2pOrUndefined(id: Int64 | undefined): ChatTarget | undefined {
  const userId = nonZero(id);
  return userId === undefined ? undefined : { type: 'p2p', userId };
}

function groupOrUndefined(id: Int64 | undefined): ChatTarget | undefined {
  const groupId = nonZero(id);
  return groupId === undefined ? undefined : { type: 'group', groupId };
}
