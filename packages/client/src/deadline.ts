import type { Clock } from '@birdtalk/runtime';
import type { Session } from '@birdtalk/session';

/** Resolves `true` once `promise` settles (either way), or `false` at `deadline` on `clock`. */
export async function settlesBy(clock: Clock, promise: Promise<unknown>, deadline: number): Promise<boolean> {
  const remaining = deadline - clock.now();
  if (remaining <= 0) return false;
  let timer: ReturnType<Clock['setTimeout']> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = clock.setTimeout(() => resolve(false), remaining);
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clock.clearTimeout(timer);
  }
}

/** Resolves once the session's outbox is empty (or the session closed). */
export function outboxSettled(session: Session): Promise<void> {
  if (session.outboxSize === 0 || session.state === 'closed') return Promise.resolve();
  return new Promise((resolve) => {
    const check = (): void => {
      if (session.outboxSize > 0 && session.state !== 'closed') return;
      for (const off of offs) off();
      resolve();
    };
    const offs = [
      session.on('chat-acked', () => queueMicrotask(check)),
      session.on('chat-failed', () => queueMicrotask(check)),
      session.on('closed', () => queueMicrotask(check)),
    ];
  });
}
