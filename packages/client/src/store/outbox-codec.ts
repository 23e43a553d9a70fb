import { DecodeError } from '@birdtalk/errors';
import { type Int64Input, isInt64String, type MsgChatInit, toInt64 } from '@birdtalk/proto';
import type { OutboxEntry, OutboxStore } from '@birdtalk/session';
import { ClientErrorCode } from '../client-errors.js';
import type { Store } from './store.js';

/** An {@link OutboxEntry} as JSON-safe data: ids as decimal text, `data` as base64. */
export interface SerializedOutboxEntry {
  readonly sendId: string;
  readonly createdAt: number;
  readonly chat: Readonly<Record<string, string | number | Readonly<Record<string, string>>>>;
}

/** The 64-bit fields of `MsgChat`, kept as decimal text. */
const int64Fields = [
  'msgId',
  'userId',
  'fromId',
  'toId',
  'tm',
  'sendId',
  'refMessageId',
  'sendReply',
  'recvReply',
  'readReply',
  'keyPrint',
] as const;
/** The small-number fields of `MsgChat`. */
const numberFields = ['msgType', 'priority', 'status', 'encType', 'chatType', 'subMsgType'] as const;

/**
 * Turns an outbox entry into JSON-safe data, for stores that keep text (files, SQLite columns). The inverse is
 * {@link deserializeOutboxEntry}.
 */
export function serializeOutboxEntry(entry: OutboxEntry): SerializedOutboxEntry {
  const chat: Record<string, string | number | Readonly<Record<string, string>>> = {};
  const source = entry.chat;
  for (const field of int64Fields) {
    const value = source[field];
    if (value !== undefined) chat[field] = toInt64(value as Int64Input);
  }
  for (const field of numberFields) {
    const value = source[field];
    if (value !== undefined) chat[field] = value;
  }
  if (source.devId !== undefined) chat.devId = source.devId;
  if (source.data !== undefined) chat.data = encodeBase64(source.data);
  if (source.params !== undefined) chat.params = { ...source.params };
  return { sendId: entry.sendId, createdAt: entry.createdAt, chat };
}

/**
 * Reads what {@link serializeOutboxEntry} wrote.
 *
 * @throws DecodeError `STORE_CORRUPT` when `value` is not a serialized outbox entry.
 */
export function deserializeOutboxEntry(value: unknown): OutboxEntry {
  const bad = (why: string): DecodeError =>
    new DecodeError(ClientErrorCode.STORE_CORRUPT, `not a stored outbox entry: ${why}`);
  if (typeof value !== 'object' || value === null) throw bad('not an object');
  const { sendId, createdAt, chat } = value as Record<string, unknown>;
  if (typeof sendId !== 'string' || !isInt64String(sendId)) throw bad('sendId');
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) throw bad('createdAt');
  if (typeof chat !== 'object' || chat === null) throw bad('chat');
  const fields = chat as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of int64Fields) {
    const v = fields[field];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !isInt64String(v)) throw bad(field);
    out[field] = v;
  }
  for (const field of numberFields) {
    const v = fields[field];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v)) throw bad(field);
    out[field] = v;
  }
  if (fields.devId !== undefined) {
    if (typeof fields.devId !== 'string') throw bad('devId');
    out.devId = fields.devId;
  }
  if (fields.data !== undefined) {
    const data = typeof fields.data === 'string' ? decodeBase64(fields.data) : undefined;
    if (data === undefined) throw bad('data');
    out.data = data;
  }
  if (fields.params !== undefined) {
    const params = fields.params;
    if (
      typeof params !== 'object' ||
      params === null ||
      Object.values(params).some((v) => typeof v !== 'string')
    ) {
      throw bad('params');
    }
    out.params = { ...(params as Record<string, string>) };
  }
  if (out.sendId !== undefined && out.sendId !== sendId) throw bad('chat.sendId');
  return { sendId, createdAt, chat: out as MsgChatInit };
}

/** The session's {@link OutboxStore} on top of a {@link Store}. */
export function outboxStoreOn(store: Store): OutboxStore {
  return {
    load: () => store.loadOutbox(),
    put: (entry) => store.putOutbox(entry),
    remove: (sendId) => store.removeOutbox(sendId),
  };
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function decodeBase64(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
