import { type ChatTarget, type Client, group, p2p } from '@birdtalk/client';
import { type Command, parseId } from '../command.js';
import { withStored } from '../connect.js';
import { parseCommand } from '../context.js';
import { CliError, CliErrorCode, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { sentRecord } from '../format.js';
import { createProgress } from '../progress.js';

/** The most standard input `send` reads as its text. */
export const MAX_STDIN_TEXT_BYTES = 64 * 1024;

/**
 * All of standard input as UTF-8 text, without one final line break (`echo` adds one).
 *
 * @throws usage error when it holds more than {@link MAX_STDIN_TEXT_BYTES}.
 */
async function readStdinText(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.byteLength;
    if (size > MAX_STDIN_TEXT_BYTES) {
      throw usageError(
        `standard input holds more than ${MAX_STDIN_TEXT_BYTES / 1024} KiB; send it as --file`,
      );
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/u, '');
}

/** `birdtalk send`: sends a text or a file and prints the acknowledged message id. */
export const sendCommand: Command = {
  name: 'send',
  summary: 'send a text or a file to a user or a group',
  usage: `usage: birdtalk send --to <uid|@name> [--group] <text…>
       birdtalk send --to <uid|@name> [--group] --file <path>
       echo hi | birdtalk send --to <uid|@name> [--group]

Sends to a user (who must follow you) or, with --group, to a group you belong to, and prints the
message id the server acknowledged. --to @ann looks the user up by user name (or nick name) first.
Without a text or --file, the text is read from standard input (when it is not a terminal; up to
${MAX_STDIN_TEXT_BYTES / 1024} KiB, one final line break dropped).`,
  async run(ctx, argv) {
    const { values, positionals } = parseCommand(argv, {
      to: { type: 'string' },
      group: { type: 'boolean', default: false },
      file: { type: 'string' },
    });
    const byName = values.to?.startsWith('@') === true ? values.to.slice(1) : undefined;
    if (byName !== undefined && values.group) throw usageError('--group takes a group id, not a @name');
    if (byName === '') throw usageError('--to @ needs a user name: --to @ann');
    const given = byName === undefined ? parseId(values.to, '--to') : undefined;
    let text = positionals.join(' ');
    if (values.file === undefined && text === '' && ctx.io.stdin.isTTY !== true) {
      text = await readStdinText(ctx.io.stdin);
    }
    if (values.file === undefined && text.trim() === '')
      throw usageError('nothing to send: give a text or --file <path>');
    if (values.file !== undefined && text !== '') throw usageError('give a text or --file, not both');
    if (given !== undefined) ctx.failure.target = given;
    await withStored(ctx, async ({ client }) => {
      const to = given ?? (await userIdByName(client, byName ?? ''));
      ctx.failure.target = to;
      const target: ChatTarget = values.group ? group(to) : p2p(to);
      if (values.file === undefined) {
        const sent = await client.sendText(target, text, { signal: ctx.io.interrupt });
        ctx.out.result(sentRecord(sent), sent.id);
        return;
      }
      const path = values.file;
      ctx.failure.file = path;
      const progress = createProgress(ctx, `sending ${path}`);
      try {
        const { message, upload } = await client.media.sendFile(target, path, {
          onProgress: ({ sentBytes, totalBytes }) => progress.update(sentBytes, totalBytes),
          signal: ctx.io.interrupt,
        });
        progress.finish();
        ctx.out.result(sentRecord(message, upload), message.id);
      } finally {
        progress.finish();
      }
    });
  },
};

/**
 * The id of the one user called `name` (FindUser: the exact user name, then the nick name).
 *
 * @throws CliError `CLI_NOT_FOUND` when nobody is called so, `CLI_AMBIGUOUS` when several are.
 */
async function userIdByName(client: Client, name: string): Promise<string> {
  const users = await client.users.find({ name });
  const [only] = users;
  if (only === undefined) {
    throw new CliError(
      CliErrorCode.NOT_FOUND,
      `nobody is called "${name}"; try birdtalk find ${name}`,
      ExitCode.FAILURE,
    );
  }
  if (users.length > 1) {
    const listed = users.map((user) => `${user.userId} (${user.userName})`).join(', ');
    throw new CliError(
      'CLI_AMBIGUOUS',
      `@${name} matches ${users.length} users: ${listed}; use --to <uid>`,
      ExitCode.USAGE,
    );
  }
  return only.userId;
}
