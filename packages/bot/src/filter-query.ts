import type {
  Attachment,
  ChatMessage,
  ChatTarget,
  FriendEvent,
  FriendRequestEvent,
  GroupEvent,
  GroupJoinRequestEvent,
  RecallEvent,
  ReceiptEvent,
} from '@birdtalk/client';
import { InvalidArgumentError } from '@birdtalk/errors';
import { BotErrorCode } from './bot-errors.js';
import type { Int64 } from './types.js';
import type {
  FriendRequestUpdate,
  FriendUpdate,
  GroupJoinRequestUpdate,
  GroupUpdate,
  RecallUpdate,
  ReceiptUpdate,
  Update,
} from './update.js';

/** A one-to-one conversation. */
export type P2PChat = Extract<ChatTarget, { readonly type: 'p2p' }>;
/** A group conversation. */
export type GroupChat = Extract<ChatTarget, { readonly type: 'group' }>;

/** The message kinds that carry a file. */
export type MediaKind = 'image' | 'file' | 'voice' | 'video';

/** What may follow `message:` in a filter query: a message kind, or `media` for any kind with a file. */
export type MessageQueryKind = 'text' | MediaKind | 'other' | 'media';

/**
 * A filter query: an update type, optionally narrowed to one kind of it. `bot.on(query, …)` runs its handlers
 * only for matching updates, and types their context accordingly.
 *
 * - `message`, `message:text`, `message:image`, `message:file`, `message:voice`, `message:video`,
 *   `message:other`, `message:media` (any message with a file);
 * - `recall`, `receipt`;
 * - `friend`, `friend:followed`, `friend:unfollowed`, `friend:own-operation`; `friend-request`;
 * - `group`, `group:members-joined`, `group:member-left`, `group:members-kicked`, … (every `GroupEvent` kind);
 *   `group-join-request`.
 */
export type FilterQuery =
  | 'message'
  | `message:${MessageQueryKind}`
  | 'recall'
  | 'receipt'
  | 'friend'
  | `friend:${FriendEvent['kind']}`
  | 'friend-request'
  | 'group'
  | `group:${GroupEvent['kind']}`
  | 'group-join-request';

/** The message a `message:<kind>` query guarantees. */
export type MessageOfKind<K extends MessageQueryKind> = K extends 'media'
  ? ChatMessage & { readonly kind: MediaKind; readonly attachment: Attachment }
  : K extends MediaKind
    ? ChatMessage & { readonly kind: K; readonly attachment: Attachment }
    : ChatMessage & { readonly kind: K };

/** What a message update guarantees about its context. */
export interface MessageShape<M extends ChatMessage> {
  readonly update: { readonly type: 'message'; readonly message: M };
  readonly message: M;
  readonly chat: ChatTarget;
  readonly from: Int64;
}

/** What a `recall` update guarantees. */
export interface RecallShape {
  readonly update: RecallUpdate;
  readonly recall: RecallEvent;
  readonly chat: ChatTarget;
  readonly from: Int64;
}

/** What a `receipt` update guarantees. */
export interface ReceiptShape {
  readonly update: ReceiptUpdate;
  readonly receipt: ReceiptEvent;
  readonly from: Int64;
}

/** What a `friend` update guarantees; followed and unfollowed news always name the user and their chat. */
export type FriendShape<E extends FriendEvent> = {
  readonly update: FriendUpdate & { readonly friendEvent: E };
  readonly friendEvent: E;
  readonly chat: P2PChat;
} & (E extends { readonly kind: 'own-operation' } ? unknown : { readonly from: Int64 });

/** What a `friend-request` update guarantees. */
export interface FriendRequestShape {
  readonly update: FriendRequestUpdate;
  readonly friendRequest: FriendRequestEvent;
}

/** What a `group` update guarantees: the group is the chat. */
export interface GroupShape<E extends GroupEvent> {
  readonly update: GroupUpdate & { readonly groupEvent: E };
  readonly groupEvent: E;
  readonly chat: GroupChat;
}

/** What a `group-join-request` update guarantees. */
export interface GroupJoinRequestShape {
  readonly update: GroupJoinRequestUpdate;
  readonly groupJoinRequest: GroupJoinRequestEvent;
  readonly chat: GroupChat;
}

/** The fields a filter query guarantees (a union for a union of queries). */
export type FilterShape<Q extends FilterQuery> = Q extends 'message'
  ? MessageShape<ChatMessage>
  : Q extends 'message:text'
    ? MessageShape<MessageOfKind<'text'>> & { readonly text: string }
    : Q extends `message:${infer K extends MessageQueryKind}`
      ? MessageShape<MessageOfKind<K>> & { readonly text: undefined }
      : Q extends 'recall'
        ? RecallShape
        : Q extends 'receipt'
          ? ReceiptShape
          : Q extends 'friend'
            ? FriendShape<FriendEvent>
            : Q extends `friend:${infer K extends FriendEvent['kind']}`
              ? FriendShape<Extract<FriendEvent, { readonly kind: K }>>
              : Q extends 'friend-request'
                ? FriendRequestShape
                : Q extends 'group'
                  ? GroupShape<GroupEvent>
                  : Q extends `group:${infer K extends GroupEvent['kind']}`
                    ? GroupShape<Extract<GroupEvent, { readonly kind: K }>>
                    : Q extends 'group-join-request'
                      ? GroupJoinRequestShape
                      : never;

/** The context type `C` narrowed by filter query `Q`. */
export type Filter<C, Q extends FilterQuery> = C & FilterShape<Q>;

const messageKinds: ReadonlySet<string> = new Set([
  'text',
  'image',
  'file',
  'voice',
  'video',
  'other',
  'media',
]);
const mediaKinds: ReadonlySet<string> = new Set(['image', 'file', 'voice', 'video']);
const friendKinds: ReadonlySet<string> = new Set(['followed', 'unfollowed', 'own-operation']);
const groupKinds: ReadonlySet<string> = new Set([
  'group-created',
  'group-dissolved',
  'group-info-changed',
  'member-nick-changed',
  'members-joined',
  'members-invited',
  'members-kicked',
  'member-left',
  'admins-added',
  'admins-removed',
  'owner-changed',
]);
const plainTypes: ReadonlySet<string> = new Set([
  'message',
  'recall',
  'receipt',
  'friend',
  'friend-request',
  'group',
  'group-join-request',
]);

/**
 * Checks a filter query once, at registration, and turns it into a predicate over updates.
 *
 * @throws InvalidArgumentError `BOT_INVALID_FILTER_QUERY` for a query that names no update type or kind
 * (a typo would otherwise make a handler silently never run).
 */
export function compileFilterQuery(query: FilterQuery): (update: Update) => boolean {
  if (typeof query !== 'string') throw invalidQuery(String(query));
  const colon = query.indexOf(':');
  const type = colon === -1 ? query : query.slice(0, colon);
  const kind = colon === -1 ? undefined : query.slice(colon + 1);
  if (!plainTypes.has(type)) throw invalidQuery(query);
  if (kind === undefined) return (update) => update.type === type;
  switch (type) {
    case 'message':
      if (!messageKinds.has(kind)) break;
      if (kind === 'media') {
        return (update) =>
          update.type === 'message' &&
          mediaKinds.has(update.message.kind) &&
          update.message.attachment !== undefined;
      }
      return (update) => update.type === 'message' && update.message.kind === kind;
    case 'friend':
      if (!friendKinds.has(kind)) break;
      return (update) => update.type === 'friend' && update.friendEvent.kind === kind;
    case 'group':
      if (!groupKinds.has(kind)) break;
      return (update) => update.type === 'group' && update.groupEvent.kind === kind;
    default:
      break;
  }
  throw invalidQuery(query);
}

/** Compiles several queries into one predicate that accepts an update any of them accepts. */
export function compileFilterQueries(
  queries: FilterQuery | readonly FilterQuery[],
): (update: Update) => boolean {
  const list = typeof queries === 'string' ? [queries] : [...queries];
  if (list.length === 0) throw invalidQuery('(none)');
  const predicates = list.map(compileFilterQuery);
  if (predicates.length === 1) return predicates[0]!;
  return (update) => predicates.some((predicate) => predicate(update));
}

function invalidQuery(query: string): InvalidArgumentError {
  return new InvalidArgumentError(BotErrorCode.INVALID_FILTER_QUERY, `"${query}" is not a filter query`, {
    details: { query },
  });
}
