import { InvalidArgumentError } from '@birdtalk/errors';
import { type Int64, type Int64Input, isInt64String, toInt64 } from '@birdtalk/proto';

/**
 * Where a message goes or came from: a one-to-one conversation with a user (including yourself), or a group.
 */
export type ChatTarget =
  | { readonly type: 'p2p'; readonly userId: Int64 }
  | { readonly type: 'group'; readonly groupId: Int64 };

/**
 * The one-to-one conversation with `userId`.
 *
 * @throws InvalidArgumentError `INVALID_ID` unless `userId` is a positive 64-bit integer.
 */
export function p2p(userId: Int64Input): ChatTarget {
  return { type: 'p2p', userId: positiveId(userId, 'userId') };
}

/**
 * The group `groupId`.
 *
 * @throws InvalidArgumentError `INVALID_ID` unless `groupId` is a positive 64-bit integer.
 */
export function group(groupId: Int64Input): ChatTarget {
  return { type: 'group', groupId: positiveId(groupId, 'groupId') };
}

/** The id of the user or group a target names. */
export function targetId(target: ChatTarget): Int64 {
  return target.type === 'p2p' ? target.userId : target.groupId;
}

/** A stable string naming the conversation, e.g. `p2p:10002` or `group:10001`: a key for maps and stores. */
export function targetKey(target: ChatTarget): string {
  return `${target.type}:${targetId(target)}`;
}

/**
 * Checks an id given by an API caller and returns its decimal text.
 *
 * @throws InvalidArgumentError `INVALID_ID` for anything but a positive 64-bit integer (empty strings, zero,
 * negative numbers, text that is not an integer, numbers beyond 2^53).
 */
export function positiveId(value: Int64Input, name: string): Int64 {
  let id: Int64;
  try {
    id = typeof value === 'string' ? value : toInt64(value);
  } catch (error) {
    throw new InvalidArgumentError('INVALID_ID', `${name} must be a positive integer id`, { cause: error });
  }
  if (!isInt64String(id) || id === '0' || id.startsWith('-')) {
    throw new InvalidArgumentError('INVALID_ID', `${name} must be a positive integer id`, {
      details: { name },
    });
  }
  return id;
}
