import { InvalidArgumentError } from '@birdtalk/errors';
import { ChatMsgType } from '@birdtalk/proto';
import { encodeUtf8 } from './utf8-slab.js';

/**
 * Message content in the Drafty format the BirdTalk Android client reads and writes (a Tinode-derived rich
 * text format, serialised as JSON): plain text in `txt`, spans in `fmt`, and entities in `ent` that each
 * `fmt` span points at by index (`key`). Media messages carry one entity: `IM` (image), `EX` (file attachment)
 * or `AU` (voice).
 */
export interface DraftyDocument {
  readonly txt: string;
  readonly fmt?: readonly DraftySpan[];
  readonly ent?: readonly DraftyEntity[];
}

/** A span of a {@link DraftyDocument}: an inline style (`tp`) or a reference to entity `key`. */
export interface DraftySpan {
  /** Start, in code points; -1 places an attachment outside the text. */
  readonly at?: number;
  readonly len?: number;
  readonly tp?: string | null;
  readonly key?: number | null;
}

/** An entity of a {@link DraftyDocument}: its type (`IM`, `EX`, `AU`, `LN`, …) and data. */
export interface DraftyEntity {
  readonly tp: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** What a chat message is, as the application sees it. */
export type MessageKind = 'text' | 'image' | 'file' | 'voice' | 'video' | 'recall' | 'other';

/** A file carried by a media message: uploaded (`ref` names the stored file) or inline (`inline` holds it). */
export interface Attachment {
  readonly kind: 'image' | 'file' | 'voice' | 'video';
  /** The stored name on the server (`uuidName` of the upload); download it with this. */
  readonly ref: string | undefined;
  /** The bytes, when the sender put them in the message itself (small voice clips). */
  readonly inline: Uint8Array | undefined;
  /** The file name the sender suggests. */
  readonly name: string;
  readonly mime: string;
  /** Size in bytes as the sender reported it (untrusted); 0 when unknown. */
  readonly size: number;
  readonly width?: number;
  readonly height?: number;
  /** Duration of a voice clip in milliseconds. */
  readonly durationMs?: number;
}

/** The decoded content of a chat message. */
export interface MessageContent {
  readonly kind: MessageKind;
  /** The text of a text message, or the visible text of a Drafty document (often a single space for media). */
  readonly text: string;
  readonly attachment: Attachment | undefined;
  /** The parsed document of a media message; undefined for plain text or content that is not valid Drafty. */
  readonly drafty: DraftyDocument | undefined;
}

/** The wire form of content to send: the `MsgChat.msgType` and `MsgChat.data`. */
export interface OutgoingContent {
  readonly type: ChatMsgType;
  readonly data: Uint8Array;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

const entityKinds: Record<string, Attachment['kind']> = { IM: 'image', EX: 'file', AU: 'voice', VD: 'video' };

/**
 * Reads the content of a received message. Never throws: content that is not what its type promises (invalid
 * JSON, missing entity) comes back as kind `'other'` with its raw text, so one malformed message from a peer can
 * never stop delivery.
 */
export function readContent(type: number, data: Uint8Array): MessageContent {
  const text = decoder.decode(data);
  switch (type) {
    case ChatMsgType.TEXT:
      return { kind: 'text', text, attachment: undefined, drafty: undefined };
    case ChatMsgType.DELETE:
      return { kind: 'recall', text: '', attachment: undefined, drafty: undefined };
    case ChatMsgType.IMAGE:
    case ChatMsgType.FILE:
    case ChatMsgType.VOICE:
    case ChatMsgType.VIDEO: {
      const drafty = parseDrafty(text);
      const attachment = drafty === undefined ? undefined : firstAttachment(drafty);
      if (drafty === undefined || attachment === undefined) {
        return { kind: 'other', text, attachment: undefined, drafty };
      }
      return { kind: attachment.kind, text: drafty.txt, attachment, drafty };
    }
    default:
      return { kind: 'other', text, attachment: undefined, drafty: undefined };
  }
}

/** Parses Drafty JSON leniently (unknown fields are ignored, as the Android reader does); undefined if invalid. */
export function parseDrafty(json: string): DraftyDocument | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { txt, fmt, ent } = value as Record<string, unknown>;
  if (txt !== undefined && typeof txt !== 'string') return undefined;
  const spans = Array.isArray(fmt) ? fmt.filter(isObject).map(toSpan) : undefined;
  const entities = Array.isArray(ent)
    ? ent.filter(isObject).flatMap((e) => (typeof e.tp === 'string' ? [toEntity(e)] : []))
    : undefined;
  return {
    txt: txt ?? '',
    ...(spans === undefined ? {} : { fmt: spans }),
    ...(entities === undefined ? {} : { ent: entities }),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toSpan(span: Record<string, unknown>): DraftySpan {
  const out: { at?: number; len?: number; tp?: string | null; key?: number | null } = {};
  if (typeof span.at === 'number') out.at = span.at;
  if (typeof span.len === 'number') out.len = span.len;
  if (typeof span.tp === 'string' || span.tp === null) out.tp = span.tp;
  if (typeof span.key === 'number' || span.key === null) out.key = span.key;
  return out;
}

function toEntity(entity: Record<string, unknown>): DraftyEntity {
  return isObject(entity.data) ? { tp: entity.tp as string, data: entity.data } : { tp: entity.tp as string };
}

function firstAttachment(doc: DraftyDocument): Attachment | undefined {
  for (const entity of doc.ent ?? []) {
    const kind = entityKinds[entity.tp];
    if (kind === undefined) continue;
    const data = entity.data ?? {};
    const inline = typeof data.val === 'string' ? decodeBase64(data.val) : undefined;
    const attachment: Attachment = {
      kind,
      ref: typeof data.ref === 'string' && data.ref !== '' ? data.ref : undefined,
      inline,
      name: typeof data.name === 'string' ? data.name : '',
      mime: typeof data.mime === 'string' ? data.mime : '',
      size: finiteNumber(data.size) ?? inline?.byteLength ?? 0,
      ...optionalNumber('width', data.width),
      ...optionalNumber('height', data.height),
      ...optionalNumber('durationMs', data.duration),
    };
    if (attachment.ref !== undefined || attachment.inline !== undefined) return attachment;
  }
  return undefined;
}

function finiteNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

function optionalNumber<K extends string>(key: K, value: unknown): { [P in K]?: number } {
  const n = finiteNumber(value);
  return (n === undefined ? {} : { [key]: n }) as { [P in K]?: number };
}

function decodeBase64(value: string): Uint8Array | undefined {
  try {
    const binary = atob(value);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Plain text content. */
export function textContent(text: string): OutgoingContent {
  return { type: ChatMsgType.TEXT, data: encodeUtf8(text) };
}

/** What describes an uploaded image. */
export interface ImageContentInit {
  /** The stored name the upload returned. */
  readonly ref: string;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  readonly width?: number;
  readonly height?: number;
}

/**
 * Image content as the Android client writes it: one `IM` entity over a single-space text, with the stored
 * name in `ref`.
 */
export function imageContent(init: ImageContentInit): OutgoingContent {
  const data: Record<string, unknown> = {
    mime: init.mime,
    width: init.width ?? 0,
    height: init.height ?? 0,
    name: init.name,
    ref: requireRef(init.ref),
  };
  if (init.size > 0) data.size = init.size;
  return drafty(ChatMsgType.IMAGE, { txt: ' ', fmt: [{ at: 0, len: 1, key: 0 }], ent: [{ tp: 'IM', data }] });
}

/** What describes an uploaded file. */
export interface FileContentInit {
  readonly ref: string;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
}

/**
 * File content as the Android client writes it: an `EX` attachment entity placed outside the text (`at: -1`),
 * with `cur` (its download progress field) at 0.
 */
export function fileContent(init: FileContentInit): OutgoingContent {
  const data: Record<string, unknown> = {
    mime: init.mime,
    name: init.name,
    ref: requireRef(init.ref),
    cur: 0,
  };
  if (init.size > 0) data.size = init.size;
  return drafty(ChatMsgType.FILE, { txt: '', fmt: [{ at: -1, len: 1, key: 0 }], ent: [{ tp: 'EX', data }] });
}

/** What describes a voice clip: uploaded (`ref`) or inline (`bytes`, for small clips). */
export interface VoiceContentInit {
  readonly ref?: string;
  readonly bytes?: Uint8Array;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  readonly durationMs: number;
}

/** Voice content as the Android client writes it: one `AU` entity, uploaded by `ref` or inline in `val`. */
export function voiceContent(init: VoiceContentInit): OutgoingContent {
  if ((init.ref === undefined) === (init.bytes === undefined)) {
    throw new InvalidArgumentError('INVALID_CONTENT', 'a voice clip needs exactly one of ref or bytes');
  }
  const data: Record<string, unknown> = { mime: init.mime, duration: Math.round(init.durationMs) };
  if (init.bytes !== undefined) data.val = encodeBase64(init.bytes);
  data.name = init.name;
  if (init.ref !== undefined) data.ref = requireRef(init.ref);
  if (init.size > 0) data.size = init.size;
  return drafty(ChatMsgType.VOICE, { txt: ' ', fmt: [{ at: 0, len: 1, key: 0 }], ent: [{ tp: 'AU', data }] });
}

function drafty(type: ChatMsgType, doc: DraftyDocument): OutgoingContent {
  return { type, data: encodeUtf8(JSON.stringify(doc)) };
}

function requireRef(ref: string): string {
  if (typeof ref !== 'string' || ref === '') {
    throw new InvalidArgumentError('INVALID_CONTENT', 'an attachment needs the stored name of its upload');
  }
  return ref;
}
