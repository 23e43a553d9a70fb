import protobuf from 'protobufjs';
import { messageType } from './schema.js';

/**
 * A decoded message as a transcript prints it: JSON values whose objects keep the order in which fields were
 * visited (field-number order), because tokens are numbered by first appearance.
 */
export type DictValue = string | number | boolean | null | DictValue[] | Dict;
/** An ordered JSON object. */
export type Dict = Map<string, DictValue>;

const int64Types = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

/** The fields of a type in field-number order (the order protobuf's JSON printer lists set fields in). */
const orderedFields = new WeakMap<protobuf.Type, protobuf.Field[]>();
function fieldsOf(type: protobuf.Type): protobuf.Field[] {
  let fields = orderedFields.get(type);
  if (fields === undefined) {
    fields = [...type.fieldsArray].sort((a, b) => a.id - b.id);
    orderedFields.set(type, fields);
  }
  return fields;
}

function base64(bytes: unknown): string {
  return bytes instanceof Uint8Array ? Buffer.from(bytes).toString('base64') : '';
}

/** One scalar (or enum) value in protobuf's JSON mapping: 64-bit integers as decimal text, bytes as base64. */
function scalar(field: protobuf.Field, value: unknown): DictValue {
  if (field.resolvedType instanceof protobuf.Enum) {
    const name = field.resolvedType.valuesById[Number(value)];
    return name ?? Number(value);
  }
  if (int64Types.has(field.type)) return String(value);
  if (field.type === 'bytes') return base64(value);
  if (field.type === 'bool') return value === true;
  if (field.type === 'string') return typeof value === 'string' ? value : String(value);
  return Number(value);
}

/** Whether a proto3 scalar holds its default value, which the JSON printer leaves out. */
function isDefault(field: protobuf.Field, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (field.type === 'bytes') return !(value instanceof Uint8Array) || value.length === 0;
  if (int64Types.has(field.type)) return String(value) === '0';
  return value === 0 || value === '' || value === false;
}

/**
 * A decoded message (from `@birdtalk/proto`) as protobuf's JSON printer with proto field names gives it:
 * fields with default values left out (a set oneof member and a present sub-message are always printed),
 * enums by name, 64-bit integers as strings, bytes as padded standard base64, maps as objects.
 */
export function messageToDict(typeName: string, message: unknown): Dict {
  return toDict(messageType(typeName), message as Record<string, unknown>);
}

function toDict(type: protobuf.Type, message: Record<string, unknown>): Dict {
  const out: Dict = new Map();
  for (const field of fieldsOf(type)) {
    const value = message[field.name];
    if (field.map) {
      const entries = Object.entries((value ?? {}) as Record<string, unknown>);
      if (entries.length === 0) continue;
      out.set(field.name, new Map(entries.map(([key, entry]) => [key, convert(field, entry)])));
    } else if (field.repeated) {
      const items = Array.isArray(value) ? value : [];
      if (items.length === 0) continue;
      out.set(
        field.name,
        items.map((item) => convert(field, item)),
      );
    } else if (field.partOf !== null && field.partOf !== undefined) {
      if (message[field.partOf.name] === field.name && value !== undefined) {
        out.set(field.name, convert(field, value));
      }
    } else if (field.resolvedType instanceof protobuf.Type) {
      if (value !== undefined && value !== null) out.set(field.name, convert(field, value));
    } else if (!isDefault(field, value)) {
      out.set(field.name, convert(field, value));
    }
  }
  return out;
}

function convert(field: protobuf.Field, value: unknown): DictValue {
  if (field.resolvedType instanceof protobuf.Type) {
    return toDict(field.resolvedType, (value ?? {}) as Record<string, unknown>);
  }
  return scalar(field, value);
}
