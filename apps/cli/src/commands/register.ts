import { loginAndRemember } from '../account.js';
import { type Command, noMorePositionals } from '../command.js';
import { parseCommand } from '../context.js';
import { usageError } from '../errors.js';
import { PASSWORD_OPTIONS, readPassword } from '../password.js';

/** `birdtalk register`: creates an account, prints its id, and stays logged in as it. */
export const registerCommand: Command = {
  name: 'register',
  summary: 'create an account and print its user id',
  usage: `usage: birdtalk register --name <user name> [--nick <nick name>] (--password <p> | --password-stdin) --server <url>

Creates an account and prints the new user id. The new account is remembered like after a login.`,
  async run(ctx, argv) {
    const { values, positionals } = parseCommand(argv, {
      name: { type: 'string' },
      nick: { type: 'string' },
      ...PASSWORD_OPTIONS,
    });
    noMorePositionals(positionals, 0);
    if (values.name === undefined || values.name.trim() === '')
      throw usageError('--name <user name> is required');
    const password = await readPassword(ctx, values);
    const { user, server } = await loginAndRemember(ctx, {
      method: 'register',
      userName: values.name,
      password,
      ...(values.nick === undefined ? {} : { nickName: values.nick }),
    });
    ctx.out.result({ type: 'registered', userId: user.userId, userName: user.userName, server }, user.userId);
    ctx.out.note(`registered ${user.userName} with id ${user.userId}; logged in (home ${ctx.home})`);
  },
};
