import { GroupOperationType, type GroupOpReqInit, type GroupOpResult } from '@birdtalk/proto';
import { type RequestCore, type RequestOptions, request } from './core.js';

/** Options of a group operation. */
export interface GroupOpOptions extends RequestOptions {
  /**
   * For `GroupJoinRequest`: the group's `params.jointype`, as a group search returned it. Required there,
   * because joining an `auth` group crashes the server.
   */
  readonly groupJoinType?: string;
}

/** A group operation, matched by its echoed `sendId` (allocated here). */
export function groupOp(
  core: RequestCore,
  operationRequest: Omit<GroupOpReqInit, 'sendId' | 'msgId'>,
  options: GroupOpOptions = {},
): Promise<GroupOpResult> {
  const sendId = core.sendIds.next();
  const operation = operationRequest?.operation ?? GroupOperationType.GroupNoneAction;
  const { final, partial } = groupOpAnswers(operation);
  return request<GroupOpResult>(
    core,
    {
      kind: 'group-op',
      request: { ...operationRequest, sendId },
      ...(options.groupJoinType === undefined ? {} : { groupJoinType: options.groupJoinType }),
    },
    {
      label: `group.${operation}`,
      match: (inbound) => {
        if (inbound.kind !== 'group-op-result' || inbound.result.sendId !== sendId) return undefined;
        if (inbound.result.operation === final) return { value: inbound.result };
        if (inbound.result.operation === partial) {
          // The per-member broadcast an invitation causes is news for the application too.
          core.hub.emit('group-notice', inbound.result);
          return { partial: true };
        }
        return undefined;
      },
      whenSilent: 'reject',
    },
    options,
  );
}

/** The result operation that settles a group operation, and one that only accompanies it. */
function groupOpAnswers(operation: number): { final: number; partial: number | undefined } {
  switch (operation) {
    // A member nick change is answered as GroupSetInfo.
    case GroupOperationType.GroupSetMemberInfo:
      return { final: GroupOperationType.GroupSetInfo, partial: undefined };
    // A (direct) join is answered by the JoinAnswer broadcast that adds us.
    case GroupOperationType.GroupJoinRequest:
      return { final: GroupOperationType.GroupJoinAnswer, partial: undefined };
    // Each invitee's JoinAnswer broadcast comes first, then the inviter's own result.
    case GroupOperationType.GroupInviteRequest:
      return { final: GroupOperationType.GroupInviteRequest, partial: GroupOperationType.GroupJoinAnswer };
    default:
      return { final: operation, partial: undefined };
  }
}
