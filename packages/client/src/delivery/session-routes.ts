import type { BirdTalkError } from '@birdtalk/errors';
import { ChatType, type GroupOpResult, type Int64, type MsgChatReply } from '@birdtalk/proto';
import type { EventHub } from '@birdtalk/runtime';
import type { CloseReason, Session, SessionState } from '@birdtalk/session';
import type { ClientEvents, ReceiptEvent } from '../events.js';
import { friendEventFrom, friendRequestFrom, groupEventFrom, groupJoinRequestFrom } from '../features.js';
import { groupStream } from '../store/store.js';
import type { CatchUp } from './catch-up.js';
import type { GapSweeper } from './gap-sweep.js';
import type { Membership } from './group-membership.js';
import type { Inbox } from './inbox.js';
import type { SentMessages } from './message-states.js';
import type { ReceiptSender } from './receipts.js';
import { typedChatError } from './sender.js';

/** Where the session's events go. */
export interface SessionRoutes {
  readonly hub: EventHub<ClientEvents>;
  readonly inbox: Inbox;
  readonly catchUp: CatchUp;
  readonly sweeper: GapSweeper;
  readonly membership: Membership;
  readonly states: SentMessages;
  readonly receipts: ReceiptSender;
  /** The logged-in user's id, once known. */
  selfId(): Int64 | undefined;
  /** The session's state changed. */
  onState(to: SessionState): void;
  /** The session is over. */
  onClosed(reason: CloseReason, error: BirdTalkError | undefined): void;
}

/**
 * Routes what the session reports to the pieces of the client: chats to the inbox, logins to the catch-up and
 * the receipts, acknowledgements and receipts to the message states, notices through the feature modules'
 * converters to client events (group broadcasts also to the membership).
 */
export function routeSessionEvents(session: Session, routes: SessionRoutes): void {
  const { hub, inbox, catchUp, sweeper, membership, states, receipts } = routes;
  const selfId = (): Int64 => routes.selfId() ?? '0';
  session.on('state', ({ to }) => routes.onState(to));
  session.on('ready', (event) => {
    hub.emit('ready', event);
    receipts.connected();
    void catchUp.start(session, event.connection);
    sweeper.connected();
  });
  session.on('chat', ({ chat, repushed }) => {
    if (chat.chatType === ChatType.ChatTypeGroup && chat.fromId !== routes.selfId()) {
      // A group message reaching us means we are in the group, whatever the last list said.
      membership.add(chat.toId);
    }
    inbox.ingest(chat, repushed ? 'repush' : 'live');
  });
  session.on('receipt', (reply) => {
    const event = receiptEventOf(reply);
    states.receipt(event.ids, event.deliveredAt !== undefined, event.readAt !== undefined);
    hub.emit('receipt', event);
  });
  session.on('chat-acked', (ack) => states.acked(ack.sendId, ack.msgId));
  session.on('chat-failed', ({ sendId, error }) => {
    // The state records the error the sender's caller gets: the client's code for the refusal, where it has one.
    const chat = states.chatOf(sendId);
    states.failed(sendId, chat === undefined ? error : (typedChatError(error, chat) as BirdTalkError));
  });
  session.on('presence', (event) => hub.emit('presence', event));
  session.on('disconnected', (event) => {
    // The server may push on the next connection as soon as it logged in, before the session reports it ready
    // and the catch-up starts: such a message must wait for the catch-up, or it would be handled (and its
    // stream's position moved past it) before the older messages the catch-up is about to fetch.
    inbox.hold();
    sweeper.disconnected();
    hub.emit('disconnected', event);
  });
  session.on('reconnecting', (event) => hub.emit('reconnecting', event));
  session.on('registered', (event) => hub.emit('registered', event));
  session.on('friend-notice', (result) => {
    const event = friendEventFrom(result, selfId());
    if (event !== undefined) hub.emit('friend', event);
  });
  session.on('friend-request', (request) => hub.emit('friend-request', friendRequestFrom(request)));
  session.on('group-notice', (result) => {
    void applyGroupResult(session, result, { hub, catchUp, membership, selfId: selfId() });
  });
  session.on('group-join-request', (request) =>
    hub.emit('group-join-request', groupJoinRequestFrom(request)),
  );
  session.on('closed', ({ reason, error }) => routes.onClosed(reason, error));
}

/** What {@link applyGroupResult} updates. */
export interface GroupResultTargets {
  readonly hub: EventHub<ClientEvents>;
  readonly catchUp: CatchUp;
  readonly membership: Membership;
  readonly selfId: Int64;
  /** The answer to our own request: a group it names that we are a member of gets a starting point too. */
  readonly own?: boolean;
}

/**
 * Applies a group operation result — a broadcast, or the answer to our own create or join, which the server
 * sends once, as the reply — to the membership, and emits it as a `group` event. A group we became a member
 * of gets its stream's starting point (resolved once it has one, or the attempt failed), so that a catch-up
 * after a restart fetches what was posted while we were away instead of starting from the newest message.
 */
export async function applyGroupResult(
  session: Session,
  result: GroupOpResult,
  targets: GroupResultTargets,
): Promise<void> {
  const change = targets.membership.apply(result, targets.selfId);
  const event = groupEventFrom(result, targets.selfId);
  if (event !== undefined) targets.hub.emit('group', event);
  const joined =
    change?.change === 'joined' ? change.groupId : targets.own === true ? result.group?.groupId : undefined;
  if (joined !== undefined && joined !== '0' && targets.membership.has(joined)) {
    await targets.catchUp.initialise(session, groupStream(joined), joined);
  }
}

/**
 * A peer's receipt as a client event: the ids it covers (`msgId` and those of `params.batch`)
 * and the peer's times.
 */
export function receiptEventOf(reply: MsgChatReply): ReceiptEvent {
  const ids = new Set<Int64>();
  for (const id of [reply.msgId, ...(reply.params.batch ?? '').split(',')]) {
    const trimmed = id.trim();
    if (/^[1-9][0-9]*$/.test(trimmed)) ids.add(trimmed);
  }
  const delivered = reply.recvOk !== '0' && reply.recvOk !== '';
  const read = reply.readOk !== '0' && reply.readOk !== '';
  return {
    ids: [...ids],
    by: reply.fromId,
    deliveredAt: delivered ? Number(reply.recvOk) : undefined,
    readAt: read ? Number(reply.readOk) : undefined,
    raw: reply,
  };
}
