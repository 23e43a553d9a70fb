/** Ranged reads of a file, as a `FileInput` offers them. */
export interface RangeReader {
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/** An image's dimensions in pixels. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** JPEG start-of-frame markers: baseline, progressive, lossless, arithmetic (not DHT C4, JPG C8, DAC CC). */
const startOfFrame: ReadonlySet<number> = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

/** Segments walked before a JPEG is given up on (EXIF, ICC and thumbnails come before the frame header). */
const maxJpegSegments = 512;

async function readAt(input: RangeReader, start: number, length: number): Promise<Uint8Array | undefined> {
  if (start < 0 || start + length > input.size) return undefined;
  const bytes = await input.read(start, start + length);
  return bytes.byteLength === length ? bytes : undefined;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32be = (b: Uint8Array, i: number) =>
  ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

/**
 * Reads the width and height of a PNG, GIF or JPEG from its header, without decoding it and without
 * dependencies; `undefined` for other formats and damaged headers. Never throws on bad data.
 */
export async function imageSize(input: RangeReader): Promise<ImageSize | undefined> {
  try {
    const head = await readAt(input, 0, Math.min(input.size, 26));
    if (head === undefined || head.byteLength < 10) return undefined;
    // PNG: the signature, then the IHDR chunk: width and height, big-endian.
    if (
      head.byteLength >= 24 &&
      head[0] === 0x89 &&
      head[1] === 0x50 &&
      head[2] === 0x4e &&
      head[3] === 0x47
    ) {
      if (String.fromCharCode(...head.subarray(12, 16)) !== 'IHDR') return undefined;
      return valid(u32be(head, 16), u32be(head, 20));
    }
    // GIF: the logical screen size, little-endian.
    if (head[0] === 0x47 && head[1] === 0x49 && head[2] === 0x46 && head[3] === 0x38) {
      return valid(u16le(head, 6), u16le(head, 8));
    }
    if (head[0] === 0xff && head[1] === 0xd8) return await jpegSize(input);
    return undefined;
  } catch {
    return undefined;
  }
}

/** Walks the JPEG segments up to the frame header, reading only marker and length fields. */
async function jpegSize(input: RangeReader): Promise<ImageSize | undefined> {
  let offset = 2;
  for (let segments = 0; segments < maxJpegSegments; segments += 1) {
    const marker = await readAt(input, offset, 2);
    if (marker === undefined || marker[0] !== 0xff) return undefined;
    const type = marker[1]!;
    // Fill bytes: a marker may be preceded by any number of 0xFF.
    if (type === 0xff) {
      offset += 1;
      continue;
    }
    // Markers without a length: TEM and RSTn.
    if (type === 0x01 || (type >= 0xd0 && type <= 0xd7)) {
      offset += 2;
      continue;
    }
    // Start of scan or end of image before any frame header: no size to be had.
    if (type === 0xda || type === 0xd9) return undefined;
    const length = await readAt(input, offset + 2, 2);
    if (length === undefined || u16be(length, 0) < 2) return undefined;
    if (startOfFrame.has(type)) {
      const frame = await readAt(input, offset + 4, 5);
      if (frame === undefined) return undefined;
      return valid(u16be(frame, 3), u16be(frame, 1));
    }
    offset += 2 + u16be(length, 0);
  }
  return undefined;
}

function valid(width: number, height: number): ImageSize | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}
