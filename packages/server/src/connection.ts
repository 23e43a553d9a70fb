import { isBirdTalkError } from '@birdtalk/errors';
import { decodeMsg, ErrorMsgType, type Msg } from '@birdtalk/proto';
import type { TimerHandle } from '@birdtalk/runtime';
import type { Transport } from '@birdtalk/transport';
import type { ServerContext } from './context.js';
import { dispatch } from './dispatch.js';
import { REAL_SEND_QUEUE_LIMIT } from './faults.js';
import { onSessionClosed } from './handlers/account.js';
import { HAZARDS, HazardSignal } from './hazards.js';
import { Session, type SessionLink } from './session.js';
import { sendError } from './wire.js';

/** Lets the server answer (or, under a fault, ignore) the client's pings itself. */
export interface PingControl {
  onPing(listener: (data: Uint8Array) => void): void;
  pong(data: Uint8Array): void;
}

/** Extra facts about a connection. */
export interface ConnectionOptions {
  /** Present when the transport does not answer pings on its own. */
  pingControl?: PingControl;
  /** The platform sniffed from the User-Agent ("Windows", "Android" or "Unknown"). */
  platform?: string;
  /** Whether the transport enforces the frame size limit itself (the `ws` server does). */
  enforcesFrameLimit?: boolean;
}

type Outgoing =
  | { kind: 'frame'; data: Uint8Array; due: number }
  | { kind: 'text'; text: string; due: number }
  | { kind: 'end'; due: number };

/**
 * Serves one connection as the real server's read and write loops do: frames are handled one at a time, in
 * order; a ping goes out every `pingIntervalMs`; a connection that sends nothing and answers no ping for
 * `idleTimeoutMs` gets the text frame `stop` and is dropped without a close frame.
 */
export function serveConnection(
  ctx: ServerContext,
  transport: Transport,
  options: ConnectionOptions = {},
): Session {
  const { clock, config, faults } = ctx;
  const queue: Outgoing[] = [];
  let flushTimer: TimerHandle | undefined;
  let idleTimer: TimerHandle | undefined;
  let closed = false;
  let framesReceived = 0;

  // A slow reader: the writer hands the client one frame per interval (`nextWriteAt`), or none while stalled.
  let nextWriteAt = 0;
  const slowReader = (): boolean =>
    faults.current.readerStalled === true || (faults.current.slowReaderIntervalMs ?? 0) > 0;

  const flush = (): void => {
    clock.clearTimeout(flushTimer);
    flushTimer = undefined;
    const now = clock.now();
    while (queue.length > 0 && queue[0]!.due <= now) {
      if (closed || faults.current.readerStalled) return;
      const interval = faults.current.slowReaderIntervalMs ?? 0;
      if (interval > 0 && now < nextWriteAt) {
        flushTimer = clock.setTimeout(flush, nextWriteAt - now);
        return;
      }
      if (interval > 0) nextWriteAt = now + interval;
      const item = queue.shift()!;
      try {
        if (item.kind === 'frame') transport.send(item.data);
        else if (item.kind === 'text') transport.sendText(item.text);
        else {
          drop();
          return;
        }
      } catch (error) {
        ctx.logger.debug('send failed', { error: String(error) });
      }
    }
    const head = queue[0];
    if (head !== undefined && !closed) flushTimer = clock.setTimeout(flush, Math.max(0, head.due - now));
  };

  const enqueue = (item: Outgoing): void => {
    // The real server's SendMessage drops a frame silently when the send queue is full; that happens only
    // while the writer is blocked on a slow reader. The end of the connection is never dropped.
    if (item.kind !== 'end') {
      const limit = faults.current.sendQueueLimit ?? REAL_SEND_QUEUE_LIMIT;
      const outboundDrop = item.kind === 'frame' && faults.roll(faults.current.dropOutboundProbability);
      if (outboundDrop || (slowReader() && queue.length >= limit)) {
        faults.countDrop();
        return;
      }
    }
    queue.push(item);
    if (flushTimer === undefined && queue.length === 1) flush();
  };

  const due = (): number => clock.now() + Math.max(0, faults.current.replyDelayMs ?? 0);

  const link: SessionLink = {
    sendFrame(frame, kind) {
      if (closed || faults.current.silent) return;
      if (kind === 'ack' && faults.roll(faults.current.swallowAckProbability)) return;
      enqueue({ kind: 'frame', data: frame, due: due() });
    },
    sendText(text) {
      if (closed || faults.current.silent) return;
      enqueue({ kind: 'text', text, due: due() });
    },
    stop(text) {
      if (closed) return;
      if (text !== undefined && !faults.current.silent) enqueue({ kind: 'text', text, due: due() });
      enqueue({ kind: 'end', due: due() });
    },
    abort() {
      drop();
    },
  };

  const session = new Session(ctx.ids.next(), link, options.platform);
  ctx.sessions.set(session.sid, session);

  // A cleared slow-reader fault lets the queue drain at once.
  const stopWatchingFaults = faults.onChange(() => {
    if (!closed && queue.length > 0) flush();
  });

  const cleanup = (): void => {
    if (closed) return;
    closed = true;
    stopWatchingFaults();
    queue.length = 0;
    clock.clearTimeout(flushTimer);
    clock.clearTimeout(idleTimer);
    clock.clearInterval(pingTimer);
    session.stopping = true;
    onSessionClosed(ctx, session);
  };

  /** Drops the connection abruptly: no close frame, so the client sees 1006. */
  const drop = (): void => {
    if (closed) return;
    cleanup();
    transport.terminate();
  };

  // The read deadline moves with every frame; rather than re-arming a timer per frame, remember when the last
  // one came and let a single timer check, re-arming itself for the time that remains.
  let lastActivity = clock.now();
  const checkIdle = (): void => {
    idleTimer = undefined;
    if (closed) return;
    const remaining = lastActivity + config.idleTimeoutMs - clock.now();
    if (remaining <= 0) session.stop('stop');
    else idleTimer = clock.setTimeout(checkIdle, remaining);
  };
  const armIdle = (): void => {
    lastActivity = clock.now();
    if (idleTimer === undefined) idleTimer = clock.setTimeout(checkIdle, config.idleTimeoutMs);
  };

  const pingTimer = clock.setInterval(() => {
    if (closed || faults.current.ignorePings || faults.current.silent) return;
    transport.ping();
  }, config.pingIntervalMs);

  const onHazard = (signal: HazardSignal): void => {
    ctx.hazards.record(signal.hazard, signal.message);
    ctx.logger.warn('request would crash the real server', { hazard: signal.hazard, detail: signal.message });
    if (config.strict) {
      // The real server's process exits: every client loses its connection, and only the databases remain.
      for (const other of [...ctx.sessions.values()]) other.abort();
      drop();
      return;
    }
    sendError(
      ctx,
      session,
      ErrorMsgType.ErrTServerInside,
      `reference server: this request crashes the real server (${signal.hazard}: ${HAZARDS[signal.hazard]})`,
      { hazard: signal.hazard },
    );
  };

  const onFrame = (frame: Uint8Array): void => {
    if (closed || session.stopping) return;
    armIdle();
    framesReceived += 1;
    const limit = faults.current.dropAfterFrames;
    if (
      (limit !== undefined && limit > 0 && framesReceived >= limit) ||
      faults.roll(faults.current.dropProbability)
    ) {
      drop();
      return;
    }
    if (!options.enforcesFrameLimit && frame.byteLength > config.maxFrameBytes) {
      cleanup();
      transport.close(1009, 'message too big');
      return;
    }
    let msg: Msg;
    try {
      msg = decodeMsg(frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER });
    } catch (error) {
      onHazard(new HazardSignal('malformed-frame', isBirdTalkError(error) ? error.message : String(error)));
      return;
    }
    try {
      dispatch(ctx, session, msg);
    } catch (error) {
      if (error instanceof HazardSignal) {
        onHazard(error);
        return;
      }
      // The reference server must never fail on input; if it does, say so loudly but keep serving.
      ctx.hazards.record('internal-error', String(error));
      ctx.logger.error('request handler failed', { error: String(error), msgType: msg.msgType });
      sendError(ctx, session, ErrorMsgType.ErrTServerInside, 'reference server: internal error');
    }
  };

  transport.on('frame', onFrame);
  transport.on('text', (text) => {
    if (closed || session.stopping) return;
    armIdle();
    link.sendText(`recv msg:${text}`);
  });
  transport.on('pong', () => {
    if (!closed) armIdle();
  });
  transport.on('close', cleanup);
  options.pingControl?.onPing((data) => {
    if (closed) return;
    if (!faults.current.ignorePings && !faults.current.silent) options.pingControl?.pong(data);
  });
  armIdle();
  if (transport.state !== 'open') cleanup();
  return session;
}
