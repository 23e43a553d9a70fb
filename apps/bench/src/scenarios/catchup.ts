import { performance } from 'node:perf_hooks';
import { type Client, createClient } from '@birdtalk/client';
import { createNodeEcdh } from '@birdtalk/crypto/node';
import {
  ChatType,
  ComMsgType,
  decodeMsg,
  encodeMsg,
  type MsgQueryResult,
  QueryDataType,
  SynType,
} from '@birdtalk/proto';
import { createSession } from '@birdtalk/session';
import { createNodeConnector } from '@birdtalk/transport/node';
import { windowedThroughput } from '../load.js';
import { startPeer } from '../peer-process.js';
import { row, type ScenarioResult } from '../result.js';

/** Parameters of the catch-up scenario. */
export interface CatchUpParameters {
  /** Messages waiting for the bot when it comes online. */
  readonly messages: number;
  /** Bytes of text per message. */
  readonly textBytes: number;
}

const password = 'bench-password';

/**
 * Runs the catch-up scenario: a bot comes online with `messages` P2P messages waiting; the time until its client
 * reports the catch-up done, every message handed to the handler, against the raw cost of decoding the same
 * query results.
 */
export async function runCatchUp(parameters: CatchUpParameters): Promise<ScenarioResult> {
  const peer = await startPeer();
  let bot: Client | undefined;
  try {
    const [sender, botId] = await peer.createUsers(2, password);
    await peer.follow(botId!, sender!);
    // The backlog: the sender writes while the bot is offline (not measured).
    const writer = createSession(
      { url: peer.serverUrl, credentials: { method: 'id', userId: sender!, password } },
      { connector: createNodeConnector(), ecdh: createNodeEcdh() },
    );
    await writer.start();
    const data = new TextEncoder().encode('x'.repeat(parameters.textBytes));
    await windowedThroughput(
      async () => {
        await writer.sendChat({ toId: botId!, chatType: ChatType.ChatTypeP2P, data });
      },
      parameters.messages,
      64,
    );
    await writer.close();

    // The baseline: the same pages the bot will fetch, re-encoded as they travel, then decoded.
    const reader = createSession(
      { url: peer.serverUrl, credentials: { method: 'id', userId: botId!, password } },
      { connector: createNodeConnector(), ecdh: createNodeEcdh() },
    );
    await reader.start();
    const frames: Uint8Array[] = [];
    let littleId = '1';
    for (;;) {
      const page: MsgQueryResult = await reader.query({
        queryType: QueryDataType.QueryDataTypeChatData,
        chatType: ChatType.ChatTypeP2P,
        synType: SynType.SynTypeForward,
        userId: '0',
        littleId,
      });
      frames.push(
        encodeMsg({
          version: 1,
          msgType: ComMsgType.MsgTQueryResult,
          plainMsg: { commonQueryRet: page as never },
        }),
      );
      if (page.chatDataList.length < 100) break;
      littleId = (BigInt(page.bigId) + 1n).toString();
    }
    await reader.close();
    let decodeMs = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 5; round += 1) {
      const begin = performance.now();
      for (const frame of frames) decodeMsg(frame);
      decodeMs = Math.min(decodeMs, performance.now() - begin);
    }

    // Ours: the bot starts (fast first login, then catch-up of everything waiting: catchUp 'all').
    let handled = 0;
    bot = createClient(
      { server: peer.serverUrl, credentials: { method: 'id', userId: botId!, password }, catchUp: 'all' },
      { connector: createNodeConnector(), ecdh: createNodeEcdh() },
    );
    const client = bot;
    client.on('message', () => {
      handled += 1;
    });
    const done = client.once('catch-up', { filter: (event) => event.phase === 'done' });
    const begin = performance.now();
    await client.start();
    await done;
    const catchUpMs = performance.now() - begin;

    return {
      id: 'catchup',
      title: `Catch-up: a bot coming online with ${parameters.messages.toLocaleString('en-US')} waiting messages`,
      parameters: { ...parameters, pages: frames.length },
      rows: [row('time until catch-up done', 'ms', catchUpMs, decodeMs, 'decoding the same query results')],
      targets: [],
      notes: [
        `Ours: start() (connect, key exchange, login) to the catch-up "done" event, with all ${handled} messages handed to the handler once, in order. The baseline decodes the ${frames.length} pages only.`,
      ],
    };
  } finally {
    await bot?.stop();
    await peer.stop();
  }
}
