import { ErrorMsgType, GroupOperationType, type Msg } from '@birdtalk/proto';
import type { ServerContext } from '../context.js';
import { HazardSignal } from '../hazards.js';
import { big } from '../ids.js';
import type { Session } from '../session.js';
import { cloneGroupInfo, filteredGroupInfo, type GroupRecord, isGroupAdmin } from '../state/groups.js';
import { groupToWire, isEmptyMap, mapGet, notifyGroup, send, sendError } from '../wire.js';
import { checkUserLoginTwice } from './common.js';
import {
  type GroupRequest,
  groupInfoText,
  groupResult,
  reqMemOr,
  requireGroup,
  saveGroupRecord,
  selfProfile,
} from './group-common.js';
import { invite, joinRequest, listGroupsIn, quit, search, searchMembers } from './group-members.js';

/** GroupOp (35): every group operation; operations 0 and above 16 get no reply. */
export function handleGroupOp(ctx: ServerContext, session: Session, msg: Msg): void {
  const req = msg.plainMsg?.groupOp;
  if (req === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'group op  is null');
    return;
  }
  if (!checkUserLoginTwice(ctx, session)) return;
  const op: GroupRequest = { msg, req, sendId: big(req.sendId), msgId: ctx.ids.next() };
  switch (req.operation) {
    case GroupOperationType.GroupCreate:
      create(ctx, session, op);
      break;
    case GroupOperationType.GroupDissolve:
      dissolve(ctx, session, op);
      break;
    case GroupOperationType.GroupSetInfo:
      setInfo(ctx, session, op);
      break;
    case GroupOperationType.GroupKickMember:
      kick(ctx, session, op);
      break;
    case GroupOperationType.GroupInviteRequest:
      invite(ctx, session, op);
      break;
    case GroupOperationType.GroupInviteAnswer:
      // The real handler reads the (absent) groupOpRet payload and panics.
      throw new HazardSignal('group-invite-answer');
    case GroupOperationType.GroupJoinRequest:
      joinRequest(ctx, session, op);
      break;
    case GroupOperationType.GroupJoinAnswer:
      // Sent as a GroupOp, the answer is read from the absent groupOpRet: it always fails.
      sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'group join request operation group info is null');
      break;
    case GroupOperationType.GroupQuit:
      quit(ctx, session, op);
      break;
    case GroupOperationType.GroupAddAdmin:
    case GroupOperationType.GroupDelAdmin:
      setAdmins(ctx, session, op, req.operation === GroupOperationType.GroupAddAdmin);
      break;
    case GroupOperationType.GroupTransferOwner:
      transferOwner(ctx, session, op);
      break;
    case GroupOperationType.GroupSetMemberInfo:
      setMemberNick(ctx, session, op);
      break;
    case GroupOperationType.GroupSearch:
      search(ctx, session, op);
      break;
    case GroupOperationType.GroupSearchMember:
      searchMembers(ctx, session, op);
      break;
    case GroupOperationType.GroupListIn:
      listGroupsIn(ctx, session, op);
      break;
    default:
      ctx.logger.info('unhandled group operation', { operation: req.operation });
  }
}

/** GroupOpRet (36) from a client: the two answers are silent no-ops, anything else is a wrong opcode. */
export function handleGroupOpRet(ctx: ServerContext, session: Session, msg: Msg): void {
  const ret = msg.plainMsg?.groupOpRet;
  if (ret === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'group op  is null');
    return;
  }
  if (!checkUserLoginTwice(ctx, session)) return;
  if (
    ret.operation !== GroupOperationType.GroupInviteAnswer &&
    ret.operation !== GroupOperationType.GroupJoinAnswer
  ) {
    sendError(ctx, session, ErrorMsgType.ErrTWrongCode, 'group op ret has a wrong opcode');
  }
}

function create(ctx: ServerContext, session: Session, op: GroupRequest): void {
  const requested = op.req.group;
  if (requested === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'group create operation group info is null');
    return;
  }
  const groups = ctx.store.groups;
  const type = requested.groupType.toLowerCase();
  const gid = groups.allocateId();
  let params: Record<string, string>;
  if (isEmptyMap(requested.params)) {
    params = { visibility: 'public', brief: '', icon: '', jointype: 'direct' };
  } else {
    // Only exact lower-case keys are normalised; an absent visibility stays absent.
    params = { ...requested.params };
    const visibility = mapGet(params, 'visibility');
    if (visibility !== undefined && !['private', 'public'].includes(visibility.toLowerCase())) {
      params.visibility = 'public';
    }
    if (mapGet(params, 'brief') === undefined) params.brief = '';
    if (mapGet(params, 'icon') === undefined) params.icon = '';
    const joinType = mapGet(params, 'jointype');
    if (
      joinType === undefined ||
      !['direct', 'invite', 'auth', 'question'].includes(joinType.toLowerCase())
    ) {
      params.jointype = 'direct';
    }
  }
  const info = {
    groupId: gid,
    groupName: requested.groupName === '' ? `group${gid}` : requested.groupName,
    groupType: ['chat', 'channel', 'map'].includes(type) ? type : 'chat',
    tags: [...requested.tags],
    params,
  };
  const creator = ctx.store.users.cached(session.userId);
  const group: GroupRecord = {
    db: cloneGroupInfo(info),
    info: cloneGroupInfo(info),
    owner: session.userId,
    admins: new Set(),
    members: new Map([[session.userId, { nick: creator?.info.nickName ?? '' }]]),
  };
  groups.groups.set(gid, group);
  groups.join(session.userId, gid);
  creator?.groups.set(gid, true);
  // Initial members: only users the server already had loaded are added (the lookup loads the others).
  for (const member of op.req.members) {
    const loaded = ctx.store.users.load(big(member.userId));
    if (loaded === undefined || !loaded.wasCached) continue;
    group.members.set(loaded.user.info.userId, { nick: loaded.user.info.nickName });
    groups.join(loaded.user.info.userId, gid);
    loaded.user.groups.set(gid, true);
  }
  notifyGroup(
    ctx,
    gid,
    groupResult(
      ctx,
      GroupOperationType.GroupCreate,
      { group: groupToWire(info), reqMem: op.req.ReqMem, members: op.req.members },
      op,
      'ok',
      '',
    ),
  );
  saveGroupRecord(ctx, group, session.userId, 0n, op, GroupOperationType.GroupCreate, undefined);
}

function dissolve(ctx: ServerContext, session: Session, op: GroupRequest): void {
  const group = requireGroup(
    ctx,
    session,
    op,
    'group dissolve operation group info is null',
    'group dissolve operation group info id is wrong',
  );
  if (group === undefined) return;
  if (group.owner !== session.userId) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'group dissolve operation, you are not owner');
    return;
  }
  // Only the stored document learns about the dissolution; the in-memory description keeps its params.
  group.db.params = { ...(group.db.params ?? {}), visibility: 'private', status: 'deleted' };
  const gid = group.info.groupId;
  notifyGroup(
    ctx,
    gid,
    groupResult(
      ctx,
      GroupOperationType.GroupDissolve,
      { group: op.req.group, reqMem: reqMemOr(op, { userId: session.userId, groupId: gid }) },
      op,
      'ok',
      '',
    ),
  );
  // The members' own group lists are not cleaned: the clean-up runs over the already emptied member list.
  group.members.clear();
  saveGroupRecord(ctx, group, session.userId, 0n, op, GroupOperationType.GroupDissolve, undefined);
}

function setInfo(ctx: ServerContext, session: Session, op: GroupRequest): void {
  const group = requireGroup(
    ctx,
    session,
    op,
    'group set info operation group info is null',
    'group set info operation group info id is wrong',
  );
  if (group === undefined) return;
  if (!isGroupAdmin(group, session.userId)) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'group set info operation, you are not admin');
    return;
  }
  const changes = op.req.group!;
  if (changes.groupName !== '') group.info.groupName = changes.groupName;
  if (changes.tags.length > 0) group.info.tags = [...changes.tags];
  if (!isEmptyMap(changes.params)) group.info.params = { ...(group.info.params ?? {}), ...changes.params };
  const filtered = filteredGroupInfo(group.info);
  group.db = cloneGroupInfo(filtered);
  const gid = group.info.groupId;
  notifyGroup(
    ctx,
    gid,
    groupResult(
      ctx,
      GroupOperationType.GroupSetInfo,
      { group: groupToWire(filtered), reqMem: reqMemOr(op, { userId: session.userId, groupId: gid }) },
      op,
      'ok',
      '',
    ),
  );
  saveGroupRecord(
    ctx,
    group,
    session.userId,
    0n,
    op,
    GroupOperationType.GroupSetInfo,
    groupInfoText(groupToWire(filtered)),
  );
}

function kick(ctx: ServerContext, session: Session, op: GroupRequest): void {
  const group = requireGroup(
    ctx,
    session,
    op,
    'group kick operation group info is null',
    'group kick operation group info id is wrong',
  );
  if (group === undefined) return;
  if (!isGroupAdmin(group, session.userId)) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'group kick operation, you are not admin');
    return;
  }
  const members = op.req.members;
  if (members.length < 1) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'must give out the users in members');
    return;
  }
  const gid = group.info.groupId;
  for (const member of members) {
    const uid = big(member.userId);
    const loaded = ctx.store.users.load(uid);
    if (loaded === undefined) continue;
    // Nothing protects the owner or other admins; an admin keeps the admin flag after leaving.
    group.members.delete(uid);
    ctx.store.groups.leave(uid, gid);
    loaded.user.groups.set(gid, false);
    saveGroupRecord(ctx, group, session.userId, uid, op, GroupOperationType.GroupKickMember, 'kick ok');
  }
  const self = selfProfile(ctx, session);
  // Kicked users are not told: they are no longer members when the broadcast goes out.
  notifyGroup(
    ctx,
    gid,
    groupResult(
      ctx,
      GroupOperationType.GroupKickMember,
      {
        group: groupToWire(filteredGroupInfo(group.info)),
        reqMem: reqMemOr(op, {
          userId: session.userId,
          nick: self.nick,
          icon: self.icon,
          role: 'au',
          groupId: gid,
        }),
        members,
      },
      op,
      'ok',
      '',
    ),
  );
}

function setAdmins(ctx: ServerContext, session: Session, op: GroupRequest, add: boolean): void {
  const group = add
    ? requireGroup(
        ctx,
        session,
        op,
        'group add admins request operation group info is null',
        'group add admins request group info id is wrong',
      )
    : requireGroup(
        ctx,
        session,
        op,
        'group join request operation group info is null',
        'group join request group info id is wrong',
      );
  if (group === undefined) return;
  if (group.owner !== session.userId) {
    sendError(
      ctx,
      session,
      ErrorMsgType.ErrTMsgContent,
      add
        ? 'group set admin operation, you are not owner'
        : 'group delete admin operation, you are not owner',
    );
    return;
  }
  const operation = add ? GroupOperationType.GroupAddAdmin : GroupOperationType.GroupDelAdmin;
  for (const member of op.req.members) {
    const uid = big(member.userId);
    if (!group.members.has(uid)) continue;
    if (add) group.admins.add(uid);
    else group.admins.delete(uid);
    saveGroupRecord(ctx, group, session.userId, uid, op, operation, undefined);
  }
  const self = selfProfile(ctx, session);
  const reqMem = add
    ? reqMemOr(op, { userId: session.userId, nick: self.nick, icon: self.icon, role: 'ou', groupId: 0 })
    : reqMemOr(op, { userId: session.userId });
  notifyGroup(
    ctx,
    group.info.groupId,
    groupResult(
      ctx,
      operation,
      { group: groupToWire(filteredGroupInfo(group.info)), reqMem, members: op.req.members },
      op,
      'ok',
      '',
    ),
  );
}

function transferOwner(ctx: ServerContext, session: Session, op: GroupRequest): void {
  const info = op.req.group;
  if (info === undefined) {
    sendError(
      ctx,
      session,
      ErrorMsgType.ErrTMsgContent,
      'group transfer owner operation, group info is null',
    );
    return;
  }
  const group = ctx.store.groups.load(big(info.groupId));
  if (group === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'do not find a group with id');
    return;
  }
  if (group.owner !== session.userId) {
    sendError(ctx, session, ErrorMsgType.ErrTNotPermission, 'you are not the owner');
    return;
  }
  const first = op.req.members[0];
  if (first === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'must give out the new owner in members');
    return;
  }
  const newOwner = big(first.userId);
  const member = group.members.get(newOwner);
  if (member === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'new owner is not a member of the group');
    return;
  }
  // In memory the previous owner becomes a plain member (unless also an admin).
  group.owner = newOwner;
  notifyGroup(
    ctx,
    group.info.groupId,
    groupResult(
      ctx,
      GroupOperationType.GroupTransferOwner,
      {
        group: info,
        reqMem: reqMemOr(op, { userId: session.userId, nick: member.nick, groupId: 0 }),
        members: op.req.members,
      },
      op,
      'ok',
      'change owner',
    ),
  );
  saveGroupRecord(ctx, group, session.userId, newOwner, op, GroupOperationType.GroupTransferOwner, undefined);
}

/** GroupSetMemberInfo (13): answered with operation **GroupSetInfo**. */
function setMemberNick(ctx: ServerContext, session: Session, op: GroupRequest): void {
  const nick = mapGet(op.req.params, 'nick');
  if (nick === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'must have a nick in msg params');
    return;
  }
  const info = op.req.group;
  if (info === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'group join request operation group info is null');
    return;
  }
  const group = ctx.store.groups.load(big(info.groupId));
  if (group === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'do not find a group with id');
    return;
  }
  const member = group.members.get(session.userId);
  if (member === undefined) {
    sendError(
      ctx,
      session,
      ErrorMsgType.ErrTMsgContent,
      'group id in not correct, you are not a member of it',
    );
    return;
  }
  const reply = groupResult(
    ctx,
    GroupOperationType.GroupSetInfo,
    { group: info, reqMem: reqMemOr(op, { userId: session.userId, nick, groupId: 0 }) },
    op,
    'ok',
    'update nick',
  );
  if (member.nick === nick) {
    send(ctx, session, reply);
    return;
  }
  member.nick = nick;
  notifyGroup(ctx, group.info.groupId, reply);
  saveGroupRecord(ctx, group, session.userId, 0n, op, GroupOperationType.GroupSetMemberInfo, nick);
}
