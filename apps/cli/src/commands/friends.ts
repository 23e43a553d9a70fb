import type { UserProfile } from '@birdtalk/client';
import { type Command, noMorePositionals, parseId } from '../command.js';
import { withStored } from '../connect.js';
import { parseCommand } from '../context.js';
import { usageError } from '../errors.js';
import { profileRecord, profileText } from '../format.js';

const USAGE = `usage: birdtalk friends list [--fans | --mutual]
       birdtalk friends add <uid> [--memo <name>]
       birdtalk friends remove <uid>
       birdtalk friends block <uid>
       birdtalk friends unblock <uid>

list: whom you follow (--fans: who follows you; --mutual: both). A user can send you messages once
you follow (add) them. block keeps following them but refuses their messages.`;

/** `birdtalk friends`: following, followers, blocking. */
export const friendsCommand: Command = {
  name: 'friends',
  summary: 'list, add (follow), remove, block and unblock users',
  usage: USAGE,
  async run(ctx, argv) {
    const { values, positionals } = parseCommand(argv, {
      fans: { type: 'boolean', default: false },
      mutual: { type: 'boolean', default: false },
      memo: { type: 'string' },
    });
    const [action, id] = positionals;
    switch (action) {
      case 'list': {
        noMorePositionals(positionals, 1);
        if (values.fans && values.mutual) throw usageError('give --fans or --mutual, not both');
        const relation = values.fans ? 'fan' : values.mutual ? 'mutual' : 'follow';
        await withStored(ctx, async ({ client }) => {
          const list = values.fans
            ? client.friends.fans()
            : values.mutual
              ? client.friends.mutual()
              : client.friends.follows();
          const users: UserProfile[] = [];
          for await (const user of list) users.push(user);
          if (users.length === 0) ctx.out.note('nobody');
          for (const user of users) ctx.out.result({ ...profileRecord(user), relation }, profileText(user));
        });
        return;
      }
      case 'add':
      case 'remove':
      case 'block':
      case 'unblock': {
        const userId = parseId(id, `the user id to ${action}`);
        noMorePositionals(positionals, 2);
        ctx.failure.target = userId;
        await withStored(ctx, async ({ client }) => {
          const record = { type: 'friend-op', op: action, userId };
          if (action === 'add') {
            const result = await client.friends.follow(
              userId,
              values.memo === undefined ? {} : { memo: values.memo },
            );
            ctx.out.result(
              { ...record, status: result.status },
              result.status === 'following'
                ? `you follow ${userId} now; they can send you messages`
                : `friend request sent to ${userId}`,
            );
          } else if (action === 'remove') {
            const removed = await client.friends.unfollow(userId);
            ctx.out.result(
              { ...record, status: removed ? 'removed' : 'not-following' },
              removed ? `you no longer follow ${userId}` : `you did not follow ${userId}`,
            );
          } else if (action === 'block') {
            await client.friends.block(userId);
            ctx.out.result({ ...record, status: 'blocked' }, `blocked ${userId}`);
          } else {
            await client.friends.unblock(userId);
            ctx.out.result({ ...record, status: 'unblocked' }, `unblocked ${userId}`);
          }
        });
        return;
      }
      case undefined:
        throw usageError('which friends command? list, add, remove, block or unblock');
      default:
        throw usageError(`unknown friends command "${action}"; use list, add, remove, block or unblock`);
    }
  },
};
