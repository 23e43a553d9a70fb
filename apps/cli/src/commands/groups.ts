import { type Command, noMorePositionals, parseId } from '../command.js';
import { rememberGroupStart, withStored } from '../connect.js';
import { parseCommand } from '../context.js';
import { CliError, CliErrorCode, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { groupRecord, groupText, memberRecord, memberText } from '../format.js';

const USAGE = `usage: birdtalk groups create <name> [--brief <text>] [--private]
       birdtalk groups join <gid>
       birdtalk groups quit <gid>
       birdtalk groups invite <gid> <uid…>
       birdtalk groups list
       birdtalk groups members <gid>
       birdtalk groups search <keyword>

create prints the new group id; invite adds users at once (this server asks nobody, and leaves out
users who are members already); list shows the groups you belong to; search finds public groups whose
whole name or one of whose tags is exactly the keyword (the server matches nothing partial), or by id.`;

/** `birdtalk groups`: creating, joining, leaving, listing and searching groups. */
export const groupsCommand: Command = {
  name: 'groups',
  summary: 'create, join, quit, list and search groups; invite users; list members',
  usage: USAGE,
  async run(ctx, argv) {
    const { values, positionals } = parseCommand(argv, {
      brief: { type: 'string' },
      private: { type: 'boolean', default: false },
    });
    const [action, argument] = positionals;
    const out = ctx.out;
    switch (action) {
      case 'create': {
        const name = positionals.slice(1).join(' ').trim();
        if (name === '') throw usageError('the group needs a name: birdtalk groups create <name>');
        await withStored(ctx, async (connection) => {
          const { client } = connection;
          const created = await client.groups.create({
            name,
            visibility: values.private ? 'private' : 'public',
            joinType: values.private ? 'invite' : 'direct',
            ...(values.brief === undefined ? {} : { brief: values.brief }),
          });
          await rememberGroupStart(connection, created.groupId);
          out.result(groupRecord(created), created.groupId);
          out.note(`created group "${created.name}" with id ${created.groupId}`);
        });
        return;
      }
      case 'join':
      case 'quit': {
        const groupId = parseId(argument, `the group id to ${action}`);
        noMorePositionals(positionals, 2);
        ctx.failure.target = groupId;
        await withStored(ctx, async (connection) => {
          const { client } = connection;
          if (action === 'join') {
            const joined = await client.groups.join(groupId);
            await rememberGroupStart(connection, groupId);
            out.result({ ...groupRecord(joined), type: 'joined' }, `joined ${groupText(joined)}`);
          } else {
            await client.groups.quit(groupId);
            out.result({ type: 'quit', groupId }, `left group ${groupId}`);
          }
        });
        return;
      }
      case 'invite': {
        const groupId = parseId(argument, 'the group id to invite to');
        const userIds = positionals.slice(2).map((value) => parseId(value, 'a user id to invite'));
        if (userIds.length === 0) throw usageError('invite whom? birdtalk groups invite <gid> <uid…>');
        ctx.failure.target = groupId;
        await withStored(ctx, async ({ client }) => {
          const { invited, alreadyMembers } = await client.groups.invite(groupId, userIds);
          out.result(
            { type: 'invited', groupId, invited, alreadyMembers },
            `invited ${invited.length === 0 ? 'nobody' : invited.join(', ')} to group ${groupId}`,
          );
          if (alreadyMembers.length > 0) out.note(`already members: ${alreadyMembers.join(', ')}`);
        });
        return;
      }
      case 'list': {
        noMorePositionals(positionals, 1);
        await withStored(ctx, async ({ client }) => {
          const groups = await client.groups.listMine();
          if (groups.length === 0) out.note('you belong to no group');
          for (const group of groups) out.result(groupRecord(group), groupText(group));
        });
        return;
      }
      case 'members': {
        const groupId = parseId(argument, 'the group id');
        noMorePositionals(positionals, 2);
        ctx.failure.target = groupId;
        await withStored(ctx, async ({ client }) => {
          const { members, complete } = await client.groups.members(groupId);
          for (const member of members) out.result(memberRecord(groupId, member), memberText(member));
          if (!complete) out.warn('the server lists at most 100 members; there may be more');
        });
        return;
      }
      case 'search': {
        const keyword = positionals.slice(1).join(' ').trim();
        if (keyword === '') throw usageError('search for what? birdtalk groups search <keyword>');
        await withStored(ctx, async ({ client }) => {
          const groups = await client.groups.search(keyword);
          if (groups.length === 0) {
            throw new CliError(
              CliErrorCode.NOT_FOUND,
              `no public group is named or tagged exactly "${keyword}" (the server matches whole names and tags, not parts of them)`,
              ExitCode.FAILURE,
            );
          }
          for (const group of groups) out.result(groupRecord(group), groupText(group));
        });
        return;
      }
      case undefined:
        throw usageError('which groups command? create, join, quit, invite, list, members or search');
      default:
        throw usageError(
          `unknown groups command "${action}"; use create, join, quit, invite, list, members or search`,
        );
    }
  },
};
