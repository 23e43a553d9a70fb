import { type Command, noMorePositionals } from '../command.js';
import { withStored } from '../connect.js';
import { parseCommand } from '../context.js';
import { userInfoRecord, userInfoText } from '../format.js';

/** `birdtalk whoami`: logs in with the stored key only and prints the user. */
export const whoamiCommand: Command = {
  name: 'whoami',
  summary: 'log in with the stored key and print the user',
  usage: `usage: birdtalk whoami

Connects with the key stored at login (no password) and prints the logged-in user.`,
  async run(ctx, argv) {
    const { positionals } = parseCommand(argv, {});
    noMorePositionals(positionals, 0);
    await withStored(ctx, async ({ user, server, fastLogin }) => {
      ctx.out.result({ ...userInfoRecord(user, server), fastLogin }, userInfoText(user, server));
    });
  },
};
