/** The `name` of every error class this package defines. */
export type BirdTalkErrorName =
  | 'BirdTalkError'
  | 'DecodeError'
  | 'EncodeError'
  | 'CryptoError'
  | 'TransportError'
  | 'ProtocolError'
  | 'RefusedError'
  | 'InvalidArgumentError'
  | 'StateError'
  | 'TimeoutError'
  | 'AbortError';

const knownNames: ReadonlySet<string> = new Set<BirdTalkErrorName>([
  'BirdTalkError',
  'DecodeError',
  'EncodeError',
  'CryptoError',
  'TransportError',
  'ProtocolError',
  'RefusedError',
  'InvalidArgumentError',
  'StateError',
  'TimeoutError',
  'AbortError',
]);

interface ErrorShape {
  readonly name: string;
  readonly code: string;
  readonly message: string;
}

/**
 * Whether `value` is a BirdTalk SDK error, optionally with the given `code`.
 *
 * It inspects `name` and `code` instead of using `instanceof`, so it recognises errors created by another copy
 * of the package.
 */
export function isBirdTalkError(value: unknown, code?: string): value is ErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const { name, code: actual } = value as { name?: unknown; code?: unknown };
  if (typeof name !== 'string' || typeof actual !== 'string' || !knownNames.has(name)) return false;
  return code === undefined || actual === code;
}

/** Whether `value` is a BirdTalk SDK error of the class called `name`. */
export function hasErrorName(value: unknown, name: BirdTalkErrorName): value is ErrorShape {
  return isBirdTalkError(value) && value.name === name;
}

/**
 * Yields `error`, then its `cause`, then that one's `cause`, and so on. Stops at a cycle or after 32 steps.
 */
export function* walkCauses(error: unknown): Generator<unknown, void, undefined> {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current) && seen.size < 32) {
    seen.add(current);
    yield current;
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
}
