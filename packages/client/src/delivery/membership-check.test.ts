import { type BirdTalkError, ProtocolError, StateError } from '@birdtalk/errors';
import { silentLogger } from '@birdtalk/runtime';
import { FakeClock } from '@birdtalk/runtime/testing';
import type { SendChatOptions, Session } from '@birdtalk/session';
import { describe, expect, it } from 'vitest';
import { ClientErrorCode } from '../client-errors.js';
import { Membership } from './group-membership.js';
import { MembershipCheck } from './membership-check.js';
import { SentMessages } from './message-states.js';
import { Sender } from './sender.js';

const GROUP = '20001';
const listed = (...ids: string[]) => ({ groups: ids.map((groupId) => ({ groupId, params: {} })) });
const notMember = () =>
  new ProtocolError('CHAT_REJECTED', 'refused', { serverDetail: 'you are not a group member ' });

/** A session whose group list and chat answers the test chooses; counts both. */
function fakeSession(list: () => unknown, chat: () => unknown) {
  const counts = { lists: 0, chats: 0 };
  const session = {
    groupOp: async () => {
      counts.lists += 1;
      return list();
    },
    // As the outbox does: a refusal is sent once more when `retryRefused` says so.
    sendChat: async (init: { sendId: string }, options?: SendChatOptions) => {
      const attempt = () => {
        counts.chats += 1;
        return chat() ?? { sendId: init.sendId, msgId: '9', serverTime: '1', detail: 'ok' };
      };
      try {
        return attempt();
      } catch (error) {
        if (!(await options?.retryRefused?.(error as BirdTalkError))) throw error;
        return attempt();
      }
    },
  } as unknown as Session;
  return { session, counts };
}

function setUp(list: () => unknown, chat: () => unknown) {
  const membership = new Membership();
  membership.replace(listed(GROUP).groups as never);
  const check = new MembershipCheck(membership, silentLogger);
  const { session, counts } = fakeSession(list, chat);
  const sendIds = ['101', '102', '103', '104'];
  const sender = new Sender({
    session: () => session,
    membership,
    states: new SentMessages(10, () => {}),
    nextSendId: () => sendIds.shift() ?? '199',
    deviceId: () => 'device',
    clock: new FakeClock(0),
    membershipWaitMs: 1_000,
    maxTextBytes: 1_000,
    confirmMembership: (groupId) => check.confirm(session, groupId),
  });
  return { membership, check, session, counts, sender };
}

describe('a group chat refused as from a non-member', () => {
  it('is sent once more when the group list still has us, and at most once more', async () => {
    const { sender, counts, membership } = setUp(
      () => listed(GROUP),
      () => {
        throw notMember();
      },
    );
    await expect(sender.send({ type: 'group', groupId: GROUP }, 'hi')).rejects.toMatchObject({
      code: ClientErrorCode.CHAT_NOT_GROUP_MEMBER,
    });
    expect(counts).toEqual({ lists: 1, chats: 2 });
    expect(membership.has(GROUP)).toBe(true);
  });

  it('fails, and the group is forgotten, when the group list no longer has us', async () => {
    const { sender, counts, membership } = setUp(
      () => listed('20002'),
      () => {
        throw notMember();
      },
    );
    await expect(sender.send({ type: 'group', groupId: GROUP }, 'hi')).rejects.toMatchObject({
      code: ClientErrorCode.CHAT_NOT_GROUP_MEMBER,
    });
    expect(counts).toEqual({ lists: 1, chats: 1 });
    expect(membership.has(GROUP)).toBe(false);
    await expect(sender.send({ type: 'group', groupId: GROUP }, 'again')).rejects.toMatchObject({
      code: ClientErrorCode.NOT_GROUP_MEMBER,
    });
    expect(counts.chats).toBe(1);
  });

  it('fails without forgetting the group when the list cannot be had', async () => {
    const { sender, counts, membership } = setUp(
      () => {
        throw new StateError('SESSION_CLOSED', 'gone');
      },
      () => {
        throw notMember();
      },
    );
    await expect(sender.send({ type: 'group', groupId: GROUP }, 'hi')).rejects.toMatchObject({
      code: ClientErrorCode.CHAT_NOT_GROUP_MEMBER,
    });
    expect(counts).toEqual({ lists: 1, chats: 1 });
    expect(membership.has(GROUP)).toBe(true);
  });
});

describe('MembershipCheck', () => {
  it('asks once for checks that overlap', async () => {
    const { check, session, counts } = setUp(
      () => listed(GROUP),
      () => undefined,
    );
    expect(await Promise.all([check.confirm(session, GROUP), check.confirm(session, '20002')])).toEqual([
      true,
      false,
    ]);
    expect(counts.lists).toBe(1);
    await check.confirm(session, GROUP);
    expect(counts.lists).toBe(2);
  });
});
