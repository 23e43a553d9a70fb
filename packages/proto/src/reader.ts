import protobuf from 'protobufjs/minimal.js';
import { int64FromBits } from './int64.js';

const { Reader } = protobuf;

/**
 * A protobufjs reader that returns every 64-bit integer as its exact decimal text.
 *
 * protobufjs on its own returns `Long` objects or, without the long library, lossy numbers. The generated
 * decoders call `reader.int64()` on whatever reader they are given, so overriding it here makes every 64-bit
 * field exact without touching the process-wide protobufjs configuration. Strings are already checked for
 * valid UTF-8 by the generated code (`stringVerify`).
 */
export class ExactReader extends Reader {
  /** Reads a varint as a signed 64-bit integer. */
  override int64(): never {
    return this.readVarint64(true) as never;
  }

  /** Reads a varint as an unsigned 64-bit integer. */
  override uint64(): never {
    return this.readVarint64(false) as never;
  }

  private readVarint64(signed: boolean): string {
    const buf = this.buf;
    const len = this.len;
    let pos = this.pos;
    let low = 0;
    let high = 0;
    let byte = 0;
    let done = false;
    // Bytes 1-4 carry bits 0-27.
    for (let i = 0; i < 4 && !done; i += 1) {
      if (pos >= len) throw truncated();
      byte = buf[pos++]!;
      low |= (byte & 0x7f) << (i * 7);
      done = byte < 0x80;
    }
    if (!done) {
      // Byte 5 carries bits 28-34: four into the low word, three into the high word.
      if (pos >= len) throw truncated();
      byte = buf[pos++]!;
      low |= (byte & 0x0f) << 28;
      high = (byte & 0x7f) >> 4;
      done = byte < 0x80;
    }
    // Bytes 6-10 carry bits 35-63.
    for (let i = 0; i < 5 && !done; i += 1) {
      if (pos >= len) throw truncated();
      byte = buf[pos++]!;
      high |= (byte & 0x7f) << (i * 7 + 3);
      done = byte < 0x80;
    }
    if (!done) throw new Error('invalid varint encoding');
    this.pos = pos;
    low >>>= 0;
    high >>>= 0;
    if (!signed && high >= 0x8000_0000) {
      return ((BigInt(high) << 32n) | BigInt(low)).toString();
    }
    return int64FromBits(low, high);
  }
}

function truncated(): RangeError {
  return new RangeError('index out of range: truncated varint');
}
