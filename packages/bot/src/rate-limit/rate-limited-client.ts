import { type ChatTarget, type Client, targetKey } from '@birdtalk/client';
import type { RateLimiter } from './rate-limiter.js';

/** What a send's options may carry: the caller's signal also ends the wait for a turn. */
type WithSignal = { readonly signal?: AbortSignal } | undefined;

/**
 * The client with every send (`send`, `sendText`, `reply`, `recall`, and the media sends) waiting for its
 * turn from `limiter` first; everything else passes straight through. Sends keep their order per chat.
 */
export function rateLimitedClient(client: Client, limiter: RateLimiter): Client {
  const limited =
    <A extends unknown[], R>(
      send: (...args: A) => Promise<R>,
      chatOf: (...args: A) => ChatTarget | undefined,
    ) =>
    async (...args: A): Promise<R> => {
      const chat = chatOf(...args);
      // Every send takes its options third; their signal also ends the wait for a turn. A send without a chat
      // (a bare id to recall) is refused by the client itself, so it needs no turn.
      if (chat !== undefined) await limiter.acquire(targetKey(chat), (args[2] as WithSignal)?.signal);
      return send(...args);
    };
  const media = client.media;
  const limitedMedia: Client['media'] = {
    ...media,
    sendFile: limited(media.sendFile.bind(media), (target) => target),
    sendImage: limited(media.sendImage.bind(media), (target) => target),
    sendVoice: limited(media.sendVoice.bind(media), (target) => target),
  };
  const overrides: Partial<Client> = {
    send: limited(client.send.bind(client), (target) => target),
    sendText: limited(client.sendText.bind(client), (target) => target),
    reply: limited(client.reply.bind(client), (message) => message.chat),
    recall: limited(
      client.recall.bind(client),
      (message, target) =>
        target ?? (typeof message === 'object' && 'chat' in message ? message.chat : undefined),
    ),
    media: limitedMedia,
  };
  return new Proxy(client, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof Client];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
