import type { Client } from '@birdtalk/client';
import { InvalidArgumentError, isBirdTalkError, StateError } from '@birdtalk/errors';
import { type Clock, type Logger, silentLogger, systemClock } from '@birdtalk/runtime';
import { BotErrorCode } from '../bot-errors.js';
import { parseCommand } from '../command.js';
import type { MiddlewareFn, MiddlewareObj } from '../composer.js';
import { type BotInfo, Context } from '../context.js';
import { KeyedQueue } from '../sequencer.js';
import { createMemorySessionStorage, type SessionStorage } from '../session/storage.js';
import type { Update } from '../update.js';
import { decodeValue, encodeValue } from './codec.js';
import type { ConversationRecord } from './record.js';
import { RecordStore } from './record-store.js';
import { type ConversationBuilder, runStep, type StepEnv, type StepInput } from './replay.js';

/** What `ctx.conversation` offers: the conversation of this chat (or group member), and a way in and out. */
export interface ConversationControl {
  /** The name of the conversation in progress for the update's user and chat, if any. */
  readonly active: string | undefined;
  /**
   * Starts a conversation for the update's user in the update's chat, replacing the one in progress. Resolves
   * once its code reached its first wait (or ended).
   *
   * @throws InvalidArgumentError `BOT_CONVERSATION_UNKNOWN` for a name that was not defined;
   * StateError `BOT_NO_CHAT` for an update without a chat or a user.
   */
  enter(name: string, args?: unknown): Promise<void>;
  /** Ends the conversation in progress; resolves with whether there was one. */
  exit(): Promise<boolean>;
}

/** What a context gains from {@link conversations}: `ctx.conversation`. */
export interface ConversationFlavor {
  readonly conversation: ConversationControl;
}

/** Options of {@link conversations}. */
export interface ConversationsOptions<C extends Context> {
  /**
   * Where conversations in progress live, one record per chat (per member in groups). A persistent storage
   * (`storeSessionStorage` on a file or SQLite store) lets a restarted bot resume them at the same step.
   * Records are written with versions when the storage has them (every adapter here does), so bots in several
   * processes may share it: see {@link Conversations}.
   * @defaultValue memory
   */
  readonly storage?: SessionStorage<ConversationRecord>;
  /**
   * How many times an update runs again when its conversation changed under it (another process sharing the
   * storage took a step since it was read); then the update fails with `StateError BOT_CONVERSATION_CONFLICT`.
   * @defaultValue 20
   */
  readonly conflictRetries?: number;
  /** Commands that end the conversation in progress (and are taken by it). @defaultValue `['cancel']` */
  readonly cancelCommands?: readonly string[];
  /** Runs after a cancel command ended a conversation, e.g. to confirm it. */
  readonly onCancel?: (ctx: C) => unknown;
  /** How long a wait lasts unless it says otherwise, in milliseconds. @defaultValue 600000 (10 minutes) */
  readonly waitTimeoutMs?: number;
  /** The most steps (answers and actions) one conversation may record. @defaultValue 200 */
  readonly maxSteps?: number;
}

/** Collaborators of {@link conversations}. */
export interface ConversationsDeps {
  /** Times the waits; give it the client's fake clock in tests. */
  readonly clock?: Clock;
  /** Where failures of timeout steps go (no update is being handled then). */
  readonly logger?: Logger;
}

/** The defaults of {@link ConversationsOptions}. */
export const DEFAULT_CONVERSATIONS_OPTIONS = {
  conflictRetries: 20,
  cancelCommands: ['cancel'],
  waitTimeoutMs: 600_000,
  maxSteps: 200,
} as const;

/** Message ids kept per conversation to recognise a redelivered message. */
const KEEP_SEEN = 32;

/**
 * Conversations in the spirit of grammY's: write a dialogue as one async function that awaits the user's
 * answers, without blocking the chat and without deadlocks.
 *
 * @example
 * ```ts
 * type MyContext = Context & ConversationFlavor;
 * const convs = conversations<MyContext>({ storage: storeSessionStorage(store, { prefix: 'conv:' }) });
 * convs.define('order', async (conv) => {
 *   const dish = await conv.ask('what would you like?', { filter: (ctx) => ctx.text !== undefined });
 *   await conv.reply(`one ${dish.text}, coming up`);
 * });
 * bot.use(convs);
 * bot.command('order', (ctx) => ctx.conversation.enter('order'));
 * ```
 *
 * How it works, and what it asks of the code: the conversation's state is a log of what it received and did.
 * Each message of the conversation's user (in a group: of the member who entered it) runs the code again from
 * the top; waits and actions return what the log says, until the first wait without an answer, where the step
 * ends and the log is stored. The middleware returns at once, so the chat's queue moves on: a conversation
 * never holds up its chat, and its next answer is just the next update. Messages a wait takes do not reach
 * the middleware after this one; messages it refuses do. See {@link Conversation} for the rules of replay.
 *
 * Bots in several processes may share one storage: a record is written only if it is still at the version
 * the step read (the storage's versioned writes), and a step that finds it changed is not stored; the bot runs
 * its update again on the new record, as sessions do. No step is lost, and a message both processes received
 * is taken once (the record remembers the ids it took). What the lost step sent is not undone, and its rerun
 * may send again: where a repeated question matters, let one process own each chat (a fleet does).
 */
export class Conversations<C extends Context & ConversationFlavor> implements MiddlewareObj<C> {
  readonly #builders = new Map<string, ConversationBuilder<C>>();
  readonly #records: RecordStore;
  readonly #conflictRetries: number;
  /** The runs of each update that found its conversation changed; the bot runs it again with a new context. */
  readonly #conflicts = new WeakMap<Update, number>();
  readonly #cancel: ReadonlySet<string>;
  readonly #onCancel: ((ctx: C) => unknown) | undefined;
  readonly #waitTimeoutMs: number;
  readonly #maxSteps: number;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #queue = new KeyedQueue();
  readonly #timers = new Map<string, ReturnType<Clock['setTimeout']>>();
  readonly #watched = new WeakSet<Client>();

  /** @see {@link conversations} */
  constructor(options: ConversationsOptions<C> = {}, deps: ConversationsDeps = {}) {
    this.#records = new RecordStore(options.storage ?? createMemorySessionStorage<ConversationRecord>());
    this.#conflictRetries = options.conflictRetries ?? DEFAULT_CONVERSATIONS_OPTIONS.conflictRetries;
    if (!(Number.isInteger(this.#conflictRetries) && this.#conflictRetries >= 0)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'conflictRetries must be a whole number ≥ 0');
    }
    this.#cancel = new Set(
      (options.cancelCommands ?? DEFAULT_CONVERSATIONS_OPTIONS.cancelCommands).map((name) =>
        name.toLowerCase(),
      ),
    );
    this.#onCancel = options.onCancel;
    this.#waitTimeoutMs = options.waitTimeoutMs ?? DEFAULT_CONVERSATIONS_OPTIONS.waitTimeoutMs;
    this.#maxSteps = options.maxSteps ?? DEFAULT_CONVERSATIONS_OPTIONS.maxSteps;
    if (!(this.#waitTimeoutMs > 0)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'waitTimeoutMs must be a positive number');
    }
    if (!(Number.isInteger(this.#maxSteps) && this.#maxSteps > 0)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'maxSteps must be a positive integer');
    }
    this.#clock = deps.clock ?? systemClock;
    this.#logger = deps.logger ?? silentLogger;
  }

  /**
   * Defines a conversation under a name (`ctx.conversation.enter(name)` starts it). Stored conversations find
   * their code by this name after a restart, so keep names stable.
   *
   * @throws InvalidArgumentError `INVALID_ARGUMENT` for an empty or taken name, or a builder that is not a function.
   */
  define(name: string, builder: ConversationBuilder<C>): this {
    if (typeof name !== 'string' || name === '' || this.#builders.has(name)) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `a conversation needs a new name, not ${JSON.stringify(name)}`,
      );
    }
    if (typeof builder !== 'function') {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'a conversation needs a function');
    }
    this.#builders.set(name, builder);
    return this;
  }

  /** The middleware: feeds conversations their messages and gives every context `ctx.conversation`. */
  middleware(): MiddlewareFn<C> {
    return async (ctx, next) => {
      this.#watch(ctx.client);
      const key = conversationKeyOf(ctx);
      const state = { active: undefined as string | undefined };
      const control: ConversationControl = {
        get active() {
          return state.active;
        },
        enter: async (name, args) => {
          await this.#enter(ctx, key, name, args);
          state.active = (await this.#records.read(key ?? '')).record?.name;
        },
        exit: async () => {
          const ended = key !== undefined && (await this.#exit(key));
          state.active = undefined;
          return ended;
        },
      };
      Object.defineProperty(ctx, 'conversation', { value: control, configurable: true, enumerable: true });
      if (key === undefined) return next();
      const taken = await this.#queue.run(key, () => this.#offer(ctx, key, state));
      if (!taken) await next();
    };
  }

  /** Offers the update to the conversation of its key; resolves with whether it was taken. */
  async #offer(ctx: C, key: string, state: { active: string | undefined }): Promise<boolean> {
    const { record, version } = await this.#records.read(key);
    if (record === undefined) return false;
    state.active = record.name;
    const update = ctx.update;
    if (update.type !== 'message') return false;
    // Taken before a crash, and delivered again because the client had not yet recorded it as handled.
    if (record.seen.includes(update.message.id)) return true;
    const text = ctx.text;
    const command = text === undefined ? undefined : parseCommand(text, ctx.me.commandPrefixes);
    if (command !== undefined && this.#cancel.has(command.command)) {
      await this.#end(key);
      state.active = undefined;
      await this.#onCancel?.(ctx);
      return true;
    }
    // A wait that ran out while nothing drove it (the bot was down): it times out before the message is offered.
    const deadline = record.wait?.deadline;
    if (deadline !== undefined && deadline <= this.#clock.now()) {
      const result = await this.#step(key, record, version, { kind: 'timeout', ctx });
      if (result !== 'waiting') {
        state.active = undefined;
        return false;
      }
    }
    const { status, taken } = await this.#stepTaking(key, record, version, { kind: 'message', update, ctx });
    if (status !== 'waiting') state.active = undefined;
    return taken;
  }

  async #enter(ctx: C, key: string | undefined, name: string, args: unknown): Promise<void> {
    if (!this.#builders.has(name)) {
      throw new InvalidArgumentError(
        BotErrorCode.CONVERSATION_UNKNOWN,
        `no conversation is defined as ${JSON.stringify(name)}`,
      );
    }
    const chat = ctx.chat;
    const user = ctx.from;
    if (key === undefined || chat === undefined || user === undefined) {
      throw new StateError(BotErrorCode.NO_CHAT, `a ${ctx.type} update has no chat and user to talk with`);
    }
    await this.#queue.run(key, async () => {
      // The version of what it replaces: entering in two processes at once stores one of them.
      const { version } = await this.#records.read(key);
      const record: ConversationRecord = {
        version: 1,
        name,
        chat,
        user,
        entry: encodeValue(ctx.update),
        args: args === undefined ? undefined : encodeValue(args),
        log: [],
        // The entering message must not answer the first question if it is delivered again after a crash.
        seen: ctx.update.type === 'message' ? [ctx.update.message.id] : [],
        wait: undefined,
      };
      await this.#step(key, record, version, { kind: 'enter', ctx }, true);
    });
  }

  async #exit(key: string): Promise<boolean> {
    return this.#queue.run(key, async () => {
      const { record } = await this.#records.read(key);
      if (record === undefined) return false;
      await this.#end(key);
      return true;
    });
  }

  async #step(
    key: string,
    record: ConversationRecord,
    version: string | undefined,
    input: StepInput<C>,
    fresh = false,
  ) {
    return (await this.#stepTaking(key, record, version, input, fresh)).status;
  }

  /**
   * Runs one step, then stores the record (or deletes it when the conversation ended) if it is still at
   * `version`, and sets its timer.
   *
   * @throws StateError `BOT_CONVERSATION_CONFLICT` when another process changed the record meanwhile.
   */
  async #stepTaking(
    key: string,
    record: ConversationRecord,
    version: string | undefined,
    input: StepInput<C>,
    fresh = false,
  ) {
    const builder = this.#builders.get(record.name);
    if (builder === undefined) {
      this.#logger.warn('a stored conversation has no code any more; it ends', { conversation: record.name });
      await this.#end(key);
      return { status: 'done' as const, taken: false };
    }
    const before = fresh ? '' : JSON.stringify(record);
    const result = await runStep(record, builder, input, this.#env(input.ctx));
    if (result.status !== 'waiting') {
      this.#unschedule(key);
      if (!(await this.#records.write(key, undefined, version))) throw this.#conflict(input.ctx, key);
      if (result.status === 'failed') throw result.error;
      return result;
    }
    if (JSON.stringify(record) !== before && !(await this.#records.write(key, record, version))) {
      throw this.#conflict(input.ctx, key);
    }
    this.#schedule(key, record, input.ctx.client, input.ctx.me);
    return result;
  }

  /** The error that has the bot run the update again, on the record as the other process left it. */
  #conflict(ctx: C, key: string): StateError {
    const conflict = (this.#conflicts.get(ctx.update) ?? 0) + 1;
    this.#conflicts.set(ctx.update, conflict);
    return new StateError(
      BotErrorCode.CONVERSATION_CONFLICT,
      `the conversation ${JSON.stringify(key)} changed while a ${ctx.type} update was handled` +
        (conflict > this.#conflictRetries ? `, ${conflict} times` : ''),
      { details: { key, conflicts: conflict, rerun: conflict <= this.#conflictRetries } },
    );
  }

  #unschedule(key: string): void {
    this.#clock.clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
  }

  async #end(key: string): Promise<void> {
    this.#unschedule(key);
    await this.#records.delete(key);
  }

  #env(ctx: Context): StepEnv {
    return {
      client: ctx.client,
      me: ctx.me,
      clock: this.#clock,
      waitTimeoutMs: this.#waitTimeoutMs,
      maxSteps: this.#maxSteps,
      keepSeen: KEEP_SEEN,
    };
  }

  /** Times the pending wait out while the bot runs (after a restart, the next message does it). */
  #schedule(key: string, record: ConversationRecord, client: Client, me: BotInfo): void {
    this.#unschedule(key);
    const deadline = record.wait?.deadline;
    if (deadline === undefined) return;
    const timer = this.#clock.setTimeout(
      () => {
        this.#timers.delete(key);
        void this.#timeOut(key, deadline, client, me).catch((error: unknown) => {
          this.#logger.warn('a conversation failed after its wait timed out', {
            conversation: record.name,
            error: String(error),
          });
        });
      },
      Math.max(0, deadline - this.#clock.now()),
    );
    this.#timers.set(key, timer);
  }

  async #timeOut(key: string, deadline: number, client: Client, me: BotInfo): Promise<void> {
    await this.#queue.run(key, async () => {
      const { record, version } = await this.#records.read(key);
      // Moved on or ended meanwhile (here or in another process): that step set its own deadline.
      if (record?.wait?.deadline !== deadline) return;
      const ctx = new Context(decodeValue<Update>(record.entry), client, me) as C;
      try {
        await this.#step(key, record, version, { kind: 'timeout', ctx });
      } catch (error) {
        // Another process stored a step since the read: it scheduled the timer of the wait it left, so the
        // timeout is its to run (or the next message's), not a failure here.
        if (!isBirdTalkError(error, BotErrorCode.CONVERSATION_CONFLICT)) throw error;
      }
    });
  }

  /** Drops the timers when the client closes, so that a stopped bot leaves nothing running. */
  #watch(client: Client): void {
    if (this.#watched.has(client)) return;
    this.#watched.add(client);
    client.on('closed', () => {
      for (const timer of this.#timers.values()) this.#clock.clearTimeout(timer);
      this.#timers.clear();
    });
  }
}

/**
 * Creates the conversations middleware; define conversations on it, then `bot.use()` it before the handlers
 * that should not see the answers. See {@link Conversations}.
 *
 * @throws InvalidArgumentError `INVALID_ARGUMENT` for a `waitTimeoutMs` or `maxSteps` that cannot work.
 */
export function conversations<C extends Context & ConversationFlavor>(
  options: ConversationsOptions<C> = {},
  deps: ConversationsDeps = {},
): Conversations<C> {
  return new Conversations<C>(options, deps);
}

/** Whose conversation an update belongs to: the P2P chat, or one member of a group. */
export function conversationKeyOf(ctx: Context): string | undefined {
  const chat = ctx.chat;
  const from = ctx.from;
  if (chat === undefined || from === undefined) return undefined;
  return chat.type === 'p2p' ? `p2p:${chat.userId}` : `group:${chat.groupId}:${from}`;
}
