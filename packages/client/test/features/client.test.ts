import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { createNodeHttpGet } from '@birdtalk/transport/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { p2p } from '../../src/chat-target.js';
import { type Client, createClient } from '../../src/client.js';
import type { FriendEvent, GroupEvent } from '../../src/features.js';
import { nodeFilesDeps } from '../../src/files/node.js';
import type { ChatMessage } from '../../src/message.js';
import { PASSWORD, until } from './harness.js';

let server: BirdTalkServer;
const clients: Client[] = [];
beforeEach(async () => {
  server = await createServer({ strict: true, port: 0 });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
  const hazards = server.hazards();
  await server.close();
  expect(hazards).toEqual([]);
});

function clientFor(userId: string): Client {
  const client = createClient(
    { server: server.url, credentials: { method: 'id', userId, password: PASSWORD } },
    { connector: server.connector(), httpGet: createNodeHttpGet(), files: nodeFilesDeps },
  );
  clients.push(client);
  return client;
}

describe('the feature modules through createClient', () => {
  it('sends media, runs group and friend operations, and delivers their events', async () => {
    const ada = await server.createUser({ userName: 'ada', password: PASSWORD });
    const bob = await server.createUser({ userName: 'bob', password: PASSWORD });
    await server.follow(bob, ada);
    const adaClient = clientFor(ada);
    const bobClient = clientFor(bob);
    const messages: ChatMessage[] = [];
    const groupEvents: GroupEvent[] = [];
    const friendEvents: FriendEvent[] = [];
    bobClient.on('message', (message) => {
      messages.push(message);
    });
    bobClient.on('group', (event) => {
      groupEvents.push(event);
    });
    adaClient.on('friend', (event) => {
      friendEvents.push(event);
    });
    await Promise.all([adaClient.start(), bobClient.start()]);

    const image = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 7, 0, 5, 0, 0, 0, 0, 1, 2, 3]);
    const sent = await adaClient.media.sendImage(p2p(bob), image, { name: 'dot.gif' });
    await until(() => messages.length === 1, 'the image');
    const [message] = messages;
    expect(message).toMatchObject({ id: sent.message.id, kind: 'image', from: ada });
    expect(message?.attachment).toMatchObject({ ref: sent.upload?.storedName, width: 7, height: 5 });
    const downloaded = await bobClient.files.downloadBytes(message!.attachment!.ref!);
    expect(Buffer.compare(Buffer.from(downloaded), Buffer.from(image))).toBe(0);

    const group = await adaClient.groups.create({ name: 'club', members: [bob] });
    await until(() => groupEvents.length === 1, 'the group event');
    expect(groupEvents[0]).toMatchObject({
      kind: 'group-created',
      groupId: group.groupId,
      membership: 'joined',
    });

    expect((await bobClient.friends.follow(ada)).status).toBe('following');
    await bobClient.friends.unfollow(ada);
    await until(() => friendEvents.some((e) => e.kind === 'unfollowed'), 'the friend event');
    expect(friendEvents.at(-1)).toMatchObject({ kind: 'unfollowed', by: { userId: bob } });
    expect((await adaClient.users.find({ name: 'bob' }))[0]?.userId).toBe(bob);
  });
});
