import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEchoBot } from '@birdtalk/app-echo-bot';
import type { Bot } from '@birdtalk/bot';
import { describeStartupError as describeError } from '@birdtalk/bot/node';
import { type ChatMessage, type Client, group, p2p } from '@birdtalk/client';
import { createNodeClient } from '@birdtalk/client/node';
import { type BirdTalkServer, createServer, type Hazard } from '@birdtalk/server';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Receives each transcript line as it happens; nothing by default (the result holds them all). */
  readonly write?: (line: string) => void;
  /**
   * The whole demo's deadline, in milliseconds: past it, the demo fails instead of waiting any longer.
   * @defaultValue 30000
   */
  readonly timeoutMs?: number;
}

/** How a demo run went. */
export interface DemoResult {
  /** 0 when every step worked and nothing was sent that would crash the real server; 1 otherwise. */
  readonly exitCode: 0 | 1;
  /** The transcript, line by line (the failure line last, when it failed). */
  readonly transcript: readonly string[];
  /** The requests that would have crashed the real server (none, when it went well). */
  readonly hazards: readonly Hazard[];
}

/** The defaults of {@link DemoOptions}. */
export const DEFAULT_DEMO_OPTIONS = { timeoutMs: 30_000 } as const;

/** The file the demo shares in the group. */
const AGENDA = new TextEncoder().encode(
  'Book club, Thursday 8 pm\n1. The chapter we read\n2. What we read next\n3. Snacks\n',
);

/**
 * Runs the whole BirdTalk story on a reference server in this process: registers two people and a bot, runs
 * the echo bot, and plays a scripted conversation (private chats, a group, a file), writing a transcript of who
 * said what to whom. Every step waits for the message to arrive at its recipient, and the run as a whole has a
 * deadline, so it can never hang. Resolves (never rejects) with the exit code and the transcript.
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DEMO_OPTIONS.timeoutMs;
  const transcript: string[] = [];
  const say = (line: string): void => {
    transcript.push(line);
    options.write?.(line);
  };
  const deadline = AbortSignal.timeout(timeoutMs);
  const started = Date.now();
  const stage: Stage = { server: undefined, clients: [], bot: undefined, dir: undefined };
  let exitCode: 0 | 1 = 0;
  let hazards: readonly Hazard[] = [];
  const playing = play(stage, say, deadline);
  playing.catch(() => {});
  try {
    await withDeadline(playing, deadline, timeoutMs);
    hazards = stage.server?.hazards() ?? [];
    const count = transcript.filter((line) => line.includes(' → ')).length;
    if (hazards.length > 0) {
      exitCode = 1;
      say(`demo failed: ${hazards.length} request(s) would have crashed the real server: ${names(hazards)}`);
    } else {
      say('');
      say(
        `done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${count} messages, no request that would crash the real server`,
      );
    }
  } catch (error) {
    exitCode = 1;
    hazards = stage.server?.hazards() ?? [];
    say(`demo failed: ${describeError(error, stage.server?.url ?? 'the server')}`);
  } finally {
    // Past the deadline the script stops at its next step; let it, so that nothing it sets up outlives the demo.
    await Promise.race([
      playing.catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
    ]);
    await tearDown(stage);
  }
  return { exitCode, transcript, hazards };
}

/** What the demo set up, so that it can be torn down whatever happened. */
interface Stage {
  server: BirdTalkServer | undefined;
  clients: Client[];
  bot: Bot | undefined;
  dir: string | undefined;
}

async function play(stage: Stage, say: (line: string) => void, signal: AbortSignal): Promise<void> {
  const step = (): void => {
    if (signal.aborted) throw new Error('timed out');
  };
  const server = await createServer({ port: 0 });
  stage.server = server;
  stage.dir = await mkdtemp(join(tmpdir(), 'birdtalk-demo-'));
  const dir = stage.dir;
  step();
  say(`BirdTalk demo on a reference server at ${server.url}`);

  const person = async (userName: string): Promise<Client> => {
    step();
    const client = createNodeClient({
      server: server.url,
      credentials: { method: 'register', userName, password: `${userName}-demo-password` },
      stateDir: join(dir, userName),
    });
    stage.clients.push(client);
    await client.start();
    return client;
  };
  const alice = await person('alice');
  const bob = await person('bob');
  const bot = createEchoBot({
    server: server.url,
    credentials: { method: 'register', userName: 'echo-bot', password: 'echo-bot-demo-password' },
    stateDir: join(dir, 'echo-bot'),
  });
  stage.bot = bot;
  step();
  await bot.start();
  const aliceId = idOf(alice);
  const bobId = idOf(bob);
  const botId = idOf(bot.client);
  const nameOf = new Map([
    [aliceId, 'alice'],
    [bobId, 'bob'],
    [botId, 'echo-bot'],
  ]);
  say(
    `registered alice (id ${aliceId}), bob (id ${bobId}) and echo-bot (id ${botId}); the echo bot is running`,
  );

  /** Sends, waits until the recipient has it, and writes the line. */
  const converse = async (
    from: Client,
    to: Client,
    target: ReturnType<typeof p2p>,
    text: string,
    where: string,
  ): Promise<void> => {
    const arrived = nextMessage(
      to,
      (message) => message.from === idOf(from) && message.text === text,
      signal,
    );
    await from.sendText(target, text);
    await arrived;
    say(`${nameOf.get(idOf(from))} → ${where}: ${text}`);
  };
  /** Sends, and writes the line of the answer `from` gets back from the bot. */
  const askBot = async (from: Client, target: ReturnType<typeof p2p>, text: string, where: string) => {
    const answer = nextMessage(
      from,
      (message) => message.from === botId && sameChat(message, target),
      signal,
    );
    await from.sendText(target, text);
    say(`${nameOf.get(idOf(from))} → ${where}: ${text}`);
    say(`echo-bot → ${where === 'echo-bot' ? nameOf.get(idOf(from)) : where}: ${(await answer).text}`);
  };

  say('');
  step();
  say('— a private chat with the bot —');
  const followedBack = quiet(
    alice.once('friend', {
      filter: (event) => event.kind === 'followed' && event.by.userId === botId,
      signal,
    }),
  );
  await alice.friends.follow(botId);
  await followedBack;
  say(
    'alice follows echo-bot, and echo-bot follows her back (a user can only write to someone who follows them)',
  );
  await askBot(alice, p2p(botId), 'hello, echo bot!', 'echo-bot');
  await askBot(alice, p2p(botId), '/time', 'echo-bot');

  say('');
  step();
  say('— a private chat between people —');
  await alice.friends.follow(bobId);
  await bob.friends.follow(aliceId);
  say('alice and bob follow each other');
  await converse(alice, bob, p2p(bobId), 'hi bob, are you coming on Thursday?', 'bob');
  await converse(bob, alice, p2p(aliceId), 'yes, see you at eight', 'alice');

  say('');
  step();
  say('— a group —');
  // Members learn that they are in a new group from the server's notice, which may come after the reply.
  const told = [bob, bot.client].map((member) =>
    quiet(member.once('group', { filter: (event) => event.kind === 'group-created', signal })),
  );
  const club = await alice.groups.create({ name: 'book club', members: [bobId, botId] });
  const room = group(club.groupId);
  await Promise.all(told);
  say(`alice created the group "book club" (id ${club.groupId}) with bob and echo-bot`);
  await askBot(bob, room, '/ping', 'book club');
  await converse(alice, bob, room, 'I am sharing the agenda', 'book club');

  const shared = nextMessage(
    bob,
    (message) => message.from === aliceId && message.attachment !== undefined,
    signal,
  );
  await alice.media.sendFile(room, AGENDA, { name: 'agenda.txt', mime: 'text/plain' });
  const attachment = (await shared).attachment;
  say(`alice → book club: [file ${attachment?.name}, ${attachment?.size} bytes]`);
  const ref = attachment?.ref;
  if (ref === undefined) throw new Error('the file message carried no stored name');
  const downloaded = await bob.files.downloadBytes(ref, { signal });
  const identical =
    downloaded.byteLength === AGENDA.byteLength && downloaded.every((b, i) => b === AGENDA[i]);
  if (!identical) throw new Error('the downloaded file differs from the one alice sent');
  say(`bob downloaded ${attachment?.name}: ${downloaded.byteLength} bytes, identical to what alice sent`);
}

async function tearDown(stage: Stage): Promise<void> {
  const drain = { drainTimeoutMs: 2_000 };
  await Promise.allSettled([
    stage.bot?.stop({ timeoutMs: 2_000 }),
    ...stage.clients.map((client) => client.stop(drain)),
  ]);
  await stage.server?.close().catch(() => {});
  if (stage.dir !== undefined) await rm(stage.dir, { recursive: true, force: true }).catch(() => {});
}

function idOf(client: Client): string {
  const id = client.user?.userId;
  if (id === undefined) throw new Error('a client is not logged in');
  return id;
}

function sameChat(message: ChatMessage, target: ReturnType<typeof p2p>): boolean {
  if (target.type === 'group')
    return message.chat.type === 'group' && message.chat.groupId === target.groupId;
  return message.chat.type === 'p2p';
}

function nextMessage(
  client: Client,
  accept: (message: ChatMessage) => boolean,
  signal: AbortSignal,
): Promise<ChatMessage> {
  return quiet(client.once('message', { filter: accept, signal }));
}

/** `promise`, marked as handled: a step that fails first leaves later waits behind, which must not crash. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

function withDeadline<T>(work: Promise<T>, signal: AbortSignal, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error(`timed out after ${timeoutMs / 1000} s`));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? new Error(`timed out after ${timeoutMs / 1000} s`) : error);
      },
    );
  });
}

function names(hazards: readonly Hazard[]): string {
  return [...new Set(hazards.map((hazard) => hazard.name))].join(', ');
}
