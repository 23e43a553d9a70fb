import { type Int64, UserOperationType } from '@birdtalk/proto';
import { type Inbound, isSendAck } from './dispatch.js';
import { sanitizeUser } from './secrets.js';
import type { SessionEvents } from './types.js';

/** One session event with its payload. */
export type RoutedEvent = {
  [K in keyof SessionEvents]: { readonly event: K; readonly payload: SessionEvents[K] };
}[keyof SessionEvents];

/** Where a pushed frame goes: an event for the application, or nowhere (it was not something to push). */
export type PushRoute = RoutedEvent | { readonly unsolicited: string };

/**
 * Routes a frame that no pending request claimed: chats, receipts, presence, friend and
 * group notices become events; anything else is something nobody asked for. `selfId` is the logged-in user,
 * so a chat of our own from another device is marked `own`.
 */
export function routePush(inbound: Inbound, selfId: Int64 | undefined): PushRoute {
  switch (inbound.kind) {
    case 'chat':
      return {
        event: 'chat',
        payload: { chat: inbound.chat, repushed: inbound.repushed, own: inbound.chat.fromId === selfId },
      };
    case 'chat-reply':
      // An acknowledgement always answers a request of ours; one that none claims is out of place.
      return isSendAck(inbound.reply)
        ? { unsolicited: 'a chat acknowledgement' }
        : { event: 'receipt', payload: inbound.reply };
    case 'user-op': {
      const status = inbound.request.params.status;
      const user = inbound.request.user;
      if (
        inbound.request.operation === UserOperationType.SetUserInfo &&
        user !== undefined &&
        (status === 'online' || status === 'offline')
      ) {
        return { event: 'presence', payload: { user: sanitizeUser(user), status, notice: inbound.request } };
      }
      return { unsolicited: 'a user operation' };
    }
    case 'friend-op':
      return { event: 'friend-request', payload: inbound.request };
    case 'friend-op-result':
      return { event: 'friend-notice', payload: inbound.result };
    case 'group-op':
      return { event: 'group-join-request', payload: inbound.request };
    case 'group-op-result':
      return { event: 'group-notice', payload: inbound.result };
    default:
      return { unsolicited: `a "${inbound.kind}" frame` };
  }
}
