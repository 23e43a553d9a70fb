import type { Client, SendContent } from '@birdtalk/client';
import { StateError } from '@birdtalk/errors';
import type { Clock } from '@birdtalk/runtime';
import { BotErrorCode } from '../bot-errors.js';
import { type BotInfo, Context } from '../context.js';
import { compileFilterQueries, type Filter, type FilterQuery } from '../filter-query.js';
import type { MessageUpdate, Update } from '../update.js';
import { decodeValue, encodeValue, roundTrip } from './codec.js';
import type { ConversationRecord } from './record.js';

/** Options of {@link Conversation.wait}. */
export interface WaitOptions {
  /** Only messages it accepts are taken; the others go to the bot's other handlers (or to `otherwise`). */
  readonly filter?: (ctx: Context) => boolean | Promise<boolean>;
  /**
   * Called (once, not replayed) with a message of the conversation's user the filter refused, which then counts
   * as taken: typically a reply saying what is expected. Without it such messages go to the other handlers.
   */
  readonly otherwise?: (ctx: Context) => unknown;
  /**
   * How long to wait, in milliseconds; then the wait throws `ConversationTimeoutError` (uncaught, it ends the
   * conversation). The conversations' `waitTimeoutMs` by default; `Infinity` waits for ever.
   */
  readonly timeoutMs?: number;
}

/** A wait of a conversation ran out of time. */
export class ConversationTimeoutError extends StateError {
  override name = 'ConversationTimeoutError';
  constructor() {
    super(BotErrorCode.CONVERSATION_TIMEOUT, 'the conversation waited too long for an answer');
  }
}

/** Thrown by `conv.exit()` to end the conversation from anywhere in its code. */
class ConversationExit extends Error {}

/**
 * What a conversation's code gets: ways to wait for the next message of its user, and to act exactly once.
 *
 * The code is **replayed**: every new message runs it again from the top, with each `wait` returning what it
 * returned before and each action (`reply`, `ask`, `external`, `now`, and the replies of the contexts it is
 * given) returning its recorded result without running again, until the code reaches a wait that has no answer
 * yet. So: keep side effects inside actions, keep the order of waits and actions the same for the same answers
 * (no `Math.random()` or `Date.now()` outside `external`), and do one thing at a time (no parallel waits).
 */
export interface Conversation<C extends Context = Context> {
  /** The next message of the conversation's user that `filter` accepts. */
  wait(options?: WaitOptions): Promise<Context>;
  /** The next message matching a filter query, e.g. `'message:text'` or `['message:image', 'message:file']`. */
  waitFor<Q extends FilterQuery>(query: Q | readonly Q[], options?: WaitOptions): Promise<Filter<Context, Q>>;
  /** Sends to the conversation's chat (once), then waits like {@link Conversation.wait}. */
  ask(content: SendContent, options?: WaitOptions): Promise<Context>;
  /** Sends to the conversation's chat, once. */
  reply(content: SendContent): Promise<void>;
  /**
   * Runs `action` once and records its result (JSON data; `undefined` is fine), which replays return instead.
   * Its context is the update being handled; in the step a timeout drives, the update that entered the
   * conversation, rebuilt without what middleware added (such as `ctx.session`).
   */
  external<T>(action: (ctx: C) => T | Promise<T>): Promise<T>;
  /** The time, recorded once (milliseconds since the epoch). */
  now(): Promise<number>;
  /** Ends the conversation at once. */
  exit(): never;
}

/** A conversation's code: `ctx` is the update that entered it; `args` what `enter()` was given. */
export type ConversationBuilder<C extends Context = Context> = (
  conv: Conversation<C>,
  ctx: Context,
  args: unknown,
) => Promise<unknown>;

/** What drives a step: entering, a message of the conversation's user, or the pending wait's deadline. */
export type StepInput<C extends Context> =
  | { readonly kind: 'enter'; readonly ctx: C }
  | { readonly kind: 'message'; readonly update: MessageUpdate; readonly ctx: C }
  | { readonly kind: 'timeout'; readonly ctx: C };

/** How a step went. */
export interface StepResult {
  /** `waiting` at a new (or the same) wait, `done` (returned, exited, timed out), `failed` (threw). */
  readonly status: 'waiting' | 'done' | 'failed';
  /** Whether the input message was taken (by a wait or `otherwise`). */
  readonly taken: boolean;
  /** What the code threw, for `failed`. */
  readonly error?: unknown;
}

/** What a step needs besides the record. */
export interface StepEnv {
  readonly client: Client;
  readonly me: BotInfo;
  readonly clock: Clock;
  readonly waitTimeoutMs: number;
  readonly maxSteps: number;
  readonly keepSeen: number;
}

const NEVER = new Promise<never>(() => {});

/**
 * Runs a conversation's code once against its record and an input, and updates the record in place: the log
 * grows by what happened, `wait` says where it stopped. Returns once the code stops at a wait without an
 * answer, returns or throws.
 */
export async function runStep<C extends Context>(
  record: ConversationRecord,
  builder: ConversationBuilder<C>,
  input: StepInput<C>,
  env: StepEnv,
): Promise<StepResult> {
  let cursor = 0;
  let taken = false;
  let stopAtWait!: () => void;
  const stopped = new Promise<'waiting'>((resolve) => {
    stopAtWait = () => resolve('waiting');
  });
  const append = (entry: ConversationRecord['log'][number]): void => {
    if (record.log.length >= env.maxSteps) {
      throw new StateError(
        BotErrorCode.CONVERSATION_REPLAY,
        `the conversation ${JSON.stringify(record.name)} took more than ${env.maxSteps} steps`,
      );
    }
    record.log.push(entry);
    cursor += 1;
  };
  const recorded = (expected: 'wait' | 'action') => {
    const entry = record.log[cursor];
    if (entry === undefined) return undefined;
    const kind = entry.t === 'action' ? 'action' : 'wait';
    if (kind !== expected) {
      throw new StateError(
        BotErrorCode.CONVERSATION_REPLAY,
        `the conversation ${JSON.stringify(record.name)} asked for a ${expected} where its record has a ${kind}; was its code changed?`,
      );
    }
    cursor += 1;
    return entry;
  };

  const external = async <T>(action: (ctx: C) => T | Promise<T>): Promise<T> => {
    const entry = recorded('action');
    if (entry !== undefined) {
      const result = (entry as { readonly result: string | undefined }).result;
      return (result === undefined ? undefined : decodeValue(result)) as T;
    }
    const value = roundTrip(await action(input.ctx));
    append({ t: 'action', result: value === undefined ? undefined : encodeValue(value) });
    return value;
  };

  // The contexts the code gets send through `external`, so that their replies are not repeated by replays.
  const contextOf = (update: Update): Context =>
    new Context(update, guardedClient(env.client, external), env.me);

  const wait = async (options: WaitOptions = {}): Promise<Context> => {
    const entry = recorded('wait');
    if (entry !== undefined) {
      if (entry.t === 'timeout') throw new ConversationTimeoutError();
      return contextOf(decodeValue<Update>((entry as { readonly update: string }).update));
    }
    const deadline =
      record.wait?.at === cursor
        ? record.wait.deadline
        : deadlineOf(options.timeoutMs ?? env.waitTimeoutMs, env.clock);
    if (input.kind === 'timeout' && !taken && deadline !== undefined && deadline <= env.clock.now()) {
      taken = true;
      record.wait = undefined;
      append({ t: 'timeout' });
      throw new ConversationTimeoutError();
    }
    if (input.kind === 'message' && !taken) {
      const candidate = contextOf(input.update);
      const accepted = options.filter === undefined || (await options.filter(candidate));
      if (accepted) {
        taken = true;
        record.wait = undefined;
        remember(record, input.update.message.id, env.keepSeen);
        append({ t: 'message', update: encodeValue(input.update) });
        return candidate;
      }
      if (options.otherwise !== undefined) {
        taken = true;
        remember(record, input.update.message.id, env.keepSeen);
        await options.otherwise(input.ctx);
      }
    }
    record.wait = { at: cursor, deadline };
    stopAtWait();
    return NEVER;
  };

  const chat = record.chat;
  const conv: Conversation<C> = {
    wait,
    waitFor: async (query, options = {}) => {
      const matches = compileFilterQueries(query);
      const filter = options.filter;
      return (await wait({
        ...options,
        filter: async (ctx) => matches(ctx.update) && (filter === undefined || (await filter(ctx))),
      })) as never;
    },
    ask: async (content, options) => {
      await conv.reply(content);
      return wait(options);
    },
    reply: async (content) => {
      await external(async () => {
        await env.client.send(chat, content);
      });
    },
    external,
    now: () => external(() => env.clock.now()),
    exit: () => {
      throw new ConversationExit();
    },
  };

  // Rebuilt on every run, first included, so that the code sees the same context whether replayed or not.
  const entryCtx = contextOf(decodeValue(record.entry));
  const args = record.args === undefined ? undefined : decodeValue(record.args);
  try {
    const outcome = await Promise.race([
      (async () => {
        await builder(conv, entryCtx, args);
        return 'done' as const;
      })(),
      stopped,
    ]);
    if (outcome === 'done') record.wait = undefined;
    return { status: outcome, taken };
  } catch (error) {
    record.wait = undefined;
    if (error instanceof ConversationExit || error instanceof ConversationTimeoutError) {
      return { status: 'done', taken };
    }
    return { status: 'failed', taken, error };
  }
}

function deadlineOf(timeoutMs: number, clock: Clock): number | undefined {
  return Number.isFinite(timeoutMs) ? clock.now() + Math.max(0, timeoutMs) : undefined;
}

function remember(record: ConversationRecord, id: string, keep: number): void {
  record.seen.push(id);
  if (record.seen.length > keep) record.seen.splice(0, record.seen.length - keep);
}

/** The client, with its sends recorded as actions. */
function guardedClient(client: Client, external: <T>(action: () => T | Promise<T>) => Promise<T>): Client {
  const once =
    <A extends unknown[], R>(send: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      external(() => send(...args));
  const media = client.media;
  const guardedMedia = {
    ...media,
    sendFile: once(media.sendFile.bind(media)),
    sendImage: once(media.sendImage.bind(media)),
    sendVoice: once(media.sendVoice.bind(media)),
  } as Client['media'];
  return new Proxy(client, {
    get(target, property) {
      switch (property) {
        case 'send':
          return once(target.send.bind(target));
        case 'sendText':
          return once(target.sendText.bind(target));
        case 'reply':
          return once(target.reply.bind(target));
        case 'recall':
          return once(target.recall.bind(target));
        case 'markRead':
          return once(target.markRead.bind(target));
        case 'media':
          return guardedMedia;
        default: {
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        }
      }
    },
  });
}
