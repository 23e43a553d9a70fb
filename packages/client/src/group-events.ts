import {
  type GroupMember,
  GroupOperationType,
  type GroupOpReq,
  type GroupOpResult,
  type Int64,
} from '@birdtalk/proto';
import { type GroupDetails, type GroupMemberInfo, toGroupDetails, toGroupMember } from './group-info.js';

/** What every group event carries. */
interface GroupEventBase {
  readonly groupId: Int64;
  /** Who acted, when the server said (its `ReqMem`). */
  readonly by: Int64 | undefined;
  /**
   * How the logged-in user's own membership changed: the client keeps its group membership current with
   * this. Note that the server never tells kicked users.
   */
  readonly membership: 'joined' | 'left' | undefined;
}

/** News from a group (its broadcasts). */
export type GroupEvent = GroupEventBase &
  (
    | {
        /** A group was created with us in it (or by us, on another device). */
        readonly kind: 'group-created';
        readonly group: GroupDetails;
        /** The initial members the creator listed (including any the server skipped). */
        readonly memberIds: readonly Int64[];
      }
    | { readonly kind: 'group-dissolved' }
    | { readonly kind: 'group-info-changed'; readonly group: GroupDetails }
    | { readonly kind: 'member-nick-changed'; readonly userId: Int64; readonly nick: string }
    | {
        /** Members were added: by joining (`direct`) or by an invitation (`invite`, no acceptance step). */
        readonly kind: 'members-joined';
        readonly how: 'direct' | 'invite';
        readonly group: GroupDetails | undefined;
        readonly members: readonly GroupMemberInfo[];
      }
    | { readonly kind: 'members-invited'; readonly userIds: readonly Int64[] }
    | { readonly kind: 'members-kicked'; readonly userIds: readonly Int64[] }
    | { readonly kind: 'member-left'; readonly userId: Int64 }
    | { readonly kind: 'admins-added'; readonly userIds: readonly Int64[] }
    | { readonly kind: 'admins-removed'; readonly userIds: readonly Int64[] }
    | { readonly kind: 'owner-changed'; readonly newOwnerId: Int64 | undefined }
  );

/**
 * A request to join an `auth` group, forwarded to its owner and admins. On the real server it is immediately
 * followed by a crash, and it can never be approved (GroupJoinAnswer always fails).
 */
export interface GroupJoinRequestEvent {
  readonly kind: 'group-join-request';
  readonly groupId: Int64;
  /** Who asks. */
  readonly fromId: Int64;
  readonly nick: string;
  /** The requester's message (`params.info`). */
  readonly info: string;
  /** The server's id of the request. */
  readonly requestId: Int64;
}

/**
 * The event for a group broadcast, from the logged-in user's point of view. Search and
 * list results, and anything unrecognised, give `undefined`.
 */
export function groupEventFrom(result: GroupOpResult, selfId: string): GroupEvent | undefined {
  if (result.result !== 'ok' && result.result !== 'invite ok') return undefined;
  const groupId = result.group?.groupId ?? result.members[0]?.groupId ?? '0';
  if (groupId === '0') return undefined;
  const by = nonZero(result.ReqMem?.userId);
  const ids = memberIds(result.members);
  const base = { groupId, by };
  switch (result.operation) {
    case GroupOperationType.GroupCreate:
      // Only the creator and the members the server actually added receive it.
      return {
        ...base,
        membership: 'joined',
        kind: 'group-created',
        group: toGroupDetails(result.group!),
        memberIds: ids,
      };
    case GroupOperationType.GroupDissolve:
      return { ...base, membership: 'left', kind: 'group-dissolved' };
    case GroupOperationType.GroupSetInfo:
      // A member's nick change is answered and broadcast as SetInfo with detail "update nick".
      if (result.detail === 'update nick') {
        return {
          ...base,
          membership: undefined,
          kind: 'member-nick-changed',
          userId: by ?? '0',
          nick: result.ReqMem?.nick ?? '',
        };
      }
      if (result.group === undefined) return undefined;
      return {
        ...base,
        membership: undefined,
        kind: 'group-info-changed',
        group: toGroupDetails(result.group),
      };
    case GroupOperationType.GroupJoinAnswer:
      return {
        ...base,
        membership: ids.includes(selfId) ? 'joined' : undefined,
        kind: 'members-joined',
        how: result.detail === 'direct' ? 'direct' : 'invite',
        group: result.group === undefined ? undefined : toGroupDetails(result.group),
        members: result.members.filter((member) => member.userId !== '0').map(toGroupMember),
      };
    case GroupOperationType.GroupInviteRequest:
      return { ...base, membership: undefined, kind: 'members-invited', userIds: ids };
    case GroupOperationType.GroupKickMember:
      return {
        ...base,
        membership: ids.includes(selfId) ? 'left' : undefined,
        kind: 'members-kicked',
        userIds: ids,
      };
    case GroupOperationType.GroupQuit:
      return {
        ...base,
        membership: by === selfId ? 'left' : undefined,
        kind: 'member-left',
        userId: by ?? '0',
      };
    case GroupOperationType.GroupAddAdmin:
      return { ...base, membership: undefined, kind: 'admins-added', userIds: ids };
    case GroupOperationType.GroupDelAdmin:
      return { ...base, membership: undefined, kind: 'admins-removed', userIds: ids };
    case GroupOperationType.GroupTransferOwner:
      return { ...base, membership: undefined, kind: 'owner-changed', newOwnerId: ids[0] };
    default:
      return undefined;
  }
}

/** The event for a join request forwarded to us as an owner or admin of an `auth` group. */
export function groupJoinRequestFrom(request: GroupOpReq): GroupJoinRequestEvent {
  return {
    kind: 'group-join-request',
    groupId: request.group?.groupId ?? request.ReqMem?.groupId ?? '0',
    fromId: request.ReqMem?.userId ?? '0',
    nick: request.ReqMem?.nick ?? '',
    info: request.params.info ?? '',
    requestId: request.msgId,
  };
}

function memberIds(members: readonly GroupMember[]): Int64[] {
  return members.map((member) => member.userId).filter((id) => id !== '0');
}

function nonZero(id: Int64 | undefined): Int64 | undefined {
  return id === undefined || id === '0' ? undefined : id;
}
