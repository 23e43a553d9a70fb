import type { Clock } from '@birdtalk/runtime';

/**
 * Resolves `true` once `promise` settles (fulfilled or rejected), or `false` at `deadline` on `clock`, whichever
 * comes first. Never rejects, and leaves no timer behind.
 */
export async function settlesBy(promise: Promise<unknown>, deadline: number, clock: Clock): Promise<boolean> {
  const remaining = deadline - clock.now();
  if (remaining <= 0) return false;
  const settled = promise.then(
    () => true,
    () => true,
  );
  let timer: ReturnType<Clock['setTimeout']> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = clock.setTimeout(() => resolve(false), remaining);
  });
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clock.clearTimeout(timer);
  }
}
