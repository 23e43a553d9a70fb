/**
 * A deliberately tiny protobuf writer, independent of protobufjs, used to build golden frames by hand: each
 * helper writes exactly one wire construct, so a fixture reads like the field list it encodes.
 */

const encoder = new TextEncoder();

/** Base-128 varint of a non-negative bigint below 2^64. */
export function varint(value: bigint): number[] {
  const out: number[] = [];
  let v = value;
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

/** The key of a field: number << 3 | wire type. */
export function key(field: number, wireType: 0 | 2): number[] {
  return varint(BigInt((field << 3) | wireType));
}

/** A varint field holding a signed 64-bit (or 32-bit, or enum) value; negatives take ten bytes. */
export function int(field: number, value: bigint | number): number[] {
  return [...key(field, 0), ...varint(BigInt.asUintN(64, BigInt(value)))];
}

/** A length-delimited field holding raw bytes. */
export function bytes(field: number, value: ArrayLike<number>): number[] {
  return [...key(field, 2), ...varint(BigInt(value.length)), ...Array.from(value)];
}

/** A length-delimited field holding UTF-8 text. */
export function str(field: number, value: string): number[] {
  return bytes(field, encoder.encode(value));
}

/** A length-delimited field holding an embedded message (the concatenation of its fields). */
export function msg(field: number, ...fields: number[][]): number[] {
  return bytes(field, fields.flat());
}

/** One entry of a map<string, string> field. */
export function mapEntry(field: number, k: string, v: string): number[] {
  return msg(field, str(1, k), str(2, v));
}

/** Lower-case hex of a byte list. */
export function hex(values: ArrayLike<number>): string {
  return Array.from(values, (b) => b.toString(16).padStart(2, '0')).join('');
}
