import { createNodeEcdh } from '@birdtalk/crypto/node';
import { ChatType } from '@birdtalk/proto';
import { createSession } from '@birdtalk/session';
import { createNodeConnector } from '@birdtalk/transport/node';
import { windowedThroughput } from './load.js';
import type { Peer } from './peer-process.js';

/** What a backlog is made of. */
export interface BacklogParameters {
  /** Messages waiting for the bot. */
  readonly messages: number;
  /** Bytes of text per message. */
  readonly textBytes: number;
}

/**
 * Creates a bot account and a sender it follows, and has the sender write `messages` P2P texts to the bot while
 * the bot is offline (not measured; 64 in flight). Both accounts use `password`.
 */
export async function writeBacklog(
  peer: Peer,
  password: string,
  parameters: BacklogParameters,
): Promise<{ readonly botId: string; readonly senderId: string }> {
  const [senderId, botId] = await peer.createUsers(2, password);
  if (senderId === undefined || botId === undefined) throw new Error('the peer created no accounts');
  await peer.follow(botId, senderId);
  const writer = createSession(
    // The order of the backlog does not matter here: a burst to one conversation goes out without waiting for
    // each acknowledgement in turn.
    { url: peer.serverUrl, credentials: { method: 'id', userId: senderId, password }, chatsInOrder: false },
    { connector: createNodeConnector(), ecdh: createNodeEcdh() },
  );
  await writer.start();
  const data = new TextEncoder().encode('x'.repeat(parameters.textBytes));
  await windowedThroughput(
    async () => {
      await writer.sendChat({ toId: botId, chatType: ChatType.ChatTypeP2P, data });
    },
    parameters.messages,
    64,
  );
  await writer.close();
  return { botId, senderId };
}
