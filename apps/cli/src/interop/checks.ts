import { type ChatMessage, group, p2p } from '@birdtalk/client';
import { isBirdTalkError } from '@birdtalk/errors';
import { type Msg, UserOperationType } from '@birdtalk/proto';
import { Mismatch } from './waits.js';
import { type Account, clientOf, startClient, stopClient, token, type World } from './world.js';

/** One interop check: it passes when `run` resolves; a rejection's message is the observed difference. */
export interface Check {
  readonly name: string;
  run(world: World): Promise<void>;
}

/** The texts an account received from `from`, in order. */
function textsFrom(account: Account, from: Account): string[] {
  return account.inbox.filter((message) => message.from === from.userId).map((message) => message.text ?? '');
}

/** Sends a text and waits until the receiver has it, then a quiet period; it must arrive exactly once. */
async function deliverOnce(world: World, from: Account, to: Account, target: 'p2p' | 'group'): Promise<void> {
  const text = `interop ${target} ${token(world.random)}`;
  const chat = target === 'p2p' ? p2p(to.userId) : group(world.groupId ?? '0');
  const sent = await world.waits.within(clientOf(from).sendText(chat, text), 'the send');
  const copies = (): ChatMessage[] => to.inbox.filter((message) => message.text === text);
  await world.waits.until(
    () => copies().length > 0,
    () => `${to.label} never received "${text}"`,
  );
  await world.waits.quiet();
  const got = copies();
  if (got.length !== 1) throw new Mismatch(`${to.label} received "${text}" ${got.length} times`);
  if (got[0]?.id !== sent.id) throw new Mismatch(`received id ${got[0]?.id}, the sender was told ${sent.id}`);
}

/** Frames sent while `work` ran. */
async function framesDuring(
  world: World,
  work: () => Promise<unknown>,
): Promise<{ frames: Msg[]; error: unknown }> {
  const start = world.frames.sent.length;
  let error: unknown;
  try {
    await work();
  } catch (caught) {
    error = caught;
  }
  return { frames: world.frames.sent.slice(start), error };
}

/** A refusal check: `work` must fail with RefusedError `code`, and no frame matching `forbidden` may leave. */
export function refusal(
  name: string,
  code: string,
  work: (world: World) => Promise<unknown>,
  forbidden: (frame: Msg) => boolean,
): Check {
  return {
    name: `refused locally: ${name}`,
    async run(world) {
      const { frames, error } = await framesDuring(world, () => work(world));
      if (!isBirdTalkError(error) || error.name !== 'RefusedError' || error.code !== code) {
        throw new Mismatch(
          error === undefined
            ? 'it was not refused'
            : `refused with ${isBirdTalkError(error) ? `${error.name} ${error.code}` : String(error)}, expected RefusedError ${code}`,
        );
      }
      const leaked = frames.filter(forbidden);
      if (leaked.length > 0) throw new Mismatch(`${leaked.length} forbidden request(s) were sent anyway`);
    },
  };
}

const friendOp = (operation: number) => (frame: Msg) => frame.plainMsg?.friendOp?.operation === operation;
const groupOp = (operation: number) => (frame: Msg) => frame.plainMsg?.groupOp?.operation === operation;
const userOp = (operation: number) => (frame: Msg) => frame.plainMsg?.userOp?.operation === operation;

/** More than one history page (the server's page is 100 messages). */
const HISTORY_MESSAGES = 105;

/** The Hello among sent frames. */
function helloOf(frames: readonly Msg[]) {
  return frames.find((frame) => frame.plainMsg?.hello !== undefined)?.plainMsg?.hello;
}

/** Every check, in the order they run (later checks use what earlier ones set up). */
export const CHECKS: readonly Check[] = [
  {
    name: 'hello identity, AES-CTR key exchange and registration',
    async run(world) {
      const start = world.frames.sent.length;
      const { ready } = await startClient(world, world.accounts.a, { register: true });
      if (ready.fastLogin) throw new Mismatch('a brand-new account logged in with a stored key');
      if (!/^[1-9][0-9]*$/.test(world.accounts.a.userId)) {
        throw new Mismatch(`registration gave the user id "${world.accounts.a.userId}"`);
      }
      const hello = helloOf(world.frames.sent.slice(start));
      if (hello === undefined || hello.clientId === '' || hello.platform === '' || hello.version === '') {
        throw new Mismatch('the Hello did not say which client, platform and SDK version it is');
      }
      world.accounts.a.clientId = hello.clientId;
    },
  },
  {
    name: 'register and log in over a chacha20 key exchange',
    async run(world) {
      await startClient(world, world.accounts.b, { register: true });
      await startClient(world, world.accounts.c, { register: true });
    },
  },
  {
    name: 'fast re-login with the stored key (no password sent)',
    async run(world) {
      const a = world.accounts.a;
      await stopClient(a);
      const start = world.frames.sent.length;
      const { ready } = await startClient(world, a);
      if (!ready.fastLogin) throw new Mismatch('the server asked for the password again');
      const sent = world.frames.sent.slice(start);
      if (sent.some(userOp(UserOperationType.Login)))
        throw new Mismatch('a Login with the password was sent');
      const clientId = helloOf(sent)?.clientId;
      if (clientId !== a.clientId)
        throw new Mismatch(`the device said it is "${clientId}", before "${a.clientId}"`);
    },
  },
  {
    name: 'log in by id and password (no stored key)',
    async run(world) {
      const a = world.accounts.a;
      const second = { ...a, client: undefined, inbox: [] } as Account;
      const { ready, client } = await startClient(world, second, { stateDir: `${a.label}-by-id` });
      await client.stop({ drainTimeoutMs: 1_000 });
      if (ready.fastLogin) throw new Mismatch('logged in with a key that should not exist');
    },
  },
  {
    name: 'follow both ways',
    async run(world) {
      const { a, b } = world.accounts;
      await world.waits.within(clientOf(a).friends.follow(b.userId), 'follow');
      await world.waits.within(clientOf(b).friends.follow(a.userId), 'follow');
      const aFollows = await clientOf(a).friends.isFollowing(b.userId);
      const bFollows = await clientOf(b).friends.isFollowing(a.userId);
      if (!aFollows || !bFollows) throw new Mismatch(`a follows b: ${aFollows}, b follows a: ${bFollows}`);
      const mutual: string[] = [];
      for await (const user of clientOf(a).friends.mutual()) mutual.push(user.userId);
      if (!mutual.includes(b.userId)) throw new Mismatch(`a's mutual friends are [${mutual.join(', ')}]`);
    },
  },
  {
    name: 'live P2P delivery, exactly once, both directions',
    async run(world) {
      const { a, b } = world.accounts;
      await deliverOnce(world, a, b, 'p2p');
      await deliverOnce(world, b, a, 'p2p');
    },
  },
  {
    name: 'group create and join, live group delivery exactly once',
    async run(world) {
      const { a, b } = world.accounts;
      const created = await world.waits.within(
        clientOf(a).groups.create({ name: `${a.userName}-group`, joinType: 'direct' }),
        'group create',
      );
      world.groupId = created.groupId;
      await world.waits.within(clientOf(b).groups.join(created.groupId), 'group join');
      await deliverOnce(world, a, b, 'group');
      await deliverOnce(world, b, a, 'group');
    },
  },
  {
    name: 'offline catch-up after a restart of the client (chacha20 fast re-login), in order, once each',
    async run(world) {
      const { a, b } = world.accounts;
      await stopClient(b);
      const texts = [1, 2, 3].map((n) => `interop offline ${n} ${token(world.random)}`);
      for (const text of texts)
        await world.waits.within(clientOf(a).sendText(p2p(b.userId), text), 'the send');
      const { ready } = await startClient(world, b);
      if (!ready.fastLogin) throw new Mismatch('the restart needed the password (no chacha20 fast re-login)');
      await world.waits.until(
        () => texts.every((text) => textsFrom(b, a).includes(text)),
        () => `after the restart b has [${textsFrom(b, a).join(' | ')}]`,
      );
      await world.waits.quiet();
      const got = textsFrom(b, a).filter((text) => texts.includes(text));
      if (got.join('\n') !== texts.join('\n')) throw new Mismatch(`caught up [${got.join(' | ')}]`);
      if (
        !b.inbox
          .filter((message) => texts.includes(message.text ?? ''))
          .every((message) => message.catchingUp)
      ) {
        throw new Mismatch('messages fetched by the catch-up were not marked catchingUp');
      }
    },
  },
  {
    name: 'history pages backward (P2P and group, with a before cursor)',
    async run(world) {
      const { a, b } = world.accounts;
      const page: ChatMessage[] = [];
      for await (const message of clientOf(b).history(p2p(a.userId))) page.push(message);
      if (page.length < 5) throw new Mismatch(`P2P history has ${page.length} messages, expected at least 5`);
      const ids = page.map((message) => BigInt(message.id));
      if (ids.some((id, index) => index > 0 && id >= (ids[index - 1] as bigint))) {
        throw new Mismatch('P2P history is not newest first');
      }
      const older: ChatMessage[] = [];
      for await (const message of clientOf(b).history(p2p(a.userId), { before: page[1]?.id ?? '0' })) {
        older.push(message);
      }
      if (older[0]?.id !== page[2]?.id || older.length !== page.length - 2) {
        throw new Mismatch(`before ${page[1]?.id} gave ${older.length} messages starting at ${older[0]?.id}`);
      }
      const groupPage: ChatMessage[] = [];
      for await (const message of clientOf(b).history(group(world.groupId ?? '0'))) groupPage.push(message);
      if (groupPage.length < 2) throw new Mismatch(`group history has ${groupPage.length} messages`);
    },
  },
  {
    name: 'history across a page boundary, from both sides of the chat',
    async run(world) {
      const { a, b } = world.accounts;
      const tag = token(world.random);
      const texts = Array.from({ length: HISTORY_MESSAGES }, (_, n) => `interop page ${tag} ${n}`);
      for (const text of texts)
        await world.waits.within(clientOf(a).sendText(p2p(b.userId), text), 'the send');
      for (const [reader, peer] of [
        [b, a],
        [a, b],
      ] as const) {
        const seen: string[] = [];
        for await (const message of clientOf(reader).history(p2p(peer.userId))) {
          if (message.text?.startsWith(`interop page ${tag} `)) seen.push(message.text);
          if (seen.length === texts.length) break;
        }
        const expected = [...texts].reverse();
        if (seen.join('\n') !== expected.join('\n')) {
          throw new Mismatch(
            `${reader.label}'s history has ${seen.length} of the ${texts.length} messages, or out of order`,
          );
        }
      }
    },
  },
  {
    name: 'receipts: delivered, then read',
    async run(world) {
      const { a, b } = world.accounts;
      const text = `interop receipt ${token(world.random)}`;
      const sent = await clientOf(a).sendText(p2p(b.userId), text);
      const state = () => clientOf(a).messageState(sent.id);
      await world.waits.until(
        () => state() === 'delivered' || state() === 'read',
        () => `the message stayed ${state()}`,
      );
      // The delivery receipt leaves when b's client accepts the message, which may be before its handler ran.
      await world.waits.until(
        () => b.inbox.some((message) => message.text === text),
        () => 'b never received the message',
      );
      const received = b.inbox.find((message) => message.text === text);
      if (received === undefined) throw new Mismatch('b never received the message');
      await clientOf(b).markRead(received);
      await world.waits.until(
        () => state() === 'read',
        () => `after the read receipt the message is ${state()}`,
      );
    },
  },
  {
    name: 'recall reaches the peer',
    async run(world) {
      const { a, b } = world.accounts;
      const recalled: string[] = [];
      const off = clientOf(b).on('recall', (event) => {
        recalled.push(event.id);
      });
      try {
        const sent = await clientOf(a).sendText(p2p(b.userId), `interop recall ${token(world.random)}`);
        await world.waits.within(clientOf(a).recall(sent), 'recall');
        await world.waits.until(
          () => recalled.includes(sent.id),
          () => `b saw recalls of [${recalled.join(', ')}], not ${sent.id}`,
        );
      } finally {
        off();
      }
    },
  },
  {
    name: 'upload, file message and signed HTTP download, byte-identical',
    async run(world) {
      const { a, b } = world.accounts;
      const bytes = world.random.bytes(96 * 1024 + 7);
      const name = `interop-${token(world.random)}.bin`;
      await world.waits.within(
        clientOf(a).media.sendFile(p2p(b.userId), bytes, { name, mime: 'application/octet-stream' }),
        'the file send',
      );
      await world.waits.until(
        () => b.inbox.some((message) => message.attachment?.name === name),
        () => 'b never received the file message',
      );
      const message = b.inbox.find((candidate) => candidate.attachment?.name === name);
      const ref = message?.attachment?.ref;
      if (ref === undefined) throw new Mismatch('the file message names no stored file');
      const downloaded = await world.waits.within(clientOf(b).files.downloadBytes(ref), 'the download');
      if (Buffer.compare(Buffer.from(downloaded), Buffer.from(bytes)) !== 0) {
        throw new Mismatch(
          `downloaded ${downloaded.byteLength} bytes that differ from the ${bytes.byteLength} uploaded`,
        );
      }
    },
  },
  {
    name: 'group invite, kick, set info and quit',
    async run(world) {
      const { a, b, c } = world.accounts;
      const gid = world.groupId ?? '0';
      const groups = clientOf(a).groups;
      const memberIds = async () => (await groups.members(gid)).members.map((member) => member.userId);
      await world.waits.within(groups.invite(gid, [c.userId]), 'invite');
      await world.waits.until(
        async () => (await memberIds()).includes(c.userId),
        () => 'c is not a member after the invitation',
      );
      await world.waits.within(groups.kick(gid, [c.userId]), 'kick');
      if ((await memberIds()).includes(c.userId)) throw new Mismatch('c is still a member after the kick');
      const name = `${a.userName}-renamed`;
      await world.waits.within(
        groups.setInfo(gid, { name, brief: 'checked by birdtalk interop' }),
        'set info',
      );
      const info = await groups.get(gid);
      if (info?.name !== name) throw new Mismatch(`the group is called "${info?.name}" after set info`);
      await world.waits.within(clientOf(b).groups.quit(gid), 'quit');
      if ((await memberIds()).includes(b.userId)) throw new Mismatch('b is still a member after quitting');
    },
  },
  {
    name: 'friend block, unblock, permission and memo',
    async run(world) {
      const { a, b, c } = world.accounts;
      const friends = clientOf(a).friends;
      await world.waits.within(friends.follow(c.userId), 'follow');
      await world.waits.within(friends.block(c.userId), 'block');
      if (await friends.isFollowing(c.userId)) throw new Mismatch('a still follows c after blocking');
      await world.waits.within(friends.unblock(c.userId), 'unblock');
      await world.waits.within(
        friends.setPermission(c.userId, ['Friend', 'Chat', 'ViewInfo']),
        'set permission',
      );
      await world.waits.within(friends.setMemo(b.userId, 'interop memo'), 'set memo');
    },
  },
  refusal(
    'approving a friend request',
    'REFUSED_APPROVE_FRIEND',
    (world) => clientOf(world.accounts.a).friends.approve(world.accounts.c.userId),
    friendOp(UserOperationType.ApproveFriend),
  ),
  refusal(
    'clearing the chat bit of someone we follow',
    'REFUSED_CHAT_BIT_WHILE_FOLLOWING',
    (world) => clientOf(world.accounts.a).friends.setPermission(world.accounts.b.userId, ['Friend']),
    friendOp(UserOperationType.SetFriendPermission),
  ),
  refusal(
    'answering a group invitation',
    'REFUSED_INVITE_ANSWER',
    (world) => clientOf(world.accounts.c).groups.answerInvite(world.groupId ?? '0', true),
    groupOp(6),
  ),
  refusal(
    'creating an auth group',
    'REFUSED_JOIN_TYPE',
    (world) => clientOf(world.accounts.a).groups.create({ name: 'interop-auth', joinType: 'auth' }),
    groupOp(1),
  ),
  refusal(
    'answering a join request',
    'REFUSED_JOIN_ANSWER',
    (world) =>
      clientOf(world.accounts.a).groups.answerJoinRequest(
        world.groupId ?? '0',
        world.accounts.c.userId,
        true,
      ),
    groupOp(8),
  ),
  refusal(
    'kicking the owner',
    'REFUSED_KICK_SELF',
    (world) => clientOf(world.accounts.a).groups.kick(world.groupId ?? '0', [world.accounts.a.userId]),
    groupOp(4),
  ),
  refusal(
    "listing yourself among a new group's members",
    'REFUSED_CREATOR_AS_MEMBER',
    (world) =>
      clientOf(world.accounts.a).groups.create({ name: 'interop-self', members: [world.accounts.a.userId] }),
    groupOp(1),
  ),
  refusal(
    'making the owner an admin',
    'REFUSED_OWNER_ROLE_CHANGE',
    (world) => clientOf(world.accounts.a).groups.addAdmins(world.groupId ?? '0', [world.accounts.a.userId]),
    groupOp(10),
  ),
  refusal(
    'changing the phone number',
    'REFUSED_PHONE_CHANGE',
    (world) => clientOf(world.accounts.a).users.changePhone('+49 170 0000000'),
    (frame) => frame.plainMsg?.userOp?.operation === UserOperationType.SetUserInfo,
  ),
  {
    name: 'logout ends the session',
    async run(world) {
      const c = world.accounts.c;
      const client = clientOf(c);
      const closed = client.once('closed');
      await world.waits.within(client.logout(), 'logout');
      const { reason } = await world.waits.within(closed, 'the end of the session');
      c.client = undefined;
      if (reason !== 'logged-out') throw new Mismatch(`the client closed with "${reason}"`);
    },
  },
  {
    name: 'clean up: dissolve the group and unregister the throwaway accounts',
    async run(world) {
      const { a } = world.accounts;
      if (world.groupId !== undefined) {
        await world.waits.within(clientOf(a).groups.dissolve(world.groupId), 'dissolve');
        world.groupId = undefined;
      }
      await unregisterAll(world);
    },
  },
];

/** Unregisters every account that was registered (logging in again where needed). */
export async function unregisterAll(world: World): Promise<void> {
  const problems: string[] = [];
  for (const account of Object.values(world.accounts)) {
    if (account.userId === '0') continue;
    try {
      const client = account.client ?? (await startClient(world, account)).client;
      const closed = client.once('closed');
      await world.waits.within(client.unregister(), 'unregister');
      const { reason } = await world.waits.within(closed, 'the end of the session');
      account.client = undefined;
      if (reason !== 'unregistered') problems.push(`${account.label} closed with "${reason}"`);
      else account.userId = '0';
    } catch (error) {
      problems.push(`${account.label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length > 0) throw new Mismatch(problems.join('; '));
}
