import { crc32 } from 'node:zlib';

/**
 * The framing of the file store's journal: each record is
 *
 *     magic (4 bytes: FF 42 4A 31) | payload length (u32 LE) | CRC-32 of the payload (u32 LE) | payload
 *
 * The payload is UTF-8 JSON, which never contains the byte FF, so the magic cannot occur inside a payload and a
 * reader can find the next record after a damaged one. A record that is cut short (a crash while the OS had
 * written only part of the last write) or whose checksum fails is never applied.
 */
const MAGIC = Buffer.from([0xff, 0x42, 0x4a, 0x31]);
/** Bytes before the payload. */
export const FRAME_HEADER_BYTES = 12;
/**
 * The largest payload a frame may claim. An outbox entry holds a whole chat (up to a few MiB of base64); a
 * larger length is damage, not a record.
 */
export const MAX_RECORD_BYTES = 256 * 2 ** 20;

/** Frames one record. */
export function encodeFrame(payload: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.byteLength);
  MAGIC.copy(frame, 0);
  frame.writeUInt32LE(payload.byteLength, 4);
  frame.writeUInt32LE(crc32(payload), 8);
  frame.set(payload, FRAME_HEADER_BYTES);
  return frame;
}

/** A stretch of a journal that holds no valid record. */
export interface JournalDamage {
  /** Byte offset of the first unusable byte. */
  readonly offset: number;
  /** How many bytes were skipped. */
  readonly bytes: number;
}

/** What {@link decodeJournal} found. */
export interface DecodedJournal {
  /** The payloads of the valid records, in file order. */
  readonly records: readonly Buffer[];
  /** Damaged stretches followed by a valid record: corruption in the middle of the file. */
  readonly damage: readonly JournalDamage[];
  /** Bytes after the last valid record with no valid record after them: a torn end, left by a crash. */
  readonly tornBytes: number;
}

/** The length of the valid frame at `offset`, or -1. */
function frameAt(bytes: Buffer, offset: number): number {
  if (bytes.length - offset < FRAME_HEADER_BYTES) return -1;
  if (bytes.compare(MAGIC, 0, MAGIC.length, offset, offset + MAGIC.length) !== 0) return -1;
  const length = bytes.readUInt32LE(offset + 4);
  if (length > MAX_RECORD_BYTES || length > bytes.length - offset - FRAME_HEADER_BYTES) return -1;
  const start = offset + FRAME_HEADER_BYTES;
  if (crc32(bytes.subarray(start, start + length)) !== bytes.readUInt32LE(offset + 8)) return -1;
  return FRAME_HEADER_BYTES + length;
}

/**
 * Reads every valid record of a journal. A damaged stretch is skipped up to the next valid frame; damage with
 * no valid frame after it is the torn end of the last write. Never throws.
 */
export function decodeJournal(bytes: Buffer): DecodedJournal {
  const records: Buffer[] = [];
  const damage: JournalDamage[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const length = frameAt(bytes, offset);
    if (length > 0) {
      records.push(bytes.subarray(offset + FRAME_HEADER_BYTES, offset + length));
      offset += length;
      continue;
    }
    let next = bytes.indexOf(MAGIC[0]!, offset + 1);
    while (next !== -1 && frameAt(bytes, next) < 0) next = bytes.indexOf(MAGIC[0]!, next + 1);
    if (next === -1) return { records, damage, tornBytes: bytes.length - offset };
    damage.push({ offset, bytes: next - offset });
    offset = next;
  }
  return { records, damage, tornBytes: 0 };
}
