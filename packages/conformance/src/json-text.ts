import type { DictValue } from './to-dict.js';

/** How {@link jsonText} prints: Python's `json.dumps` with these two switches. */
export interface JsonTextOptions {
  /** Objects print their keys sorted (code-point order). */
  readonly sortKeys: boolean;
  /** Every character above U+007E is escaped as `\uXXXX` (UTF-16 units). */
  readonly ensureAscii: boolean;
}

function quote(text: string, ensureAscii: boolean): string {
  // JSON.stringify escapes exactly what Python's encoder escapes below U+0080 (quote, backslash, the short
  // escapes and \u00XX for other control characters, lower-case hex); above that only ensure_ascii differs.
  const plain = JSON.stringify(text);
  if (!ensureAscii) return plain;
  return plain.replace(
    /[\u007f-\uffff]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * JSON text formatted byte for byte as Python's `json.dumps` formats it (`", "` and `": "` separators), which
 * is the format of the golden transcripts.
 */
export function jsonText(value: DictValue, options: JsonTextOptions): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value, options.ensureAscii);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => jsonText(item, options)).join(', ')}]`;
  const keys = [...value.keys()];
  if (options.sortKeys) keys.sort(compareCodePoints);
  return `{${keys.map((key) => `${quote(key, options.ensureAscii)}: ${jsonText(value.get(key) as DictValue, options)}`).join(', ')}}`;
}

function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const difference = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}
