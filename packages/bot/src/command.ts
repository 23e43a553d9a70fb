import { InvalidArgumentError } from '@birdtalk/errors';
import { BotErrorCode } from './bot-errors.js';
import type { BotInfo } from './context.js';

/** A command found at the start of a text. */
export interface ParsedCommand {
  /** The command name, lower case, without prefix and `@name`. */
  readonly command: string;
  /** The name after `@` (`/start@mybot`), as written; `undefined` without one. */
  readonly mention: string | undefined;
  /** Everything after the command, trimmed. */
  readonly payload: string;
  /** The payload split into arguments ({@link splitArgs}). */
  readonly args: readonly string[];
}

/** The command prefix of a bot unless its options say otherwise. */
export const DEFAULT_COMMAND_PREFIX = '/';

/**
 * Reads a command at the start of `text`: a prefix, a name (anything up to white space or `@`), optionally
 * `@name`, then white space or the end. Leading white space is ignored (phones like to add it); the name is
 * compared case-insensitively, so it comes back in lower case.
 *
 * @param prefixes - the accepted prefixes, longest first.
 * @returns `undefined` when the text is not a command.
 */
export function parseCommand(text: string, prefixes: readonly string[]): ParsedCommand | undefined {
  const trimmed = text.trimStart();
  const prefix = prefixes.find((candidate) => candidate !== '' && trimmed.startsWith(candidate));
  if (prefix === undefined) return undefined;
  const match = /^([^\s@]+)(?:@(\S*))?(?:\s|$)/u.exec(trimmed.slice(prefix.length));
  if (match === null) return undefined;
  const [head, name, mention] = match;
  const payload = trimmed.slice(prefix.length + head.length).trim();
  return {
    command: name!.toLowerCase(),
    mention: mention === undefined || mention === '' ? undefined : mention,
    payload,
    args: splitArgs(payload),
  };
}

/**
 * Whether a `/command@name` addresses this bot: commands without `@name` address every bot in the chat; with
 * one, it must be one of the bot's names (or its id), compared case-insensitively. A bot that knows no names
 * (before the first login) accepts every name.
 */
export function addressesBot(parsed: ParsedCommand, me: BotInfo): boolean {
  if (parsed.mention === undefined || me.names.length === 0) return true;
  const mention = parsed.mention.toLowerCase();
  return mention === me.id || me.names.some((name) => name.toLowerCase() === mention);
}

const quotes: Readonly<Record<string, string>> = { '"': '"', "'": "'", '\u201c': '\u201d' };

/**
 * Splits a command's payload into arguments the way a shell would, within reason: white space separates
 * arguments; `"double"` and `'single'` quotes (and the typographic `“…”` phone keyboards produce) group words;
 * inside double quotes a backslash escapes the next character; quoted parts glue to their neighbours
 * (`a"b c"` is `ab c`); an unterminated quote runs to the end.
 */
export function splitArgs(payload: string): string[] {
  const args: string[] = [];
  let current = '';
  let inArg = false;
  let closing: string | undefined;
  let escapes = false;
  for (let i = 0; i < payload.length; i += 1) {
    const char = payload[i]!;
    if (closing !== undefined) {
      if (escapes && char === '\\' && i + 1 < payload.length) {
        i += 1;
        current += payload[i];
      } else if (char === closing) {
        closing = undefined;
      } else {
        current += char;
      }
      continue;
    }
    if (/\s/u.test(char)) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
      continue;
    }
    inArg = true;
    const close = quotes[char];
    if (close !== undefined) {
      closing = close;
      escapes = char === '"' || char === '\u201c';
    } else {
      current += char;
    }
  }
  if (inArg) args.push(current);
  return args;
}

/**
 * Checks command names at registration and returns them in lower case.
 *
 * @throws InvalidArgumentError `BOT_INVALID_COMMAND` for no names, an empty name, or one containing white
 * space or `@`.
 */
export function commandNames(names: string | readonly string[]): ReadonlySet<string> {
  const list = typeof names === 'string' ? [names] : [...names];
  if (list.length === 0) {
    throw new InvalidArgumentError(BotErrorCode.INVALID_COMMAND, 'at least one command name is required');
  }
  for (const name of list) {
    if (typeof name !== 'string' || !/^[^\s@]+$/u.test(name)) {
      throw new InvalidArgumentError(
        BotErrorCode.INVALID_COMMAND,
        `"${String(name)}" is not a command name`,
        {
          details: { name: String(name) },
        },
      );
    }
  }
  return new Set(list.map((name) => name.toLowerCase()));
}
