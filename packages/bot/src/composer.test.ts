import { describe, expect, it } from 'vitest';
import { isGroup } from './chat-filters.js';
import { Composer, type MiddlewareFn } from './composer.js';
import { Context } from './context.js';
import {
  fileMessage,
  followedEvent,
  imageMessage,
  membersJoinedEvent,
  recallEvent,
  textMessage,
  voiceMessage,
} from './testing/builders.js';
import { createTestClient } from './testing/test-client.js';
import type { Update } from './update.js';

const client = createTestClient();
const me = { id: '10001', names: ['testbot'], commandPrefixes: ['/'] };

function contextOf(update: Update): Context {
  return new Context(update, client, me);
}

function text(value: string, init: Parameters<typeof textMessage>[1] = {}): Context {
  return contextOf({ type: 'message', message: textMessage(value, init) });
}

async function run(composer: Composer, ctx: Context): Promise<boolean> {
  let reachedEnd = false;
  await composer.middleware()(ctx, async () => {
    reachedEnd = true;
  });
  return reachedEnd;
}

describe('middleware order', () => {
  it('runs middleware in registration order, around next()', async () => {
    const log: string[] = [];
    const composer = new Composer();
    composer.use(async (_ctx, next) => {
      log.push('a before');
      await next();
      log.push('a after');
    });
    composer.use(async (_ctx, next) => {
      log.push('b');
      await next();
    });
    expect(await run(composer, text('x'))).toBe(true);
    expect(log).toEqual(['a before', 'b', 'a after']);
  });

  it('ends the chain at a middleware that does not call next()', async () => {
    const log: string[] = [];
    const composer = new Composer();
    composer.use(() => {
      log.push('first');
    });
    composer.use(() => {
      log.push('never');
    });
    expect(await run(composer, text('x'))).toBe(false);
    expect(log).toEqual(['first']);
  });

  it('nests sub-composers, which see middleware added to them later', async () => {
    const log: string[] = [];
    const composer = new Composer();
    const sub = new Composer();
    composer.use(sub);
    composer.use(() => {
      log.push('after sub');
    });
    sub.use(async (_ctx, next) => {
      log.push('sub');
      await next();
    });
    await run(composer, text('x'));
    expect(log).toEqual(['sub', 'after sub']);
  });

  it('chains: use() returns the composer of what it added', async () => {
    const log: string[] = [];
    const composer = new Composer();
    composer
      .use(async (_ctx, next) => {
        log.push('outer');
        await next();
      })
      .use(() => {
        log.push('inner');
      });
    await run(composer, text('x'));
    expect(log).toEqual(['outer', 'inner']);
  });

  it('refuses a second call of next()', async () => {
    const composer = new Composer();
    composer.use(async (_ctx, next) => {
      await next();
      await next();
    });
    await expect(run(composer, text('x'))).rejects.toMatchObject({ code: 'BOT_NEXT_CALLED_TWICE' });
  });

  it('lets errors travel back up the chain', async () => {
    const seen: unknown[] = [];
    const composer = new Composer();
    composer.use(async (_ctx, next) => {
      try {
        await next();
      } catch (error) {
        seen.push(error);
        throw error;
      }
    });
    composer.use(() => {
      throw new Error('boom');
    });
    await expect(run(composer, text('x'))).rejects.toThrow('boom');
    expect(seen).toHaveLength(1);
  });

  it('refuses middleware that is neither a function nor has middleware()', () => {
    expect(() => new Composer(42 as unknown as MiddlewareFn)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('filters', () => {
  it('on() runs only for matching updates and passes others on', async () => {
    const log: string[] = [];
    const composer = new Composer();
    composer.on('message:text', (ctx) => {
      log.push(`text ${ctx.text}`);
    });
    composer.on(['message:image', 'message:voice'], (ctx) => {
      log.push(`media ${ctx.message.attachment.kind}`);
    });
    composer.on('message:media', (ctx) => {
      log.push(`any media ${ctx.message.kind}`);
    });
    composer.on('recall', (ctx) => {
      log.push(`recall ${ctx.recall.id}`);
    });
    composer.on('friend:followed', (ctx) => {
      log.push(`followed by ${ctx.from}`);
    });
    composer.on('group:members-joined', (ctx) => {
      log.push(`joined ${ctx.groupEvent.members.map((m) => m.userId).join(',')}`);
    });
    await run(composer, text('hi'));
    await run(composer, contextOf({ type: 'message', message: imageMessage() }));
    await run(composer, contextOf({ type: 'message', message: voiceMessage() }));
    await run(composer, contextOf({ type: 'message', message: fileMessage() }));
    await run(composer, contextOf({ type: 'recall', recall: recallEvent('42') }));
    await run(composer, contextOf({ type: 'friend', friendEvent: followedEvent('30003') }));
    await run(
      composer,
      contextOf({ type: 'group', groupEvent: membersJoinedEvent('50005', ['30003', '30004']) }),
    );
    expect(log).toEqual([
      'text hi',
      'media image',
      'media voice',
      'any media file',
      'recall 42',
      'followed by 30003',
      'joined 30003,30004',
    ]);
  });

  it('on() refuses unknown queries at registration', () => {
    const composer = new Composer();
    expect(() => composer.on('message:txt' as 'message:text', () => {})).toThrow(
      expect.objectContaining({ code: 'BOT_INVALID_FILTER_QUERY' }),
    );
  });

  it('filter() and drop() take sync and async predicates; chained filters all apply', async () => {
    const log: string[] = [];
    const composer = new Composer();
    composer
      .filter(async (ctx) => ctx.text !== 'skip')
      .drop((ctx) => ctx.text === 'drop')
      .filter(isGroup, (ctx) => {
        log.push(`group ${ctx.chat.groupId}: ${ctx.text}`);
      });
    for (const value of ['skip', 'drop', 'keep']) await run(composer, text(value, { group: '50005' }));
    expect(await run(composer, text('p2p'))).toBe(true);
    expect(log).toEqual(['group 50005: keep']);
  });
});

describe('command()', () => {
  it('sets command, args and payload, and passes other texts on', async () => {
    const seen: unknown[] = [];
    const composer = new Composer();
    composer.command(['echo', 'say'], (ctx) => {
      seen.push([ctx.command, ctx.args, ctx.payload]);
    });
    await run(composer, text('/ECHO "a b" c'));
    await run(composer, text('/say@testbot'));
    expect(await run(composer, text('/sayx'))).toBe(true);
    expect(await run(composer, text('/say@otherbot hi'))).toBe(true);
    expect(await run(composer, text('echo'))).toBe(true);
    expect(await run(composer, contextOf({ type: 'message', message: imageMessage() }))).toBe(true);
    expect(seen).toEqual([
      ['echo', ['a b', 'c'], '"a b" c'],
      ['say', [], ''],
    ]);
  });

  it('uses the prefixes of the bot', async () => {
    const seen: string[] = [];
    const composer = new Composer();
    composer.command('roll', (ctx) => {
      seen.push(ctx.payload);
    });
    const bang = (value: string) =>
      new Context({ type: 'message', message: textMessage(value) }, client, {
        ...me,
        commandPrefixes: ['!'],
      });
    await run(composer, bang('!roll 2d6'));
    expect(await run(composer, bang('/roll 1d4'))).toBe(true);
    expect(seen).toEqual(['2d6']);
  });
});

describe('hears()', () => {
  it('sets match for strings and regular expressions', async () => {
    const seen: string[] = [];
    const composer = new Composer();
    composer.hears(/^weather in (\w+)/i, (ctx) => {
      seen.push(`weather ${ctx.match[1]}`);
    });
    composer.hears(['hi', 'hello'], (ctx) => {
      seen.push(`greeting ${ctx.match[0]}`);
    });
    await run(composer, text('Weather in Oslo please'));
    await run(composer, text('HELLO'));
    expect(await run(composer, text('hello you'))).toBe(true);
    expect(seen).toEqual(['weather Oslo', 'greeting HELLO']);
  });
});

describe('errorBoundary()', () => {
  it('handles errors of its own middleware; the update counts as handled', async () => {
    const caught: unknown[] = [];
    const composer = new Composer();
    composer.errorBoundary(
      (error) => {
        caught.push((error as Error).message);
      },
      () => {
        throw new Error('inner');
      },
    );
    composer.use(() => {
      caught.push('not reached');
    });
    await expect(run(composer, text('x'))).resolves.toBe(false);
    expect(caught).toEqual(['inner']);
  });

  it('lets errors from after its next() pass through to the outer handler', async () => {
    const inner: unknown[] = [];
    const outer: unknown[] = [];
    const composer = new Composer();
    composer.errorBoundary(
      (error) => {
        outer.push((error as Error).message);
      },
      new Composer().errorBoundary(
        (error) => {
          inner.push((error as Error).message);
        },
        (_ctx, next) => next(),
      ),
      () => {
        throw new Error('downstream');
      },
    );
    await run(composer, text('x'));
    expect(inner).toEqual([]);
    expect(outer).toEqual(['downstream']);
  });

  it('lets a failing handler fail the chain', async () => {
    const composer = new Composer();
    composer.errorBoundary(
      () => {
        throw new Error('handler failed');
      },
      () => {
        throw new Error('inner');
      },
    );
    await expect(run(composer, text('x'))).rejects.toThrow('handler failed');
  });

  it('runs on normally when nothing fails', async () => {
    const composer = new Composer();
    composer.errorBoundary(
      () => {},
      (_ctx, next) => next(),
    );
    expect(await run(composer, text('x'))).toBe(true);
  });
});
