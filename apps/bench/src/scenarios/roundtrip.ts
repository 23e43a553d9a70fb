import { type Client, createClient, p2p } from '@birdtalk/client';
import { createNodeEcdh } from '@birdtalk/crypto/node';
import { ChatMsgType, encodeMsg } from '@birdtalk/proto';
import { createNodeConnector } from '@birdtalk/transport/node';
import { type CpuPerOperation, medianCpu, withCpu } from '../cpu.js';
import { latencyAtRate, latencyFigures, windowedThroughput } from '../load.js';
import { startPeer } from '../peer-process.js';
import { connectRawEcho } from '../raw-echo.js';
import { row, type ScenarioResult, target } from '../result.js';
import { settle } from './scale.js';

/** Parameters of the round-trip scenario. */
export interface RoundTripParameters {
  /** Messages per throughput measurement. */
  readonly messages: number;
  /** Messages in flight at once: one throughput measurement per window. */
  readonly windows: readonly number[];
  /** Rate of the latency measurement, messages per second. */
  readonly rate: number;
  /** Duration of the latency measurement, milliseconds. */
  readonly latencyMs: number;
  /** Bytes of text per message. */
  readonly textBytes: number;
  /** Alternating measurements per contender; the median is reported. */
  readonly rounds: number;
}

/** The size of the chat frame our client puts on the wire for `text`, so the raw baseline sends as much. */
function chatFrameBytes(text: string): number {
  return encodeMsg({
    version: 1,
    tm: Date.now(),
    msgType: 11,
    plainMsg: {
      chatData: {
        msgId: '1764450000000001',
        sendId: '1764450000000001',
        fromId: '10001',
        toId: '10002',
        tm: Date.now(),
        devId: '0123456789abcdef0123456789abcdef',
        msgType: ChatMsgType.TEXT,
        data: new TextEncoder().encode(text),
        chatType: 1,
      },
    },
  }).byteLength;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Runs the round-trip scenario: our client's `send()` → acknowledged, through the reference server in another
 * process, against raw `ws` echo of frames of the same size between the same two processes.
 */
export async function runRoundTrip(parameters: RoundTripParameters): Promise<ScenarioResult> {
  const peer = await startPeer();
  let client: Client | undefined;
  try {
    // The sends go round a set of receivers, as many as the largest window: the client keeps each conversation in
    // order (one chat in flight per conversation, chatsInOrder), so a window is a bot answering that many users at
    // once. The receivers follow the sender, so the sender may message them; they stay offline.
    const conversations = Math.max(1, ...parameters.windows);
    const [sender, ...receivers] = await peer.createUsers(1 + conversations, 'bench-password');
    for (const receiver of receivers) await peer.follow(receiver, sender!);
    client = createClient(
      { server: peer.serverUrl, credentials: { method: 'id', userId: sender!, password: 'bench-password' } },
      { connector: createNodeConnector(), ecdh: createNodeEcdh() },
    );
    await client.start();
    const text = 'x'.repeat(parameters.textBytes);
    const chats = receivers.map((receiver) => p2p(receiver));
    const ours = client;
    let next = 0;
    const sendOurs = async () => {
      const chat = chats[next]!;
      next = (next + 1) % chats.length;
      await ours.sendText(chat, text);
    };
    const raw = await connectRawEcho(peer.echoUrl, chatFrameBytes(text));

    // Warm both paths up (the JIT needs tens of thousands of messages to settle), then alternate rounds so
    // noise hits both alike; which contender goes first alternates too.
    const firstWindow = parameters.windows[0] ?? 64;
    await windowedThroughput(sendOurs, parameters.messages, firstWindow);
    await windowedThroughput(raw.roundTrip, parameters.messages, firstWindow);
    const throughputs = [];
    for (const window of parameters.windows) {
      const oursRates: number[] = [];
      const rawRates: number[] = [];
      const oursCpu: CpuPerOperation[] = [];
      const rawCpu: CpuPerOperation[] = [];
      for (let round = 0; round < parameters.rounds; round += 1) {
        const measureOurs = async () => {
          const { value, cpu } = await withCpu(peer, parameters.messages, () =>
            windowedThroughput(sendOurs, parameters.messages, window),
          );
          oursRates.push(value);
          oursCpu.push(cpu);
        };
        const measureRaw = async () => {
          const { value, cpu } = await withCpu(peer, parameters.messages, () =>
            windowedThroughput(raw.roundTrip, parameters.messages, window),
          );
          rawRates.push(value);
          rawCpu.push(cpu);
        };
        if (round % 2 === 0) {
          await measureOurs();
          await measureRaw();
        } else {
          await measureRaw();
          await measureOurs();
        }
      }
      throughputs.push({
        window,
        ours: median(oursRates),
        raw: median(rawRates),
        oursCpu: medianCpu(oursCpu),
        rawCpu: medianCpu(rawCpu),
      });
    }
    // Latency: two phases per contender, in the order ours, raw, raw, ours, with the latencies of both pooled.
    // Each phase starts from a settled heap (forced collections and a pause) and runs up to a second at the rate
    // unmeasured first, so that it measures the steady state of its own load. Run once each, ours straight after
    // the throughput rounds and raw after it, the two met different heaps (ours the collections the throughput
    // rounds left due, raw a young generation they had grown), and the p99 ratio swung between 1.2 and 7 with
    // the order alone; settled but not warmed, each met a young generation shrunk by the pause.
    const oursSamples: number[] = [];
    const rawSamples: number[] = [];
    for (const contender of ['ours', 'raw', 'raw', 'ours'] as const) {
      const send = contender === 'ours' ? sendOurs : raw.roundTrip;
      await settle();
      await latencyAtRate(send, parameters.rate, Math.min(1000, parameters.latencyMs));
      await latencyAtRate(
        send,
        parameters.rate,
        parameters.latencyMs,
        contender === 'ours' ? oursSamples : rawSamples,
      );
    }
    const oursLatency = latencyFigures(oursSamples, 2 * parameters.latencyMs);
    const rawLatency = latencyFigures(rawSamples, 2 * parameters.latencyMs);
    raw.close();
    return {
      id: 'roundtrip',
      title: 'Round trip: send() to acknowledged, one client',
      parameters: {
        ...parameters,
        windows: parameters.windows.join(','),
        frameBytes: chatFrameBytes(text),
      },
      rows: [
        ...throughputs.flatMap((figure) => [
          row(`throughput, window ${figure.window}`, 'msgs/s', figure.ours, figure.raw, 'raw ws echo'),
          row(
            `client CPU per message, window ${figure.window}`,
            'µs',
            figure.oursCpu.clientUs,
            figure.rawCpu.clientUs,
            'raw ws client',
          ),
          row(
            `server CPU per message, window ${figure.window} (reference server)`,
            'µs',
            figure.oursCpu.serverUs,
            figure.rawCpu.serverUs,
            'raw ws echo server',
          ),
        ]),
        row(
          `p50 latency at ${parameters.rate} msgs/s`,
          'ms',
          oursLatency.p50Ms,
          rawLatency.p50Ms,
          'raw ws echo',
        ),
        row(
          `p99 latency at ${parameters.rate} msgs/s`,
          'ms',
          oursLatency.p99Ms,
          rawLatency.p99Ms,
          'raw ws echo',
        ),
      ],
      targets: [
        ...throughputs.map((figure) =>
          target(`throughput ÷ raw ws echo, window ${figure.window}`, figure.ours / figure.raw, '>=', 0.7),
        ),
        target(
          `p99 latency ÷ raw ws echo at ${parameters.rate} msgs/s`,
          oursLatency.p99Ms / rawLatency.p99Ms,
          '<=',
          2,
        ),
      ],
      notes: [
        'Ours: client.sendText() resolves when the reference server acknowledged the message (stored as two P2P rows); each message crosses the process boundary twice, as a raw echo does.',
        `Ours sends round ${conversations} conversations (one per receiver), so a window of w is w conversations with one chat in flight each: the client sends the chats of one conversation one at a time, to keep their order on the server.`,
        `Rounds per contender: ${parameters.rounds}, alternating; medians reported.`,
        'CPU per message: the CPU time (user and system, every thread) this process and the peer process spent during a throughput round, divided by its messages; the peer runs the reference server for ours and the raw echo server for the baseline. With two processes on few cores, the throughput follows from both sides and from the waits between them; these rows say which side a gap comes from.',
        `Latency: ${parameters.rate} round trips a second in 10 ms ticks, two phases of ${parameters.latencyMs} ms per contender (ours, raw, raw, ours), each after settling the heap and up to one unmeasured second at the rate; percentiles over both phases' latencies.`,
      ],
    };
  } finally {
    await client?.stop();
    await peer.stop();
  }
}
