import type { Int64Input } from '@birdtalk/proto';
import { type ChatTarget, targetId } from './chat-target.js';
import { fileContent, imageContent, type OutgoingContent, voiceContent } from './content.js';
import type { ClientContext, SendOptions, SentMessage } from './context.js';
import { invalidArgument } from './feature-errors.js';
import type { FilesApi, UploadOptions, UploadResult } from './files/api.js';
import type { FileInput, FileSource } from './files/source.js';
import { imageSize } from './media/image-size.js';
import { mimeFromName, OCTET_STREAM, sniffImageMime } from './media/mime.js';

/** Options of a media send: the upload's and the send's. */
export interface MediaOptions extends UploadOptions {
  /** Quotes (replies to) this message id. */
  readonly quote?: Int64Input;
}

/** Options of {@link MediaApi.sendImage}. */
export interface ImageOptions extends MediaOptions {
  /** Overrides the width read from the file header (0 = unknown). */
  readonly width?: number;
  /** Overrides the height read from the file header. */
  readonly height?: number;
}

/** Options of {@link MediaApi.sendVoice}. */
export interface VoiceOptions extends MediaOptions {
  /** The clip's duration in milliseconds. */
  readonly durationMs: number;
}

/** A media message the server acknowledged. */
export interface MediaMessage {
  readonly message: SentMessage;
  /** The upload, or `undefined` for a voice clip sent inline. */
  readonly upload: UploadResult | undefined;
}

/**
 * Sends images, files and voice clips in the Drafty form the Android client reads: the file is uploaded, then
 * a message whose entity refers to its stored name is sent. Receivers read it with `readContent`.
 */
export interface MediaApi {
  /**
   * Uploads an image and sends it. Width and height come from the PNG, JPEG or GIF header (0 when unknown);
   * the MIME type from the source, the header, or the name.
   */
  sendImage(target: ChatTarget, source: FileSource, options?: ImageOptions): Promise<MediaMessage>;
  /** Uploads a file and sends it as an attachment. */
  sendFile(target: ChatTarget, source: FileSource, options?: MediaOptions): Promise<MediaMessage>;
  /**
   * Sends a voice clip: clips up to {@link INLINE_VOICE_MAX_BYTES} travel inside the message (as the Android
   * client sends them), larger ones are uploaded first.
   */
  sendVoice(target: ChatTarget, source: FileSource, options: VoiceOptions): Promise<MediaMessage>;
}

/** Voice clips up to this size go inline (`val`), as the Android client does. */
export const INLINE_VOICE_MAX_BYTES = 10 * 1024;

/** Creates the media API over a client context and its files API. */
export function createMediaApi(ctx: ClientContext, files: FilesApi): MediaApi {
  const send = (target: ChatTarget, content: OutgoingContent, options: MediaOptions) =>
    ctx.sendContent(target, content, sendOptions(options));

  /** Uploads with the chat's id as the file record's group id, as the Android client does. */
  const upload = (target: ChatTarget, input: FileInput, mime: string, options: MediaOptions) =>
    files.upload(input, { ...options, mime, groupId: options.groupId ?? targetId(target) });

  const mimeOf = async (input: FileInput, image: boolean): Promise<string> => {
    if (input.mime !== undefined && input.mime !== '') return input.mime;
    if (image && input.size > 0) {
      const sniffed = sniffImageMime(await input.read(0, Math.min(input.size, 12)));
      if (sniffed !== undefined) return sniffed;
    }
    return mimeFromName(input.name) ?? OCTET_STREAM;
  };

  return {
    async sendImage(target, source, options = {}) {
      checkTarget(target);
      await ctx.checkTarget?.(target);
      const input = await files.source(source, options);
      const mime = await mimeOf(input, true);
      const size = await imageSize(input);
      const uploaded = await upload(target, input, mime, options);
      const content = imageContent({
        ref: uploaded.storedName,
        name: input.name,
        mime,
        size: input.size,
        width: dimension(options.width, size?.width, 'width'),
        height: dimension(options.height, size?.height, 'height'),
      });
      return { message: await send(target, content, options), upload: uploaded };
    },

    async sendFile(target, source, options = {}) {
      checkTarget(target);
      await ctx.checkTarget?.(target);
      const input = await files.source(source, options);
      const mime = await mimeOf(input, false);
      const uploaded = await upload(target, input, mime, options);
      const content = fileContent({ ref: uploaded.storedName, name: input.name, mime, size: input.size });
      return { message: await send(target, content, options), upload: uploaded };
    },

    async sendVoice(target, source, options) {
      checkTarget(target);
      await ctx.checkTarget?.(target);
      const durationMs = options?.durationMs;
      if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0) {
        throw invalidArgument('durationMs', 'a voice clip needs its duration in milliseconds');
      }
      const input = await files.source(source, options);
      const mime = await mimeOf(input, false);
      const described = { name: input.name, mime, size: input.size, durationMs };
      if (input.size > 0 && input.size <= INLINE_VOICE_MAX_BYTES) {
        const bytes = await input.read(0, input.size);
        const content = voiceContent({ ...described, bytes });
        return { message: await send(target, content, options), upload: undefined };
      }
      const uploaded = await upload(target, input, mime, options);
      const content = voiceContent({ ...described, ref: uploaded.storedName });
      return { message: await send(target, content, options), upload: uploaded };
    },
  };
}

function sendOptions(options: MediaOptions): SendOptions {
  return {
    ...(options.quote === undefined ? {} : { quote: options.quote }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}

function checkTarget(target: ChatTarget): void {
  if (typeof target !== 'object' || target === null || (target.type !== 'p2p' && target.type !== 'group')) {
    throw invalidArgument('target', 'a chat target made by p2p() or group() is required');
  }
}

function dimension(given: number | undefined, sniffed: number | undefined, name: string): number {
  if (given === undefined) return sniffed ?? 0;
  if (!Number.isInteger(given) || given < 0)
    throw invalidArgument(name, `${name} must be a whole number ≥ 0`);
  return given;
}
