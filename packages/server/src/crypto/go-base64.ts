const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Padded standard base64 with no line breaks: whole quanta, at most two `=` and only at the end. */
const WELL_FORMED_STD = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The outcome of a Go-compatible base64 decode. */
export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/**
 * Decodes base64 the way Go's `encoding/base64` does, including its error text
 * (`illegal base64 data at input byte N`), because the server echoes that text in error details.
 *
 * `padded` selects `StdEncoding` (padding required) versus `RawURLEncoding` (no padding allowed). Like Go, the
 * decoder skips `\r` and `\n`.
 */
export function decodeGoBase64(text: string, variant: 'std' | 'rawurl'): Base64Result {
  // Well-formed padded input (every Hello with a check token carries one) decodes natively to the same bytes;
  // everything else takes the path below, which reproduces Go's error positions.
  if (variant === 'std' && text.length % 4 === 0 && WELL_FORMED_STD.test(text)) {
    return { ok: true, bytes: new Uint8Array(Buffer.from(text, 'base64')) };
  }
  return decodeByGoRules(text, variant);
}

/**
 * The general decoder behind {@link decodeGoBase64}: character by character, as Go's does, so that malformed
 * input fails at the same byte with the same text.
 */
export function decodeByGoRules(text: string, variant: 'std' | 'rawurl'): Base64Result {
  const alphabet = variant === 'std' ? STD : URL;
  const padded = variant === 'std';
  const values: number[] = [];
  const positions: number[] = [];
  let padStart = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\r' || c === '\n') continue;
    if (c === '=' && padded) {
      const inQuantum = values.length % 4;
      if (padStart < 0) {
        if (inQuantum < 2) return illegal(i);
        padStart = values.length;
      }
      values.push(-1);
      positions.push(i);
      continue;
    }
    const v = alphabet.indexOf(c);
    if (v < 0 || c.length !== 1) return illegal(i);
    if (padStart >= 0) return illegal(i);
    values.push(v);
    positions.push(i);
  }
  if (padded) {
    if (values.length % 4 !== 0) return illegal(positions[values.length - (values.length % 4)] ?? 0);
    if (padStart >= 0 && values.length - padStart > 2) return illegal(positions[padStart] ?? 0);
  } else if (values.length % 4 === 1) {
    return illegal(positions[values.length - 1] ?? 0);
  }
  const data = values.filter((v) => v >= 0);
  const out: number[] = [];
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i]!;
    const b = data[i + 1] ?? 0;
    const c = data[i + 2];
    const d = data[i + 3];
    out.push(((a << 2) | (b >> 4)) & 0xff);
    if (c !== undefined) out.push(((b << 4) | (c >> 2)) & 0xff);
    if (c !== undefined && d !== undefined) out.push(((c << 6) | d) & 0xff);
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

function illegal(index: number): Base64Result {
  return { ok: false, error: `illegal base64 data at input byte ${index}` };
}

/** Standard padded base64, as Go's `base64.StdEncoding.EncodeToString`. */
export function encodeStdBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
