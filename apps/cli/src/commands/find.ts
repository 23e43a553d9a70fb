import type { UserQuery } from '@birdtalk/client';
import { type Command, noMorePositionals } from '../command.js';
import { withStored } from '../connect.js';
import { parseCommand } from '../context.js';
import { CliError, CliErrorCode, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { profileRecord, profileText } from '../format.js';

/** `birdtalk find`: looks users up by id, name, e-mail or phone. */
export const findCommand: Command = {
  name: 'find',
  summary: 'find users by id, name, e-mail or phone',
  usage: `usage: birdtalk find <query> [--by id|name|email|phone]

Without --by: digits are an id, an address with @ an e-mail, a leading + a phone number, anything
else a user name (or nick name). Exits with 1 when nobody matches.`,
  async run(ctx, argv) {
    const { values, positionals } = parseCommand(argv, { by: { type: 'string' } });
    const text = positionals[0];
    if (text === undefined || text.trim() === '') throw usageError('find whom? birdtalk find <query>');
    noMorePositionals(positionals, 1);
    const query = toQuery(text.trim(), values.by);
    await withStored(ctx, async ({ client }) => {
      const users = await client.users.find(query);
      if (users.length === 0) {
        throw new CliError(CliErrorCode.NOT_FOUND, `no user matches "${text}"`, ExitCode.FAILURE);
      }
      for (const user of users) ctx.out.result(profileRecord(user), profileText(user));
    });
  },
};

/** The query for a text, by `--by` or by its shape. */
export function toQuery(text: string, by: string | undefined): UserQuery {
  switch (by ?? guess(text)) {
    case 'id':
      if (!/^[1-9][0-9]{0,18}$/.test(text)) throw usageError(`"${text}" is not a user id`);
      return { id: text };
    case 'email':
      return { email: text };
    case 'phone':
      return { phone: text };
    case 'name':
      return { name: text };
    default:
      throw usageError('--by is one of id, name, email, phone');
  }
}

function guess(text: string): 'id' | 'email' | 'phone' | 'name' {
  if (/^[1-9][0-9]{0,18}$/.test(text)) return 'id';
  if (text.includes('@')) return 'email';
  if (/^\+[0-9 -]+$/.test(text)) return 'phone';
  return 'name';
}
