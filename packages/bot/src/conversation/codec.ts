import { DecodeError } from '@birdtalk/errors';
import { BotErrorCode } from '../bot-errors.js';

// Updates hold raw protobuf messages: bytes (`data`) that JSON cannot carry. They are tagged objects in the
// stored text, so that a message a conversation consumed comes back exactly as it arrived.
const BYTES = '$bytes';
const BIGINT = '$bigint';

/** JSON text of a value that may hold `Uint8Array`s and bigints. */
export function encodeValue(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Uint8Array) return { [BYTES]: toBase64(item) };
    // A delivery's signal belongs to the run that handled it; a rebuilt context gets one that never aborts.
    if (item instanceof AbortSignal) return undefined;
    if (typeof item === 'bigint') return { [BIGINT]: item.toString() };
    return item;
  });
}

/**
 * The value of {@link encodeValue}'s text.
 *
 * @throws DecodeError `BOT_SESSION_DAMAGED` for text that is not such JSON.
 */
export function decodeValue<T>(text: string): T {
  try {
    return JSON.parse(text, (_key, item: unknown) => {
      if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
        const tagged = item as Record<string, unknown>;
        const keys = Object.keys(tagged);
        if (keys.length === 1 && typeof tagged[BYTES] === 'string') return fromBase64(tagged[BYTES]);
        if (keys.length === 1 && typeof tagged[BIGINT] === 'string') return BigInt(tagged[BIGINT]);
      }
      return item;
    }) as T;
  } catch (cause) {
    throw new DecodeError(BotErrorCode.SESSION_DAMAGED, 'a stored conversation is damaged', { cause });
  }
}

/** A copy of a value as it would come back from storage, so that a first run and its replays see the same. */
export function roundTrip<T>(value: T): T {
  if (value === undefined) return value;
  return decodeValue<T>(encodeValue(value));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
