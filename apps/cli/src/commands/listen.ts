import type { ChatMessage, Client, ClientClosedEvent } from '@birdtalk/client';
import { type Command, noMorePositionals, parseNumber } from '../command.js';
import { openStored, STOP_DRAIN_MS } from '../connect.js';
import { parseCommand } from '../context.js';
import { CliError, CliErrorCode } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import {
  messageRecord,
  messageText,
  recallRecord,
  receiptRecord,
  userInfoRecord,
  userInfoText,
} from '../format.js';

/** `birdtalk listen`: prints what arrives until interrupted, a count is reached or a timeout passes. */
export const listenCommand: Command = {
  name: 'listen',
  summary: 'print incoming messages (and, with --json, receipts and events)',
  usage: `usage: birdtalk listen [--count N] [--timeout S]

Prints messages as they arrive, starting with those that arrived since the last listen (or login),
until Ctrl-C, N messages, or S seconds. With --json, receipts, recalls, friend and group events are
printed too, and a first {"type":"ready"} line says when listening started.
Ends with exit code 0 at Ctrl-C (or SIGTERM), N messages or S seconds; 1 when --count N was given and
fewer arrived before --timeout; 4 when the server cannot be reached at the start, 5 when its certificate
is refused. A lost connection is retried; when the connection ends for good, the exit code says why
(3: the server no longer accepts the stored key).`,
  async run(ctx, argv) {
    const { values, positionals } = parseCommand(argv, {
      count: { type: 'string' },
      timeout: { type: 'string' },
    });
    noMorePositionals(positionals, 0);
    const count = parseNumber(values.count, 'count', 1);
    const timeoutS = parseNumber(values.timeout, 'timeout', 0);
    const out = ctx.out;
    let shown = 0;
    let held = 0;
    // Why the client ended by itself: its error gives the message and the exit code.
    let closedBy: ClientClosedEvent | undefined;
    let finish!: (reason: 'count' | 'timeout' | 'interrupt' | 'closed') => void;
    const finished = new Promise<'count' | 'timeout' | 'interrupt' | 'closed'>((resolve) => {
      finish = resolve;
    });
    const onMessage = (message: ChatMessage): Promise<void> | undefined => {
      if (count !== undefined && shown >= count) {
        // Not shown, so not handled: it stays unread for the next listen.
        held += 1;
        return new Promise<void>(() => {});
      }
      shown += 1;
      out.result(messageRecord(message), messageText(message));
      if (count !== undefined && shown >= count) finish('count');
      return undefined;
    };
    const subscribe = (client: Client): void => {
      client.on('message', onMessage);
      client.on('recall', (recall) => {
        out.result(recallRecord(recall), `[recall] ${recall.by} recalled message ${recall.id}`);
      });
      client.on('friend', (event) => {
        if (event.kind === 'own-operation') {
          out.result({ type: 'friend', kind: event.kind, operation: event.operation, userId: event.userId });
        } else {
          out.result(
            { type: 'friend', kind: event.kind, userId: event.by.userId, userName: event.by.userName },
            `[friend] ${event.by.userName} (${event.by.userId}) ${event.kind === 'followed' ? 'follows you now' : 'stopped following you'}`,
          );
        }
      });
      client.on('group', (event) => {
        const { kind, groupId, by } = event;
        out.result({ type: 'group-event', kind, groupId, ...(by === undefined ? {} : { by }) });
      });
      if (out.json) client.on('receipt', (receipt) => out.result(receiptRecord(receipt)));
      client.on('closed', (event) => {
        closedBy = event;
        finish('closed');
      });
    };
    const connection = await openStored(ctx, { store: 'file', autoReceipts: true, beforeStart: subscribe });
    const { client, user, server } = connection;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onInterrupt = (): void => finish('interrupt');
    try {
      out.result({ ...userInfoRecord(user, server), type: 'ready' });
      out.note(`listening as ${userInfoText(user, server)}; Ctrl-C to stop`);
      if (timeoutS !== undefined) timer = setTimeout(() => finish('timeout'), timeoutS * 1000);
      if (ctx.io.interrupt.aborted) finish('interrupt');
      else ctx.io.interrupt.addEventListener('abort', onInterrupt, { once: true });
      if (count !== undefined && shown >= count) finish('count');
      const reason = await finished;
      if (reason === 'closed') {
        if (closedBy?.error !== undefined) throw closedBy.error;
        throw new CliError(
          CliErrorCode.CONNECTION_CLOSED,
          `the connection to ${server} ended (${closedBy?.reason ?? 'closed'})`,
          ExitCode.FAILURE,
        );
      }
      if (reason === 'timeout' && count !== undefined && shown < count) {
        throw new CliError(
          CliErrorCode.TOO_FEW_MESSAGES,
          `${shown} of ${count} message(s) arrived within ${timeoutS} s`,
          ExitCode.FAILURE,
        );
      }
    } finally {
      clearTimeout(timer);
      ctx.io.interrupt.removeEventListener('abort', onInterrupt);
      // Messages held back past --count are abandoned quickly: they are fetched again by the next listen.
      await client.stop({ drainTimeoutMs: held > 0 ? 100 : STOP_DRAIN_MS });
    }
  },
};
