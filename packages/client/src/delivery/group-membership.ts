import { type GroupInfo, GroupOperationType, type GroupOpResult, type Int64 } from '@birdtalk/proto';
import type { GroupMembership } from '../context.js';

/** What a group broadcast changed about our own membership. */
export type MembershipChange =
  | { readonly change: 'joined'; readonly groupId: Int64 }
  | { readonly change: 'left'; readonly groupId: Int64 }
  | undefined;

/**
 * The groups the logged-in user belongs to, as far as the client knows: replaced by the group list at every
 * login, and kept current by group broadcasts and by the group operations of the feature modules. Sends to a
 * group not in it are refused before anything goes out.
 */
export class Membership implements GroupMembership {
  readonly #ids = new Set<Int64>();
  #known = false;
  #waiters: Array<() => void> = [];

  has(groupId: Int64): boolean {
    return this.#ids.has(groupId);
  }

  add(groupId: Int64): void {
    this.#ids.add(groupId);
  }

  remove(groupId: Int64): void {
    this.#ids.delete(groupId);
  }

  all(): readonly Int64[] {
    return [...this.#ids];
  }

  /** Whether a group list arrived since the client started (or the attempt to get one ended). */
  get known(): boolean {
    return this.#known;
  }

  /** Resolves once the first group list arrived (or the attempt to get one ended). */
  whenKnown(): Promise<void> {
    if (this.#known) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Replaces the set with a group list (`GroupListIn`). Dissolved groups the server still lists are left out. */
  replace(groups: readonly GroupInfo[]): void {
    this.#ids.clear();
    for (const info of groups) {
      // A dissolved group stays listed; where its stored params say so, it is not a group we are in.
      if (info.groupId === '0' || info.params.status === 'deleted') continue;
      this.#ids.add(info.groupId);
    }
    this.settle();
  }

  /** Marks the membership as known even without a list (the list query failed: go on with what we have). */
  settle(): void {
    this.#known = true;
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Applies a group broadcast; returns what it changed for us. */
  apply(result: GroupOpResult, selfId: Int64): MembershipChange {
    const groupId = groupIdOf(result);
    if (groupId === undefined) return undefined;
    const names = (list: GroupOpResult['members']): boolean =>
      list.some((member) => member.userId === selfId);
    switch (result.operation) {
      case GroupOperationType.GroupCreate:
        // The creator and the initial members that were added receive it.
        return this.#join(groupId);
      case GroupOperationType.GroupJoinAnswer:
        return result.result === 'ok' && names(result.members) ? this.#join(groupId) : undefined;
      case GroupOperationType.GroupDissolve:
        return this.#leave(groupId);
      case GroupOperationType.GroupKickMember:
        return names(result.members) ? this.#leave(groupId) : undefined;
      case GroupOperationType.GroupQuit:
        return result.ReqMem?.userId === selfId ? this.#leave(groupId) : undefined;
      default:
        return undefined;
    }
  }

  #join(groupId: Int64): MembershipChange {
    if (this.#ids.has(groupId)) return undefined;
    this.#ids.add(groupId);
    return { change: 'joined', groupId };
  }

  #leave(groupId: Int64): MembershipChange {
    if (!this.#ids.delete(groupId)) return undefined;
    return { change: 'left', groupId };
  }
}

function groupIdOf(result: GroupOpResult): Int64 | undefined {
  const candidates = [result.group?.groupId, result.members[0]?.groupId, result.ReqMem?.groupId];
  return candidates.find((id): id is Int64 => id !== undefined && id !== '0' && id !== '');
}
