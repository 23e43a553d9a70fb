import type { ChatMessage, Client } from '@birdtalk/client';

/** A 64-bit id as the client hands it out: exact decimal text. */
export type Int64 = ChatMessage['id'];

/** A 64-bit id as API callers may give it: decimal text, a bigint, or a safe integer. */
export type Int64Input = string | bigint | number;

/** The logged-in user as the client describes it after `start()`. */
export type BotUser = Awaited<ReturnType<Client['start']>>;
