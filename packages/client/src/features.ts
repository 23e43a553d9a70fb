// The feature modules of the client (users, friends, groups, files, media) and the converters that turn their
// server notices into client events. Each factory takes the shared ClientContext.
//
// This file is the seam between the client core and the feature modules: the core wires
// `createUsersApi`, `createFriendsApi`, `createGroupsApi`, `createFilesApi` and `createMediaApi` into the client
// and routes session notices through `friendEventFrom`, `friendRequestFrom`, `groupEventFrom` and
// `groupJoinRequestFrom`. The placeholders below keep the core compiling until the modules land.
import type { FriendOpReq, FriendOpResult, GroupOpReq, GroupOpResult } from '@birdtalk/proto';
import type { ClientContext } from './context.js';

/** Profile operations of the logged-in user and user search. */
export function createUsersApi(_ctx: ClientContext): object {
  return {};
}

/** Following, blocking, memos, permissions and friend lists. */
export function createFriendsApi(_ctx: ClientContext): object {
  return {};
}

/** Every group operation. */
export function createGroupsApi(_ctx: ClientContext): object {
  return {};
}

/** Uploads and downloads. */
export function createFilesApi(_ctx: ClientContext): object {
  return {};
}

/** Sending images, files and voice clips: upload, then send the Drafty content. */
export function createMediaApi(_ctx: ClientContext, _files: ReturnType<typeof createFilesApi>): object {
  return {};
}

/** A client event for a friend notice (someone followed or unfollowed us, or our own op from another device). */
export function friendEventFrom(_result: FriendOpResult, _selfId: string): unknown {
  return undefined;
}

/** A client event for an incoming friend request (friend-request mode). */
export function friendRequestFrom(_request: FriendOpReq): unknown {
  return undefined;
}

/** A client event for a group broadcast. */
export function groupEventFrom(_result: GroupOpResult, _selfId: string): unknown {
  return undefined;
}

/** A client event for a join request forwarded to the group's admins. */
export function groupJoinRequestFrom(_request: GroupOpReq): unknown {
  return undefined;
}
