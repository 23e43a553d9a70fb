// The session reports through the shared typed EventHub of @birdtalk/runtime.
export type { ListenOptions } from '@birdtalk/runtime';

/** A short description of a thrown value for a log line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string'
      ? `${error.name} ${code}: ${error.message}`
      : `${error.name}: ${error.message}`;
  }
  return String(error);
}
