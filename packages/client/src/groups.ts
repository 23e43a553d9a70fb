import { isBirdTalkError } from '@birdtalk/errors';
import {
  type GroupInfoInit,
  GroupOperationType,
  type GroupOpReqInit,
  type GroupOpResult,
  type Int64,
  type Int64Input,
} from '@birdtalk/proto';
import type { GroupOpOptions, RequestOptions } from '@birdtalk/session';
import { positiveId } from './chat-target.js';
import type { ClientContext } from './context.js';
import {
  FeatureErrorCode,
  invalidArgument,
  refusal,
  refuseUnlessAllowed,
  serverAnswer,
} from './feature-errors.js';
import { type GroupDetails, type GroupMemberInfo, toGroupDetails, toGroupMember } from './group-info.js';

/** The join types a new or changed group may have. `auth` and `question` are refused (see {@link GroupsApi}). */
export type GroupJoinType = 'direct' | 'invite' | 'auth' | 'question';

/** The group fields {@link GroupsApi.create} and {@link GroupsApi.setInfo} take. */
export interface GroupFields {
  readonly name?: string;
  /** Replaces the tags; the server cannot clear them, so an empty list is refused. */
  readonly tags?: readonly string[];
  /** `private` groups hide from search and can only be joined by invitation. */
  readonly visibility?: 'public' | 'private';
  /**
   * How others join. `auth` is refused: the real server crashes on the first join request.
   * `question` is refused: every join of such a group fails on the real server.
   */
  readonly joinType?: GroupJoinType;
  readonly brief?: string;
  /** Usually the stored name of an uploaded image. */
  readonly icon?: string;
  /** Further params. The names of the fields above (in any case) and `status`, `code`, `joinanswer` are refused. */
  readonly params?: Readonly<Record<string, string>>;
}

/** What {@link GroupsApi.create} takes. */
export interface GroupCreateInit extends GroupFields {
  readonly name: string;
  /** @defaultValue `'chat'` */
  readonly type?: 'chat' | 'channel' | 'map';
  /**
   * Initial members besides the creator (the creator becomes owner and must not be listed). The
   * real server only adds users it has in memory, so some may be skipped silently.
   */
  readonly members?: readonly Int64Input[];
}

/** The outcome of {@link GroupsApi.invite}. */
export interface InviteResult {
  /** The users the invitation was sent for (the server adds existing users at once, without asking them). */
  readonly invited: readonly Int64[];
  /** Users left out because they are members already (inviting them would demote them). */
  readonly alreadyMembers: readonly Int64[];
}

/** A group's member list. */
export interface MemberList {
  readonly members: readonly GroupMemberInfo[];
  /**
   * `false` when the server returned a full page of 100: there may be more members, and the server's paging
   * cannot reach them (GroupSearchMember ignores its `uid` cursor).
   */
  readonly complete: boolean;
}

/** Options of {@link GroupsApi.join}. */
export interface JoinOptions extends RequestOptions {
  /** A message to the group's admins (`params.info`; only `auth` groups read it). */
  readonly info?: string;
}

/**
 * Every group operation of the real server.
 *
 * Refused before anything is sent, with a `RefusedError` that says why (unless `policy.allowServerCrashingRequests`,
 * and even then the session's frame rules refuse the frames known to be fatal):
 * answering an invitation (GroupInviteAnswer crashes the server), approving a join request (impossible: the
 * server always fails GroupJoinAnswer), joining an `auth` group (crash) or a `question` group (always fails),
 * creating or switching to those join types, listing yourself among a new group's members and inviting
 * existing members (both demote the user after a reload), and giving or taking the owner's admin role
 * (same).
 */
export interface GroupsApi {
  /** Creates a group; we become its owner. */
  create(init: GroupCreateInit, options?: RequestOptions): Promise<GroupDetails>;
  /** Dissolves a group (owner only). */
  dissolve(groupId: Int64Input, options?: RequestOptions): Promise<void>;
  /** Changes a group's name, tags or params (owner or admin); params can be added or changed, never removed. */
  setInfo(groupId: Int64Input, changes: GroupFields, options?: RequestOptions): Promise<GroupDetails>;
  /**
   * Removes members (owner or admin). The server does not tell the kicked users. The member list is read
   * first: kicking the owner is refused (`REFUSED_KICK_OWNER`), because the server would allow it.
   */
  kick(
    groupId: Int64Input,
    userIds: Int64Input | readonly Int64Input[],
    options?: RequestOptions,
  ): Promise<void>;
  /**
   * Adds users to a group at once (no acceptance step on this server). Existing members are left out, so we
   * must be able to list the members: a non-member inviter, or a group with 100 members or more, is refused
   * (`REFUSED_INVITE_UNVERIFIABLE`).
   */
  invite(
    groupId: Int64Input,
    userIds: Int64Input | readonly Int64Input[],
    options?: RequestOptions,
  ): Promise<InviteResult>;
  /**
   * Joins a public group. The group is looked up first, because its join type decides whether the request is
   * safe: `auth` crashes the real server and `question` always fails, so both are refused; `invite` and private
   * groups are refused by the server (`SERVER_NOT_PERMITTED`).
   * @throws ProtocolError `GROUP_NOT_FOUND` when the group is unknown or private.
   */
  join(groupId: Int64Input, options?: JoinOptions): Promise<GroupDetails>;
  /** Leaves a group (the owner must transfer ownership or dissolve instead). */
  quit(groupId: Int64Input, options?: RequestOptions): Promise<void>;
  /** Makes members admins (owner only; non-members are skipped by the server). */
  addAdmins(
    groupId: Int64Input,
    userIds: Int64Input | readonly Int64Input[],
    options?: RequestOptions,
  ): Promise<void>;
  /** Takes the admin role from members (owner only). */
  removeAdmins(
    groupId: Int64Input,
    userIds: Int64Input | readonly Int64Input[],
    options?: RequestOptions,
  ): Promise<void>;
  /**
   * Makes a member the owner (owner only). On the real server the old owner keeps the owner role in storage,
   * and after a reload is the owner again.
   */
  transferOwner(groupId: Int64Input, newOwnerId: Int64Input, options?: RequestOptions): Promise<void>;
  /** Sets our nick in a group (GroupSetMemberInfo, answered as GroupSetInfo). */
  setMyInfo(groupId: Int64Input, info: { readonly nick: string }, options?: RequestOptions): Promise<void>;
  /**
   * Finds groups: a keyword that is an integer looks a group up by id; any other keyword matches a group name
   * or a tag exactly. Private groups are hidden (unless we are a member, for the id lookup). At most 100.
   */
  search(keyword: string, options?: RequestOptions): Promise<GroupDetails[]>;
  /** The group with this id, or `undefined` when it is unknown or private to us. */
  get(groupId: Int64Input, options?: RequestOptions): Promise<GroupDetails | undefined>;
  /** The members (we must be one), in ascending id order: at most the first 100 (see {@link MemberList}). */
  members(groupId: Int64Input, options?: RequestOptions): Promise<MemberList>;
  /**
   * The groups we belong to (GroupListIn, asked once without a cursor: its cursor is a Redis scan cursor on
   * the real server). Groups known to be dissolved are left out; the server keeps listing
   * dissolved groups until it reloads them.
   */
  listMine(options?: RequestOptions): Promise<GroupDetails[]>;
  /**
   * Would answer an invitation; refused, because GroupInviteAnswer crashes the real server. The server
   * adds invitees without asking them anyway.
   * @throws RefusedError `REFUSED_INVITE_ANSWER`.
   */
  answerInvite(groupId: Int64Input, accept: boolean, options?: RequestOptions): Promise<void>;
  /**
   * Would approve or refuse a join request; refused, because the real server always fails GroupJoinAnswer
   *: admin approval is impossible.
   * @throws RefusedError `REFUSED_JOIN_ANSWER`.
   */
  answerJoinRequest(groupId: Int64Input, userId: Int64Input, accept: boolean): Promise<void>;
}

/** The server's page size of member lists and searches. */
export const GROUP_PAGE_SIZE = 100;

const reservedParams: ReadonlySet<string> = new Set([
  'visibility',
  'jointype',
  'brief',
  'icon',
  'joinquestion',
  'joinanswer',
  'status',
  'code',
]);

/** Creates the groups API over a client context. */
export function createGroupsApi(ctx: ClientContext): GroupsApi {
  const { session } = ctx;
  const op = (request: Omit<GroupOpReqInit, 'sendId' | 'msgId'>, options?: GroupOpOptions) =>
    session.groupOp(request, options);
  const withMembers = async (
    operation: GroupOperationType,
    groupId: Int64Input,
    userIds: Int64Input | readonly Int64Input[],
    options?: RequestOptions,
  ): Promise<GroupOpResult> =>
    op(
      {
        operation,
        group: { groupId: positiveId(groupId, 'groupId') },
        members: idList(userIds).map((userId) => ({ userId })),
      },
      options,
    );

  const fieldsToInfo = (fields: GroupFields, creating: boolean): GroupInfoInit => {
    const params = groupParams(fields, creating);
    const info: { groupName?: string; tags?: string[]; params?: Record<string, string> } = {};
    if (fields.name !== undefined) {
      if (typeof fields.name !== 'string' || fields.name === '')
        throw invalidArgument('name', 'a name is required');
      info.groupName = fields.name;
    }
    if (fields.tags !== undefined) {
      if (
        !Array.isArray(fields.tags) ||
        fields.tags.length === 0 ||
        fields.tags.some((t) => typeof t !== 'string' || t === '')
      ) {
        throw invalidArgument(
          'tags',
          'tags must be a non-empty list of non-empty strings (they cannot be cleared)',
        );
      }
      info.tags = [...fields.tags];
    }
    if (Object.keys(params).length > 0) info.params = params;
    return info;
  };

  /** Refuses join types the real server crashes on or can never admit anyone to. */
  const checkJoinType = (joinType: string): void => {
    const type = joinType.toLowerCase();
    if (type === 'auth') {
      refuseUnlessAllowed(
        ctx.policy,
        FeatureErrorCode.REFUSED_JOIN_TYPE,
        'an "auth" group crashes the server at its first join request',
        '§9, §14',
      );
    } else if (type === 'question') {
      refuseUnlessAllowed(
        ctx.policy,
        FeatureErrorCode.REFUSED_JOIN_TYPE,
        'nobody can ever join a "question" group: the server never reads the answer',
        '§9, O4',
      );
    }
  };

  const groupParams = (fields: GroupFields, creating: boolean): Record<string, string> => {
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(fields.params ?? {})) {
      if (reservedParams.has(name.toLowerCase()) || name === '') {
        throw invalidArgument('params', `"${name}" is set through its own field or cannot be set`);
      }
      if (typeof value !== 'string') throw invalidArgument('params', `params.${name} must be a string`);
      params[name] = value;
    }
    const visibility = fields.visibility ?? (creating ? 'public' : undefined);
    if (visibility !== undefined) {
      if (visibility !== 'public' && visibility !== 'private') {
        throw invalidArgument('visibility', 'visibility must be "public" or "private"');
      }
      params.visibility = visibility;
    }
    const joinType = fields.joinType ?? (creating ? 'direct' : undefined);
    if (joinType !== undefined) {
      if (!['direct', 'invite', 'auth', 'question'].includes(joinType)) {
        throw invalidArgument('joinType', 'joinType must be direct, invite, auth or question');
      }
      checkJoinType(joinType);
      // Only the exact lower-case key is read by the join logic.
      params.jointype = joinType;
    }
    for (const key of ['brief', 'icon'] as const) {
      const value = fields[key];
      if (value === undefined) continue;
      if (typeof value !== 'string') throw invalidArgument(key, `${key} must be a string`);
      params[key] = value;
    }
    return params;
  };

  const lookUp = async (groupId: Int64, options?: RequestOptions): Promise<GroupDetails | undefined> => {
    const result = await op(
      { operation: GroupOperationType.GroupSearch, params: { keyword: groupId } },
      options,
    );
    // An unknown id, or a private group we are not in, is answered with result "fail" / "not find id".
    if (result.result !== 'ok') return undefined;
    const found = result.groups.find((group) => group.groupId === groupId);
    return found === undefined ? undefined : toGroupDetails(found);
  };

  const members = async (groupId: Int64, options?: RequestOptions): Promise<MemberList> => {
    // The `uid` cursor is ignored, so there is exactly one page: the first 100 members.
    const result = await op({ operation: GroupOperationType.GroupSearchMember, group: { groupId } }, options);
    const list = result.members.filter((member) => member.userId !== '0').map(toGroupMember);
    return { members: list, complete: result.members.length < GROUP_PAGE_SIZE };
  };

  const api: GroupsApi = {
    async create(init, options) {
      if (typeof init !== 'object' || init === null)
        throw invalidArgument('init', 'group fields are required');
      if (init.type !== undefined && !['chat', 'channel', 'map'].includes(init.type)) {
        throw invalidArgument('type', 'type must be chat, channel or map');
      }
      const self = ctx.selfId();
      const memberIds = init.members === undefined ? [] : idList(init.members, true);
      if (memberIds.includes(self)) {
        throw refusal(
          FeatureErrorCode.REFUSED_CREATOR_AS_MEMBER,
          'the creator becomes the owner and must not be listed among the members: the server would store them as a plain member',
          'O3',
        );
      }
      const info = fieldsToInfo(init, true);
      const result = await op(
        {
          operation: GroupOperationType.GroupCreate,
          group: { ...info, groupType: init.type ?? 'chat' },
          // The broadcast echoes it, so the other members learn who created the group.
          ReqMem: { userId: self },
          members: memberIds.map((userId) => ({ userId })),
        },
        options,
      );
      if (result.group === undefined || result.group.groupId === '0') {
        throw serverAnswer(
          FeatureErrorCode.GROUP_NOT_FOUND,
          'the create answer named no group',
          'group.create',
        );
      }
      await ctx.ownGroupResult?.(result);
      ctx.groups.add(result.group.groupId);
      return toGroupDetails(result.group);
    },

    async dissolve(groupId, options) {
      const id = positiveId(groupId, 'groupId');
      await op({ operation: GroupOperationType.GroupDissolve, group: { groupId: id } }, options);
      ctx.groups.remove(id);
    },

    async setInfo(groupId, changes, options) {
      const id = positiveId(groupId, 'groupId');
      if (typeof changes !== 'object' || changes === null)
        throw invalidArgument('changes', 'changes are required');
      const info = fieldsToInfo(changes, false);
      if (Object.keys(info).length === 0) throw invalidArgument('changes', 'nothing to change');
      const result = await op(
        { operation: GroupOperationType.GroupSetInfo, group: { ...info, groupId: id } },
        options,
      );
      return toGroupDetails(
        result.group ?? { groupId: id, groupName: '', groupType: '', tags: [], params: {} },
      );
    },

    async kick(groupId, userIds, options) {
      const id = positiveId(groupId, 'groupId');
      const ids = idList(userIds);
      if (ids.includes(ctx.selfId())) {
        throw refusal(FeatureErrorCode.REFUSED_KICK_SELF, 'kicking yourself: quit instead', '§9');
      }
      // Nothing protects the owner from an admin's kick, and the group would be left without an owner.
      const { members: current } = await members(id, options);
      if (current.some((member) => member.role === 'owner' && ids.includes(member.userId))) {
        refuseUnlessAllowed(
          ctx.policy,
          FeatureErrorCode.REFUSED_KICK_OWNER,
          'the server lets an admin kick the owner and leaves the group without one',
          'O2',
        );
      }
      await withMembers(GroupOperationType.GroupKickMember, id, ids, options);
    },

    async invite(groupId, userIds, options) {
      const id = positiveId(groupId, 'groupId');
      const ids = idList(userIds);
      let list: MemberList | undefined;
      try {
        list = await members(id, options);
      } catch (error) {
        if (!isBirdTalkError(error, 'SERVER_NOT_PERMITTED')) throw error;
      }
      if (list === undefined || !list.complete) {
        refuseUnlessAllowed(
          ctx.policy,
          FeatureErrorCode.REFUSED_INVITE_UNVERIFIABLE,
          list === undefined
            ? 'only members can see who is a member already, and inviting a member demotes them'
            : 'the server lists only the first 100 members, so inviting could demote an existing member',
          'O3',
        );
      }
      const existing = new Set(list?.members.map((member) => member.userId));
      const alreadyMembers = ids.filter((userId) => existing.has(userId));
      const invited = ids.filter((userId) => !existing.has(userId));
      if (invited.length > 0) await withMembers(GroupOperationType.GroupInviteRequest, id, invited, options);
      return { invited, alreadyMembers };
    },

    async join(groupId, options = {}) {
      const id = positiveId(groupId, 'groupId');
      if (options.info !== undefined && typeof options.info !== 'string') {
        throw invalidArgument('info', 'info must be a string');
      }
      const group = await lookUp(id, options);
      if (group === undefined) {
        throw serverAnswer(
          FeatureErrorCode.GROUP_NOT_FOUND,
          `no visible group ${id}`,
          'group.join',
          undefined,
          {
            groupId: id,
          },
        );
      }
      // Any key that reads "jointype" in some case: be conservative about which one the server will read.
      const joinTypes = Object.entries(group.params)
        .filter(([key]) => key.toLowerCase() === 'jointype')
        .map(([, value]) => value.toLowerCase());
      if (joinTypes.includes('auth')) {
        refuseUnlessAllowed(
          ctx.policy,
          FeatureErrorCode.REFUSED_JOIN_AUTH,
          `group ${id} needs an admin's approval, and such a join request crashes the server`,
          '§9, §14',
        );
      }
      if (joinTypes.includes('question')) {
        refuseUnlessAllowed(
          ctx.policy,
          FeatureErrorCode.REFUSED_JOIN_QUESTION,
          `group ${id} asks a question, and the server fails every such join`,
          '§9, O4',
        );
      }
      const result = await op(
        {
          operation: GroupOperationType.GroupJoinRequest,
          group: { groupId: id },
          ...(options.info === undefined ? {} : { params: { info: options.info } }),
        },
        { ...options, groupJoinType: group.joinType },
      );
      await ctx.ownGroupResult?.(result);
      ctx.groups.add(id);
      return result.group === undefined ? group : toGroupDetails(result.group);
    },

    async quit(groupId, options) {
      const id = positiveId(groupId, 'groupId');
      await op({ operation: GroupOperationType.GroupQuit, group: { groupId: id } }, options);
      ctx.groups.remove(id);
    },

    async addAdmins(groupId, userIds, options) {
      refuseOwnerRoleChange(idList(userIds), ctx.selfId());
      await withMembers(GroupOperationType.GroupAddAdmin, groupId, userIds, options);
    },

    async removeAdmins(groupId, userIds, options) {
      refuseOwnerRoleChange(idList(userIds), ctx.selfId());
      await withMembers(GroupOperationType.GroupDelAdmin, groupId, userIds, options);
    },

    async transferOwner(groupId, newOwnerId, options) {
      const owner = positiveId(newOwnerId, 'newOwnerId');
      if (owner === ctx.selfId()) throw invalidArgument('newOwnerId', 'the new owner must be someone else');
      await withMembers(GroupOperationType.GroupTransferOwner, groupId, owner, options);
    },

    async setMyInfo(groupId, info, options) {
      const id = positiveId(groupId, 'groupId');
      if (typeof info?.nick !== 'string' || info.nick === '')
        throw invalidArgument('nick', 'a nick is required');
      await op(
        {
          operation: GroupOperationType.GroupSetMemberInfo,
          group: { groupId: id },
          params: { nick: info.nick },
        },
        options,
      );
    },

    async search(keyword, options) {
      if (typeof keyword !== 'string' || keyword === '')
        throw invalidArgument('keyword', 'a keyword is required');
      const result = await op({ operation: GroupOperationType.GroupSearch, params: { keyword } }, options);
      if (result.result !== 'ok') return [];
      return result.groups.filter((group) => group.groupId !== '0').map(toGroupDetails);
    },

    get: (groupId, options) => lookUp(positiveId(groupId, 'groupId'), options),
    members: (groupId, options) => members(positiveId(groupId, 'groupId'), options),

    async listMine(options) {
      const result = await op({ operation: GroupOperationType.GroupListIn }, options);
      const seen = new Set<string>();
      const groups: GroupDetails[] = [];
      for (const group of result.groups) {
        if (group.groupId === '0' || seen.has(group.groupId)) continue;
        seen.add(group.groupId);
        const details = toGroupDetails(group);
        if (!details.dissolved) groups.push(details);
      }
      return groups;
    },

    async answerInvite(groupId, _accept, options) {
      const id = positiveId(groupId, 'groupId');
      refuseUnlessAllowed(
        ctx.policy,
        FeatureErrorCode.REFUSED_INVITE_ANSWER,
        'GroupInviteAnswer crashes the server (it reads a payload the request cannot carry); invitees are added without answering',
        '§9, §14',
      );
      await op({ operation: GroupOperationType.GroupInviteAnswer, group: { groupId: id } }, options);
    },

    async answerJoinRequest(groupId, userId) {
      positiveId(groupId, 'groupId');
      positiveId(userId, 'userId');
      // Not even a fixed policy helps: as a GroupOp the server always fails it, as a GroupOpRet it ignores it.
      throw refusal(
        FeatureErrorCode.REFUSED_JOIN_ANSWER,
        'the server cannot approve join requests: GroupJoinAnswer always fails',
        '§9',
      );
    },
  };
  return api;
}

/** AddAdmin/DelAdmin on the owner (only the owner may call them, so: on ourselves) demote the owner. */
function refuseOwnerRoleChange(ids: readonly Int64[], self: Int64): void {
  if (ids.includes(self)) {
    throw refusal(
      FeatureErrorCode.REFUSED_OWNER_ROLE_CHANGE,
      "changing the owner's admin role stores the owner as an admin or a plain member",
      'O3',
    );
  }
}

/** Checked, de-duplicated ids; at least one unless `allowEmpty`. */
function idList(input: Int64Input | readonly Int64Input[], allowEmpty = false): Int64[] {
  const list = Array.isArray(input) ? input : [input as Int64Input];
  const ids = [...new Set(list.map((id, index) => positiveId(id, `userIds[${index}]`)))];
  if (ids.length === 0 && !allowEmpty) throw invalidArgument('userIds', 'at least one user id is required');
  return ids;
}
