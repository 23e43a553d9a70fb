// The text form of a StoredKey, shared by the key stores that keep keys outside memory (a file per key in Node,
// an entry per key in a browser's Web Storage): one format, so a key can move between them and both read it
// back with the same checks.
import { decodeBase64, encodeBase64, standardPadded } from './encoding.js';
import { type StoredKey, storedKeyProblem } from './key-store.js';

/** The `format` field of every stored key record. */
export const keyFileFormat = 'birdtalk-key';
/** The `version` field this code writes and reads. */
export const keyFileVersion = 1;

/** The JSON shape of a key record, version 1. */
interface KeyRecordV1 {
  format: typeof keyFileFormat;
  version: typeof keyFileVersion;
  serverUrl: string;
  account: string;
  keyPrint: string;
  encType: string;
  /** The shared key in standard padded base64. */
  sharedKey: string;
  userId?: string;
  createdAt: number;
}

/** The JSON text of `key` (pretty-printed for files, compact for Web Storage). */
export function encodeKeyRecord(key: StoredKey, indent?: number): string {
  const record: KeyRecordV1 = {
    format: keyFileFormat,
    version: keyFileVersion,
    serverUrl: key.serverUrl,
    account: key.account,
    keyPrint: key.keyPrint,
    encType: key.encType,
    sharedKey: encodeBase64(key.sharedKey, standardPadded),
    ...(key.userId === undefined ? {} : { userId: key.userId }),
    createdAt: key.createdAt,
  };
  return JSON.stringify(record, null, indent);
}

/** The key a record's text holds, or why it holds none (never quoting key material). */
export function decodeKeyRecord(text: string): StoredKey | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'it is not JSON (truncated or damaged)';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a JSON object';
  const record = value as Partial<Record<keyof KeyRecordV1, unknown>>;
  if (record.format !== keyFileFormat) return 'it is not a BirdTalk key record';
  if (record.version !== keyFileVersion)
    return `format version ${String(record.version).slice(0, 16)} is not supported`;
  const sharedKey =
    typeof record.sharedKey === 'string' ? decodeBase64(record.sharedKey, standardPadded) : undefined;
  if (sharedKey === undefined) return 'sharedKey is not base64';
  const key = {
    serverUrl: record.serverUrl,
    account: record.account,
    keyPrint: record.keyPrint,
    sharedKey,
    encType: record.encType,
    ...(record.userId === undefined ? {} : { userId: record.userId }),
    createdAt: record.createdAt,
  };
  return storedKeyProblem(key) ?? (key as StoredKey);
}
