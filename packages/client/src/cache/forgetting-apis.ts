import type { Int64, Int64Input } from '@birdtalk/proto';
import type { GroupsApi } from '../groups.js';
import type { UsersApi } from '../users.js';
import type { Directory } from './directory.js';

/** The group operations that change a group's details or members; each takes the group's id first. */
const groupChanges = [
  'dissolve',
  'setInfo',
  'kick',
  'invite',
  'join',
  'quit',
  'addAdmins',
  'removeAdmins',
  'transferOwner',
  'setMyInfo',
] as const satisfies ReadonlyArray<keyof GroupsApi>;

/** The profile operations that change the logged-in user's profile. */
const profileChanges = ['update', 'changeEmail', 'setAvatar'] as const satisfies ReadonlyArray<
  keyof UsersApi
>;

/**
 * The groups API with every operation that changes a group forgetting that group in `directory` once it
 * settled (also when it failed: it may have changed the group before failing). The server answers our own
 * operations with the broadcast itself, so no notice tells the cache about them.
 */
export function forgettingGroups(groups: GroupsApi, directory: Directory): GroupsApi {
  const wrapped: GroupsApi = { ...groups };
  for (const name of groupChanges) {
    const operation = groups[name] as (groupId: Int64Input, ...rest: unknown[]) => Promise<unknown>;
    (wrapped as unknown as Record<string, unknown>)[name] = async (
      groupId: Int64Input,
      ...rest: unknown[]
    ) => {
      try {
        return await operation(groupId, ...rest);
      } finally {
        forget(() => directory.forgetGroup(groupId));
      }
    };
  }
  wrapped.create = async (init, options) => {
    const group = await groups.create(init, options);
    // A lookup before the group existed may have remembered it as missing.
    directory.forgetGroup(group.groupId);
    return group;
  };
  return wrapped;
}

/** The users API with the logged-in user's profile changes forgetting that user in `directory`. */
export function forgettingUsers(
  users: UsersApi,
  directory: Directory,
  selfId: () => Int64 | undefined,
): UsersApi {
  const wrapped: UsersApi = { ...users };
  for (const name of profileChanges) {
    const operation = users[name] as (...args: unknown[]) => Promise<unknown>;
    (wrapped as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await operation(...args);
      } finally {
        const self = selfId();
        if (self !== undefined) directory.forgetUser(self);
      }
    };
  }
  return wrapped;
}

/** Runs `forgetting`, ignoring an invalid id: the operation itself reports it. */
function forget(forgetting: () => void): void {
  try {
    forgetting();
  } catch {
    // The operation rejected the same id already, with the error the caller sees.
  }
}
