import { performance } from 'node:perf_hooks';
import { type Client, createClient } from '@birdtalk/client';
import { createNodeEcdh } from '@birdtalk/crypto/node';
import { createNodeConnector } from '@birdtalk/transport/node';
import { writeBacklog } from '../backlog.js';
import { median } from '../measure.js';
import { startPeer } from '../peer-process.js';
import { loadPristineCodec } from '../pristine-codec.js';
import { rawCatchUp } from '../raw-catchup.js';
import { row, type ScenarioResult, target } from '../result.js';

/** Parameters of the catch-up scenario. */
export interface CatchUpParameters {
  /** Messages waiting for the bot when it comes online. */
  readonly messages: number;
  /** Bytes of text per message. */
  readonly textBytes: number;
  /** Alternating measurements per contender; the median is reported. */
  readonly rounds: number;
}

const password = 'bench-password';

/**
 * Runs the catch-up scenario: a bot comes online with `messages` P2P messages waiting; the time until its client
 * reports the catch-up done, every message handed to the handler, against a minimal raw client fetching and
 * decoding the same pages.
 */
export async function runCatchUp(parameters: CatchUpParameters): Promise<ScenarioResult> {
  const peer = await startPeer();
  let bot: Client | undefined;
  try {
    const { botId } = await writeBacklog(peer, password, parameters);

    // Alternating rounds, each from a cold start: the raw client (plain ws + plain protobufjs fetching and
    // decoding the same pages from the same server), then ours (a new client with an empty store: connect, key
    // exchange, login, catch-up of everything waiting, every message handed to the handler once).
    const codec = loadPristineCodec();
    const rawTimes: number[] = [];
    const oursTimes: number[] = [];
    let rawFetched = { messages: 0, pages: 0 };
    let handled = 0;
    const measureRaw = async (): Promise<void> => {
      const begin = performance.now();
      rawFetched = await rawCatchUp(peer.serverUrl, codec, botId, password);
      rawTimes.push(performance.now() - begin);
    };
    const measureOurs = async (): Promise<void> => {
      handled = 0;
      bot = createClient(
        { server: peer.serverUrl, credentials: { method: 'id', userId: botId, password }, catchUp: 'all' },
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
      oursTimes.push(performance.now() - begin);
      await client.stop();
      bot = undefined;
    };
    for (let round = 0; round < parameters.rounds; round += 1) {
      if (round % 2 === 0) {
        await measureRaw();
        await measureOurs();
      } else {
        await measureOurs();
        await measureRaw();
      }
    }
    if (rawFetched.messages !== parameters.messages || handled !== parameters.messages) {
      throw new Error(
        `catch-up fetched ${rawFetched.messages} raw and handled ${handled} ours of ${parameters.messages}`,
      );
    }
    const catchUpMs = median([...oursTimes].sort((a, b) => a - b));
    const rawMs = median([...rawTimes].sort((a, b) => a - b));

    return {
      id: 'catchup',
      title: `Catch-up: a bot coming online with ${parameters.messages.toLocaleString('en-US')} waiting messages`,
      parameters: { ...parameters, pages: rawFetched.pages },
      rows: [row('time until catch-up done', 'ms', catchUpMs, rawMs, 'raw ws + protobufjs client')],
      targets: [target('catch-up time ÷ raw client', catchUpMs / rawMs, '<=', 1.5)],
      notes: [
        `Ours: start() (connect, key exchange, login) to the catch-up "done" event, with all ${handled} messages handed to the handler once, in order, and receipts sent. The baseline connects, logs in with the password and fetches and decodes the same ${rawFetched.pages} pages with plain ws and protobufjs, nothing else.`,
        `Rounds: ${parameters.rounds}, alternating which goes first; medians reported.`,
      ],
    };
  } finally {
    await bot?.stop();
    await peer.stop();
  }
}
