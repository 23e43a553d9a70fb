import type { FriendOpReqInit, FriendOpResult } from '@birdtalk/proto';
import { type RequestCore, type RequestOptions, request } from './core.js';

/** A friend operation, matched by its echoed `sendId` (allocated here). */
export function friendOp(
  core: RequestCore,
  operationRequest: Omit<FriendOpReqInit, 'sendId' | 'msgId'>,
  options: RequestOptions = {},
): Promise<FriendOpResult> {
  const sendId = core.sendIds.next();
  const operation = operationRequest?.operation;
  return request<FriendOpResult>(
    core,
    { kind: 'friend-op', request: { ...operationRequest, sendId } },
    {
      label: `friend.${operation}`,
      match: (inbound) =>
        inbound.kind === 'friend-op-result' &&
        inbound.result.sendId === sendId &&
        inbound.result.operation === operation &&
        inbound.result.result !== 'notice'
          ? { value: inbound.result }
          : undefined,
      whenSilent: 'reject',
    },
    options,
  );
}
