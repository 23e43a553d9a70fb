import { InvalidArgumentError } from '@birdtalk/errors';
import { BotErrorCode } from './bot-errors.js';

/**
 * What `bot.hears()` listens for: a string (the whole text, trimmed, compared case-insensitively), a regular
 * expression (searched in the text), or a list of either.
 */
export type HearsTrigger = string | RegExp | readonly (string | RegExp)[];

/**
 * Compiles triggers once, at registration, into a matcher that returns the first match (the match array of
 * the regular expression; for a string, a match of the whole text), or `undefined`.
 *
 * Global and sticky flags are dropped from regular expressions: they make `exec` stateful, so the same text
 * would match on one message and not on the next.
 *
 * @throws InvalidArgumentError `BOT_INVALID_TRIGGER` for no triggers, or one that is neither a string nor a
 * regular expression.
 */
export function compileTriggers(triggers: HearsTrigger): (text: string) => RegExpMatchArray | undefined {
  const list = typeof triggers === 'string' || triggers instanceof RegExp ? [triggers] : [...triggers];
  if (list.length === 0) {
    throw new InvalidArgumentError(BotErrorCode.INVALID_TRIGGER, 'at least one trigger is required');
  }
  const patterns = list.map(toPattern);
  return (text) => {
    for (const pattern of patterns) {
      const match = pattern.exec(pattern.trims ? text.trim() : text);
      if (match !== null) return match;
    }
    return undefined;
  };
}

interface Pattern {
  readonly trims: boolean;
  exec(text: string): RegExpMatchArray | null;
}

function toPattern(trigger: string | RegExp): Pattern {
  if (typeof trigger === 'string') {
    const exact = new RegExp(`^${escapeRegExp(trigger.trim())}$`, 'iu');
    return { trims: true, exec: (text) => exact.exec(text) };
  }
  if (trigger instanceof RegExp) {
    const stateless = new RegExp(trigger.source, trigger.flags.replace(/[gy]/g, ''));
    return { trims: false, exec: (text) => stateless.exec(text) };
  }
  throw new InvalidArgumentError(BotErrorCode.INVALID_TRIGGER, 'a trigger must be a string or a RegExp');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
