import { group, p2p } from '@birdtalk/client';
import { GroupOperationType, type Msg, UserOperationType } from '@birdtalk/proto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, inbox, type World } from './harness.js';

let world: World;
let botId: string;
let ada: string;

beforeEach(async () => {
  world = await createWorld();
  botId = await world.user('namebot');
  ada = await world.user('ada');
});

afterEach(async () => {
  await world.close();
});

/** How many requests of a kind the bot sent: FindUser lookups, or group requests of one operation. */
function botRequests(kind: 'find-user' | GroupOperationType): number {
  return world.sentBy(botId).filter((msg: Msg) => {
    const payload = msg.plainMsg;
    if (kind === 'find-user') {
      return payload?.message === 'friendOp' && payload.friendOp.operation === UserOperationType.FindUser;
    }
    return payload?.message === 'groupOp' && payload.groupOp.operation === kind;
  }).length;
}

describe('names and roles from the context', () => {
  it('greets by name with one lookup for many messages', async () => {
    await world.befriend(botId, ada);
    const bot = world.bot(botId);
    bot.on('message:text', async (ctx) => {
      const user = await ctx.getUser();
      await ctx.reply(`hello ${user?.userName}: ${ctx.text}`);
    });
    const alice = world.client(ada);
    const received = inbox(alice);
    await world.drive(Promise.all([bot.start(), alice.start()]));
    for (const text of ['one', 'two', 'three']) await world.drive(alice.sendText(p2p(botId), text));
    await world.until(() => received.length === 3, 'three answers');
    expect(received.map((message) => message.text)).toEqual([
      'hello ada: one',
      'hello ada: two',
      'hello ada: three',
    ]);
    expect(botRequests('find-user')).toBe(1);
  });

  it("answers the group's name and the sender's role with one request each", async () => {
    const groupId = await world.server.createGroup({ owner: ada, members: [botId], groupName: 'the lab' });
    const bot = world.bot(botId);
    bot.on('message:text', async (ctx) => {
      const [details, member] = await Promise.all([ctx.getGroup(), ctx.getMember()]);
      await ctx.reply(`${details?.name}: ${member?.role}`);
    });
    const alice = world.client(ada);
    const received = inbox(alice);
    await world.drive(Promise.all([bot.start(), alice.start()]));
    await world.drive(alice.sendText(group(groupId), 'first'));
    await world.until(() => received.some((message) => message.from === botId), 'the first answer');
    await world.drive(alice.sendText(group(groupId), 'second'));
    await world.until(() => received.filter((message) => message.from === botId).length === 2, 'two answers');
    expect(received.filter((message) => message.from === botId).map((message) => message.text)).toEqual([
      'the lab: owner',
      'the lab: owner',
    ]);
    expect(botRequests(GroupOperationType.GroupSearch)).toBe(1);
    expect(botRequests(GroupOperationType.GroupSearchMember)).toBe(1);
  });

  it('has no user, group or member where the update names none', async () => {
    const bot = world.bot(botId);
    const seen: unknown[] = [];
    bot.on('friend', async (ctx) => {
      seen.push(await ctx.getGroup(), await ctx.getMember());
    });
    await world.drive(bot.start());
    await world.drive(
      bot.handle({
        type: 'friend',
        friendEvent: { kind: 'own-operation', operation: 'set-memo', userId: ada, user: undefined },
      }),
    );
    expect(seen).toEqual([undefined, undefined]);
  });
});
