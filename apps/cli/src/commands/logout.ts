import { rm } from 'node:fs/promises';
import { type Command, noMorePositionals } from '../command.js';
import { resolveServer } from '../connect.js';
import { parseCommand } from '../context.js';
import { accountDir, loadConfig, saveConfig } from '../home.js';

/** `birdtalk logout`: forgets the stored key and the remembered account. */
export const logoutCommand: Command = {
  name: 'logout',
  summary: 'forget the stored key and account of the home directory',
  usage: `usage: birdtalk logout

Deletes the stored key and state of the remembered account; the next command needs \`birdtalk login\`.`,
  async run(ctx, argv) {
    const { positionals } = parseCommand(argv, {});
    noMorePositionals(positionals, 0);
    const config = await loadConfig(ctx.home);
    const account = config.account;
    if (account === undefined) {
      ctx.out.result({ type: 'logged-out', userId: null }, 'not logged in');
      return;
    }
    const server = resolveServer(ctx, config);
    await rm(accountDir(ctx.home, server, account.userId), { recursive: true, force: true });
    const { account: _forgotten, ...rest } = config;
    await saveConfig(ctx.home, rest);
    ctx.out.result({ type: 'logged-out', userId: account.userId }, `forgot user ${account.userId}`);
  },
};
