import { EncodeError } from '@birdtalk/errors';
import protobuf from 'protobufjs/minimal.js';
import { type Int64Input, toLowHigh } from './int64.js';

const { Writer } = protobuf;

/**
 * A protobufjs writer that refuses values the BirdTalk server cannot survive, instead of quietly encoding them.
 *
 * - 64-bit integers must be exact: decimal text, bigint, or a safe-integer number.
 * - Strings must be well-formed UTF-16. A lone surrogate would be written as invalid UTF-8, and the Go server
 *   exits on any frame it fails to parse.
 * - 32-bit integers and enum values must be integers in range; bytes must be a `Uint8Array`.
 */
export class ExactWriter extends Writer {
  /** Writes a signed 64-bit integer as a varint. */
  override int64(value: Int64Input | unknown): this {
    super.int64(asLongBits(value));
    return this;
  }

  /** Writes an unsigned 64-bit integer as a varint. */
  override uint64(value: Int64Input | unknown): this {
    super.uint64(asLongBits(value));
    return this;
  }

  /** Writes a signed 32-bit integer (also used for enum values). */
  override int32(value: number): this {
    if (typeof value !== 'number' || (value | 0) !== value) {
      throw new EncodeError('ENCODE_INVALID_INT32', `${String(value)} is not a signed 32-bit integer`);
    }
    super.int32(value);
    return this;
  }

  /** Writes a length-delimited UTF-8 string, refusing ill-formed UTF-16. */
  override string(value: string): this {
    if (typeof value !== 'string') {
      throw new EncodeError('ENCODE_INVALID_STRING', `expected a string, got ${typeof value}`);
    }
    if (!isWellFormed(value)) {
      throw new EncodeError(
        'ENCODE_INVALID_UTF8',
        'string holds a lone surrogate, which cannot be encoded as valid UTF-8',
      );
    }
    super.string(value);
    return this;
  }

  /** Writes length-delimited bytes. */
  override bytes(value: Uint8Array): this {
    if (!(value instanceof Uint8Array)) {
      throw new EncodeError('ENCODE_INVALID_BYTES', 'bytes fields take a Uint8Array');
    }
    super.bytes(value);
    return this;
  }
}

/**
 * Converts an accepted 64-bit input to the `{ low, high }` pair protobufjs reads as long bits. protobufjs types
 * that parameter as its `Long` class, but only reads `low` and `high`.
 */
function asLongBits(value: unknown): protobuf.Long {
  return toLowHigh(value as Int64Input) as unknown as protobuf.Long;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether `value` is well-formed UTF-16, i.e. encodes to valid UTF-8. Uses the native check where the runtime
 * has one (Node 20, current browsers).
 */
export function isWellFormed(value: string): boolean {
  const native = (value as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof native === 'function' ? native.call(value) : !loneSurrogate.test(value);
}
