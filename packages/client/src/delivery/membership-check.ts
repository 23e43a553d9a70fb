import { GroupOperationType, type Int64 } from '@birdtalk/proto';
import type { Logger } from '@birdtalk/runtime';
import type { Session } from '@birdtalk/session';
import type { Membership } from './group-membership.js';

/**
 * Asks the server whether the user still belongs to a group that has just refused them as "not a member".
 *
 * Why not believe the refusal: after a restart, the real server's first access to a group whose member hash
 * it lost sees the group without members, and refuses that one chat or query as from a non-member; the next
 * access is served. Taking the refusal at its word would lock the client out of the group until its next
 * login. The group list (GroupListIn) comes from the user's own record, not from the group's member hash, so it
 * tells; loading each listed group also ends the cold state of every one of them.
 *
 * Concurrent checks share one request. The answer replaces the client's membership.
 */
export class MembershipCheck {
  readonly #membership: Membership;
  readonly #logger: Logger;
  #pending: Promise<boolean> | undefined;

  constructor(membership: Membership, logger: Logger) {
    this.#membership = membership;
    this.#logger = logger;
  }

  /**
   * Resolves `true` when the server lists the group among the user's groups, `false` when it does not (the
   * group is then gone from the membership), and `undefined` when the list could not be had (the membership is
   * left as it was: a failed check must not lock the user out either).
   */
  async confirm(session: Session, groupId: Int64): Promise<boolean | undefined> {
    this.#pending ??= this.#list(session).finally(() => {
      this.#pending = undefined;
    });
    if (!(await this.#pending.catch(() => false))) return undefined;
    const member = this.#membership.has(groupId);
    this.#logger.info(
      member
        ? 'the server refused a group as from a non-member, but lists us in it: it had just loaded the group'
        : 'the server no longer lists us in a group',
      { groupId },
    );
    return member;
  }

  async #list(session: Session): Promise<boolean> {
    try {
      const result = await session.groupOp({ operation: GroupOperationType.GroupListIn });
      this.#membership.replace(result.groups);
      return true;
    } catch (error) {
      this.#logger.warn('could not re-check group membership; keeping what the client knew', {
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  }
}
