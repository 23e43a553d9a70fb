import {
  ErrorMsgType,
  type GroupInfoInit,
  type GroupMemberInit,
  GroupOperationType,
  type MsgInit,
} from '@birdtalk/proto';
import type { ServerContext } from '../context.js';
import { HazardSignal } from '../hazards.js';
import { big, compareBig, parseGoInt } from '../ids.js';
import type { Session } from '../session.js';
import {
  filteredGroupInfo,
  type GroupRecord,
  isGroupAdmin,
  isPrivateGroup,
  roleString,
} from '../state/groups.js';
import { CMD_GROUP_INVITE_RECORD, CMD_GROUP_JOIN_REQUEST } from '../state/oplog.js';
import type { CachedUser } from '../state/users.js';
import { groupToWire, isEmptyMap, mapGet, notifyGroup, pushToUser, send, sendError } from '../wire.js';
import {
  type GroupRequest,
  groupResult,
  reqMemOr,
  requireGroup,
  saveGroupRecord,
  selfProfile,
} from './group-common.js';

/**
 * `onJoinGroupOk`: adds the user (again, if already a member: only the group nick is reset), records it and
 * broadcasts a JoinAnswer with the new member, which the new member receives too. The broadcast has no ReqMem.
 */
function joinGroup(
  ctx: ServerContext,
  session: Session,
  user: CachedUser,
  group: GroupRecord,
  op: GroupRequest,
  how: string,
): void {
  const uid = user.info.userId;
  const gid = group.info.groupId;
  group.members.set(uid, { nick: user.info.nickName });
  ctx.store.groups.join(uid, gid);
  user.groups.set(gid, true);
  const added: GroupMemberInit = {
    userId: uid,
    nick: user.info.nickName,
    icon: user.info.icon,
    role: 'u',
    groupId: gid,
  };
  notifyGroup(
    ctx,
    gid,
    groupResult(
      ctx,
      GroupOperationType.GroupJoinAnswer,
      { group: groupToWire(filteredGroupInfo(group.info)), members: [added] },
      op,
      'ok',
      how,
    ),
  );
  saveGroupRecord(ctx, group, session.userId, 0n, op, GroupOperationType.GroupJoinRequest, how);
}

/**
 * GroupInviteRequest (5): every existing invitee is added at once (no acceptance step); the inviter's
 * connections then get result "invite ok". Only private groups restrict inviting to admins, and the inviter
 * need not be a member.
 */
export function invite(ctx: ServerContext, session: Session, op: GroupRequest): void {
  const group = requireGroup(
    ctx,
    session,
    op,
    'group invite request operation group info is null',
    'group invite request group info id is wrong',
  );
  if (group === undefined) return;
  if (isPrivateGroup(group.info) && !isGroupAdmin(group, session.userId)) {
    sendError(ctx, session, ErrorMsgType.ErrTNotPermission, 'you are not the admin of the private group');
    return;
  }
  const members = op.req.members;
  if (members.length < 1) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'must give out the invitee in members');
    return;
  }
  const gid = group.info.groupId;
  const self = selfProfile(ctx, session);
  const reqMem = reqMemOr(op, {
    userId: session.userId,
    nick: self.nick,
    icon: self.icon,
    role: roleString(group, session.userId),
    groupId: gid,
  });
  for (const member of members) {
    const loaded = ctx.store.users.load(big(member.userId));
    if (loaded === undefined) continue;
    joinGroup(ctx, session, loaded.user, group, op, 'invite ok');
    saveGroupRecord(
      ctx,
      group,
      session.userId,
      loaded.user.info.userId,
      op,
      GroupOperationType.GroupInviteRequest,
      'invite ok',
    );
  }
  pushToUser(
    ctx,
    session.userId,
    groupResult(
      ctx,
      GroupOperationType.GroupInviteRequest,
      { group: groupToWire(filteredGroupInfo(group.info)), reqMem, members },
      op,
      'invite ok',
      'group invitation',
    ),
  );
}

/**
 * GroupJoinRequest (7), decided by the group's exact `jointype` key: "invite" is refused, "question" can
 * never be answered (the answer is read from an absent payload), "auth" crashes the real server, anything
 * else joins directly.
 */
export function joinRequest(ctx: ServerContext, session: Session, op: GroupRequest): void {
  const group = requireGroup(
    ctx,
    session,
    op,
    'group join request operation group info is null',
    'group join request group info id is wrong',
  );
  if (group === undefined) return;
  if (group.members.has(session.userId)) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'already joined the group');
    return;
  }
  const params = group.info.params ?? {};
  if ((mapGet(params, 'visibility') ?? '').toLowerCase() === 'private') {
    sendError(
      ctx,
      session,
      ErrorMsgType.ErrTNotPermission,
      'group is private, must join the group by invitation',
    );
    return;
  }
  const joinType = (mapGet(params, 'jointype') ?? '').toLowerCase();
  if (joinType === 'invite') {
    sendError(ctx, session, ErrorMsgType.ErrTNotPermission, 'one must join the group by invitation');
    return;
  }
  if (joinType === 'question') {
    const answer = mapGet(params, 'joinanswer') ?? '';
    if (answer === '') {
      sendError(ctx, session, ErrorMsgType.ErrTServerInside, 'group question or answer is null');
      return;
    }
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'should answer the question', {
      question: mapGet(params, 'joinquestion') ?? '',
    });
    return;
  }
  if (joinType === 'auth') {
    // Strict mode stops here, as the crash would; lenient mode first does what the real server does before it.
    if (!ctx.config.strict) forwardJoinRequest(ctx, session, op, group);
    throw new HazardSignal('join-auth-group');
  }
  const user = ctx.store.users.cached(session.userId);
  if (user !== undefined) joinGroup(ctx, session, user, group, op, 'direct');
}

/**
 * GroupQuit (9): anyone but the owner may quit, member or not. The result goes to the quitter's connections
 * and to the remaining members.
 */
export function quit(ctx: ServerContext, session: Session, op: GroupRequest): void {
  const group = requireGroup(
    ctx,
    session,
    op,
    'group quit request operation group info is null',
    'group quit request group info id is wrong',
  );
  if (group === undefined) return;
  if (group.owner === session.userId) {
    sendError(
      ctx,
      session,
      ErrorMsgType.ErrTNotPermission,
      'you are the owner, transfer owner or dissolve group',
    );
    return;
  }
  const gid = group.info.groupId;
  group.members.delete(session.userId);
  ctx.store.groups.leave(session.userId, gid);
  ctx.store.users.cached(session.userId)?.groups.set(gid, false);
  const self = selfProfile(ctx, session);
  const result = groupResult(
    ctx,
    GroupOperationType.GroupQuit,
    {
      group: groupToWire(filteredGroupInfo(group.info)),
      reqMem: reqMemOr(op, {
        userId: session.userId,
        nick: self.nick,
        icon: self.icon,
        role: 'u',
        groupId: gid,
      }),
    },
    op,
    'ok',
    'notice',
  );
  pushToUser(ctx, session.userId, result);
  notifyGroup(ctx, gid, result);
  saveGroupRecord(ctx, group, session.userId, 0n, op, GroupOperationType.GroupQuit, undefined);
}

/**
 * GroupSearch (14): a numeric keyword looks a group up by id (private groups only for members and system
 * users); any other keyword matches a stored group name or tag exactly. The `gid` cursor has no effect.
 */
export function search(ctx: ServerContext, session: Session, op: GroupRequest): void {
  const keyword = mapGet(op.req.params, 'keyword');
  if (isEmptyMap(op.req.params) || keyword === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'must have a keyword in msg params');
    return;
  }
  const systemUser = session.userId < 1000n;
  const gid = parseGoInt(keyword);
  if (gid !== undefined) {
    const group = ctx.store.groups.load(gid);
    const visible =
      group !== undefined && (!isPrivateGroup(group.info) || systemUser || group.members.has(session.userId));
    send(
      ctx,
      session,
      visible
        ? groupResult(
            ctx,
            GroupOperationType.GroupSearch,
            { groups: [groupToWire(filteredGroupInfo(group.info))] },
            op,
            'ok',
            'find it',
          )
        : groupResult(ctx, GroupOperationType.GroupSearch, {}, op, 'fail', 'not find id'),
    );
    return;
  }
  // The keyword search reads the stored documents, unfiltered, hiding (exactly) "private" ones.
  const found: GroupInfoInit[] = [...ctx.store.groups.groups.values()]
    .map((group) => group.db)
    .filter((db) => db.groupName === keyword || db.tags.includes(keyword))
    .filter((db) => systemUser || db.params?.visibility !== 'private')
    .sort((a, b) => compareBig(a.groupId, b.groupId))
    .slice(0, 100)
    .map(groupToWire);
  send(
    ctx,
    session,
    groupResult(ctx, GroupOperationType.GroupSearch, { groups: found }, op, 'ok', 'find it'),
  );
}

/** GroupSearchMember (15): members only; the `uid` cursor never takes effect, so it always starts at 0. */
export function searchMembers(ctx: ServerContext, session: Session, op: GroupRequest): void {
  const group = requireGroup(
    ctx,
    session,
    op,
    'group join request operation group info is null',
    'group join request group info id is wrong',
  );
  if (group === undefined) return;
  if (!group.members.has(session.userId)) {
    sendError(ctx, session, ErrorMsgType.ErrTNotPermission, 'you are not group member');
    return;
  }
  const members: GroupMemberInit[] = [...group.members.entries()]
    .sort((a, b) => compareBig(a[0], b[0]))
    .slice(0, 100)
    .map(([uid, member]) => ({
      userId: uid,
      nick: member.nick,
      icon: ctx.store.users.cached(uid)?.info.icon ?? ctx.store.users.doc(uid)?.icon ?? '',
      role: roleString(group, uid),
      groupId: 0,
    }));
  send(
    ctx,
    session,
    groupResult(
      ctx,
      GroupOperationType.GroupSearchMember,
      { group: op.req.group, members },
      op,
      'ok',
      'find some',
    ),
  );
}

/**
 * GroupListIn (16). When the in-memory group flags know the user is in no group after `gid`, the answer is
 * empty; otherwise the whole recorded set comes back (a small Redis set ignores the scan cursor), ascending.
 */
export function listGroupsIn(ctx: ServerContext, session: Session, op: GroupRequest): void {
  const from = parseGoInt(mapGet(op.req.params, 'gid') ?? '') ?? 0n;
  const store = ctx.store.groups;
  const user = ctx.store.users.cached(session.userId);
  let ids: bigint[] = [];
  const memoryKnows = user !== undefined && user.groups.size > 0;
  const activeAfter = memoryKnows ? [...user.groups.entries()].filter(([gid, on]) => on && gid > from) : [];
  if (!memoryKnows || activeAfter.length > 0) {
    ids = store.groupsOf(session.userId);
    if (user !== undefined) for (const gid of ids) user.groups.set(gid, true);
  }
  const groups: GroupInfoInit[] = [];
  for (const gid of ids) {
    const group = store.load(gid);
    if (group === undefined) throw new HazardSignal('group-list-unloadable', `group ${gid} cannot be loaded`);
    groups.push(groupToWire(filteredGroupInfo(group.info)));
  }
  send(
    ctx,
    session,
    groupResult(ctx, GroupOperationType.GroupListIn, { groups }, op, 'ok', 'list groups those user joins in'),
  );
}

/**
 * What the real server does for an "auth" group before it crashes: a join-request record in the group log,
 * one personal record per owner/admin (mislabelled as an invitation, and filed so that only the admin sees
 * it), and the request itself, with a ReqMem and the server's msgId, forwarded to the owner and the admins.
 */
function forwardJoinRequest(
  ctx: ServerContext,
  session: Session,
  op: GroupRequest,
  group: GroupRecord,
): void {
  const gid = group.info.groupId;
  const info = mapGet(op.req.params, 'info') ?? '';
  saveGroupRecord(ctx, group, session.userId, 0n, op, CMD_GROUP_JOIN_REQUEST, info);
  const admins = [group.owner, ...group.admins];
  for (const admin of admins) {
    ctx.store.oplog.restoreUser({
      uid1: admin,
      uid2: session.userId,
      gid,
      id: op.msgId,
      sendId: op.sendId,
      tm: ctx.clock.now(),
      io: 1,
      cmd: CMD_GROUP_INVITE_RECORD,
      ret: 0,
      data: new Uint8Array(0),
    });
  }
  const self = selfProfile(ctx, session);
  const forwarded: MsgInit = {
    version: op.msg.version,
    keyPrint: op.msg.keyPrint,
    tm: op.msg.tm,
    msgType: op.msg.msgType,
    subType: op.msg.subType,
    plainMsg: {
      groupOp: {
        ...op.req,
        msgId: op.msgId,
        ReqMem: op.req.ReqMem ?? {
          userId: session.userId,
          nick: self.nick,
          icon: self.icon,
          role: '',
          groupId: gid,
        },
      },
    },
  };
  for (const admin of admins) pushToUser(ctx, admin, forwarded);
}
