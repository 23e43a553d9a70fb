import { loginAndRemember } from '../account.js';
import { type Command, noMorePositionals, parseId } from '../command.js';
import { parseCommand } from '../context.js';
import { usageError } from '../errors.js';
import { userInfoRecord, userInfoText } from '../format.js';
import { PASSWORD_OPTIONS, readPassword } from '../password.js';

/** `birdtalk login`: logs in with a password and keeps the key for password-less use. */
export const loginCommand: Command = {
  name: 'login',
  summary: 'log in with a password; later commands use the stored key',
  usage: `usage: birdtalk login (--id <uid> | --email <address> --mail-works) (--password <p> | --password-stdin) --server <url>

Logs in, stores the key of the key exchange in the home directory (never the password) and remembers
the server and the account, so that other commands log in without a password.
The password may also come from BIRDTALK_PASSWORD.
An e-mail login for an address the server does not know makes it mail a code, which kills the stock
server (its mail worker fails on Linux): --email is refused unless --mail-works says the server's mail works.`,
  async run(ctx, argv) {
    const { values, positionals } = parseCommand(argv, {
      id: { type: 'string' },
      email: { type: 'string' },
      'mail-works': { type: 'boolean' },
      ...PASSWORD_OPTIONS,
    });
    noMorePositionals(positionals, 0);
    if ((values.id === undefined) === (values.email === undefined)) {
      throw usageError('give either --id <uid> or --email <address>');
    }
    const password = await readPassword(ctx, values);
    const credentials =
      values.id !== undefined
        ? { method: 'id' as const, userId: parseId(values.id, '--id'), password }
        : { method: 'email' as const, email: values.email ?? '', password };
    const { user, server } = await loginAndRemember(ctx, credentials, {
      allowServerCrashingRequests: values['mail-works'] === true,
    });
    ctx.out.result(userInfoRecord(user, server), `logged in as ${userInfoText(user, server)}`);
  },
};
