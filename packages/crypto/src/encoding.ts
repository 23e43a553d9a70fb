/**
 * Base64 and UTF-8 helpers that run unchanged in browsers and Node (no `Buffer`, no `atob`, which accepts
 * whitespace and loose padding that the Go server would refuse).
 */

const standardAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const urlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function reverse(alphabet: string): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i += 1) table[alphabet.charCodeAt(i)] = i;
  return table;
}

const standardTable = reverse(standardAlphabet);
const urlTable = reverse(urlAlphabet);

/** Which base64 flavour: RFC 4648 §4 (`+/`) or §5 (`-_`), and whether `=` padding is written or expected. */
export interface Base64Format {
  readonly alphabet: 'standard' | 'url';
  readonly padding: 'required' | 'forbidden' | 'optional';
}

/** What Go's `base64.StdEncoding` reads and writes: standard alphabet, padded. */
export const standardPadded: Base64Format = { alphabet: 'standard', padding: 'required' };
/** What Go's `base64.RawURLEncoding` reads and writes: URL alphabet, no padding. */
export const urlUnpadded: Base64Format = { alphabet: 'url', padding: 'forbidden' };

/** Encodes bytes as base64 in the given format (`'optional'` padding writes it). */
export function encodeBase64(bytes: Uint8Array, format: Base64Format): string {
  const alphabet = format.alphabet === 'url' ? urlAlphabet : standardAlphabet;
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += alphabet[n >>> 18]! + alphabet[(n >>> 12) & 63]! + alphabet[(n >>> 6) & 63]! + alphabet[n & 63]!;
  }
  const rest = bytes.length - i;
  const pad = format.padding !== 'forbidden';
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += alphabet[n >>> 18]! + alphabet[(n >>> 12) & 63]! + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += alphabet[n >>> 18]! + alphabet[(n >>> 12) & 63]! + alphabet[(n >>> 6) & 63]! + (pad ? '=' : '');
  }
  return out;
}

/**
 * Decodes base64 in the given format, or returns `undefined` when the text is not valid in it: a character
 * outside the alphabet (whitespace included), padding where none is allowed or missing where it is required,
 * or a length no encoder produces. Unused low bits of the last character are ignored, as Go's decoder does.
 */
export function decodeBase64(text: string, format: Base64Format): Uint8Array | undefined {
  const table = format.alphabet === 'url' ? urlTable : standardTable;
  let body = text;
  if (text.endsWith('=')) {
    if (format.padding === 'forbidden' || text.length % 4 !== 0) return undefined;
    body = text.endsWith('==') ? text.slice(0, -2) : text.slice(0, -1);
  } else if (format.padding === 'required' && text.length % 4 !== 0) {
    return undefined;
  }
  if (body.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (let i = 0; i < body.length; i += 1) {
    const code = body.charCodeAt(i);
    const value = code < 128 ? table[code]! : -1;
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (buffer >>> bits) & 0xff;
    }
  }
  return out;
}

const utf8Encoder = new TextEncoder();
const strictUtf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 bytes of `text`. */
export function utf8Bytes(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** The text of UTF-8 `bytes`, or `undefined` when they are not valid UTF-8. */
export function utf8TextStrict(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The text of `bytes` with invalid UTF-8 sequences replaced by U+FFFD. */
export function utf8TextLenient(bytes: Uint8Array): string {
  return lenientUtf8Decoder.decode(bytes);
}

/** Whether `text` has an unpaired UTF-16 surrogate, which UTF-8 encoding would silently replace. */
export function hasLoneSurrogate(text: string): boolean {
  return /\p{Surrogate}/u.test(text);
}

/** `a ‖ b` as a new array. */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
