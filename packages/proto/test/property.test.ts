import fc from 'fast-check';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, type MessageName, toInt64 } from '../src/index.js';
import { messageTypes } from './schema.js';

const int64 = fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n);
const text = fc.string({ unit: 'grapheme', maxLength: 12 });

function scalar(field: protobuf.Field): fc.Arbitrary<unknown> {
  switch (field.type) {
    case 'int64':
      // Every accepted input form: decimal text, bigint, and safe-integer numbers.
      return fc.oneof(
        int64.map(String),
        int64,
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      );
    case 'int32':
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    case 'string':
      return text;
    case 'bytes':
      return fc.uint8Array({ maxLength: 16 });
    default: {
      const resolved = field.resolvedType;
      if (resolved instanceof protobuf.Enum) return fc.constantFrom(...Object.values(resolved.values));
      throw new Error(`no arbitrary for ${field.type}`);
    }
  }
}

/** An arbitrary message of `type`, nesting sub-messages up to `depth` levels. */
function messageArbitrary(type: protobuf.Type, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const fieldArbitrary = (field: protobuf.Field): fc.Arbitrary<unknown> | undefined => {
    const resolved = field.resolvedType;
    const element =
      resolved instanceof protobuf.Type
        ? depth > 0
          ? messageArbitrary(resolved, depth - 1)
          : undefined
        : scalar(field);
    if (element === undefined) return undefined;
    if (field.map) return fc.dictionary(text, element as fc.Arbitrary<string>, { maxKeys: 3 });
    if (field.repeated) return fc.array(element, { maxLength: 3 });
    return element;
  };
  const plain: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of type.fieldsArray) {
    if (field.partOf) continue;
    const arbitrary = fieldArbitrary(field);
    if (arbitrary !== undefined) plain[field.name] = arbitrary;
  }
  const base = fc.record(plain, { requiredKeys: [] });
  const oneof = type.oneofsArray[0];
  if (oneof === undefined) return base;
  const members = oneof.fieldsArray
    .map((field) => ({ field, arbitrary: fieldArbitrary(field) }))
    .filter(
      (m): m is { field: protobuf.Field; arbitrary: fc.Arbitrary<unknown> } => m.arbitrary !== undefined,
    );
  const member = fc.option(
    fc.oneof(...members.map((m) => m.arbitrary.map((value) => ({ [m.field.name]: value })))),
    { nil: {} },
  );
  return fc.tuple(base, member).map(([fields, chosen]) => ({ ...fields, ...chosen }));
}

describe('codec round trips over every message type', () => {
  for (const type of messageTypes()) {
    it(type.name, () => {
      fc.assert(
        fc.property(messageArbitrary(type, 2), (message) => {
          const name = type.name as MessageName;
          const bytes = encodeMessage(name, message as never);
          const decoded = decodeMessage(name, bytes) as unknown as Record<string, unknown>;
          // Re-encoding what was decoded gives the same bytes: nothing was lost or changed.
          expect(Buffer.from(encodeMessage(name, decoded as never)).equals(Buffer.from(bytes))).toBe(true);
          // Top-level 64-bit values read back as their exact decimal text.
          for (const field of type.fieldsArray) {
            const input = message[field.name];
            if (field.type === 'int64' && !field.repeated && !field.map && input !== undefined) {
              expect(decoded[field.name]).toBe(toInt64(input as string | bigint | number));
            }
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
