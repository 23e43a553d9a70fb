import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/exit-codes.js';
import { type CliRun, cli, type SpawnedServer, spawnServer, tempDir } from './helpers.js';

// One spawned reference server (plain ws://) for the whole file; each user has its own home directory.
let server: SpawnedServer;
let root: { path: string; remove: () => Promise<void> };
let ann: string;
let bob: string;
const annHome = (): string => join(root.path, 'ann');
const bobHome = (): string => join(root.path, 'bob');
const ANN_PASSWORD = 'ann-Secret-1';
const BOB_PASSWORD = 'bob-Secret-2';

/** Runs a command as a user (their home directory, the server in the environment). */
function as(home: string, argv: readonly string[], options: Parameters<typeof cli>[1] = {}): Promise<CliRun> {
  return cli([...argv, '--home', home], { ...options, env: { BIRDTALK_SERVER: server.url, ...options.env } });
}

function ok(run: CliRun): CliRun {
  expect(run.stderr, `exit ${run.code}: ${run.stderr}`).not.toMatch(/^birdtalk: /m);
  expect(run.code).toBe(0);
  return run;
}

beforeAll(async () => {
  server = await spawnServer();
  root = await tempDir('cli');
  ann = ok(await as(annHome(), ['register', '--name', 'ann', '--password', ANN_PASSWORD])).stdout.trim();
  bob = ok(await as(bobHome(), ['register', '--name', 'bob', '--password', BOB_PASSWORD])).stdout.trim();
});

afterAll(async () => {
  await server?.stop();
  await root?.remove();
});

describe('accounts', () => {
  it('register prints the new user id, and the account is remembered', async () => {
    expect(ann).toMatch(/^[1-9][0-9]*$/);
    expect(bob).not.toBe(ann);
    const config = JSON.parse(await readFile(join(annHome(), 'config.json'), 'utf8'));
    expect(config).toMatchObject({ server: server.url, account: { userId: ann, userName: 'ann' } });
  });

  it('login stores a key (0600) and never the password; whoami then logs in with the key only', async () => {
    const home = join(root.path, 'ann-login');
    const login = ok(await as(home, ['login', '--id', ann, '--password', ANN_PASSWORD]));
    expect(login.stdout).toBe(`logged in as ann (id ${ann}) on ${server.url}\n`);

    const files = await listFiles(home);
    expect(files.some((file) => file.includes('/keys/'))).toBe(true);
    for (const file of files) {
      expect((await stat(file)).mode & 0o077, file).toBe(0);
      expect(await readFile(file, 'utf8'), file).not.toContain(ANN_PASSWORD);
    }

    const whoami = ok(await as(home, ['whoami', '--json']));
    expect(whoami.records).toEqual([
      { type: 'user', userId: ann, userName: 'ann', nickName: 'ann', server: server.url, fastLogin: true },
    ]);
    expect(ok(await as(home, ['whoami'])).stdout).toBe(`ann (id ${ann}) on ${server.url}\n`);
  });

  it('login reads the password from stdin with --password-stdin', async () => {
    const home = join(root.path, 'ann-stdin');
    const login = ok(
      await as(home, ['login', '--id', ann, '--password-stdin', '--json'], { stdin: `${ANN_PASSWORD}\n` }),
    );
    expect(login.records[0]).toMatchObject({ type: 'user', userId: ann });
  });

  it('whoami without a stored key fails with a line telling to log in', async () => {
    const run = await as(join(root.path, 'nobody'), ['whoami']);
    expect(run.code).toBe(ExitCode.AUTH);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^birdtalk: not logged in .*birdtalk login/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a wrong password is one line and exit code 3, and the password appears nowhere', async () => {
    const wrong = 'not-the-Password-9';
    const run = await as(join(root.path, 'wrong'), ['login', '--id', ann, '--password', wrong, '--verbose']);
    expect(run.code).toBe(ExitCode.AUTH);
    expect(run.stderr).toMatch(/^birdtalk: wrong user id, e-mail or password$/m);
    expect(run.stderr).not.toContain(wrong);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const quiet = await as(join(root.path, 'wrong'), ['login', '--id', ann, '--password', wrong]);
    expect(quiet.stderr).toBe('birdtalk: wrong user id, e-mail or password\n');
    // A failed first login leaves no state behind.
    expect(await listFiles(join(root.path, 'wrong')).catch(() => [])).toEqual([]);
  });

  it('login checks the password even where the stored key would log in', async () => {
    // Ann's home holds the key of her registration.
    const wrong = 'not-the-Password-8';
    const run = await as(annHome(), ['login', '--id', ann, '--password', wrong]);
    expect(run.code).toBe(ExitCode.AUTH);
    expect(run.stderr).toBe('birdtalk: wrong user id, e-mail or password\n');
    // The refusal cost nothing: the stored key still logs in.
    expect(ok(await as(annHome(), ['whoami'])).stdout).toContain(ann);
  });

  it('an unknown user id is named as such', async () => {
    const run = await as(join(root.path, 'unknown'), ['login', '--id', '987654', '--password', 'x']);
    expect(run.code).toBe(ExitCode.AUTH);
    expect(run.stderr).toBe('birdtalk: no account has this user id\n');
  });

  it('an unreachable server is one line and exit code 4', async () => {
    const run = await cli(['login', '--id', ann, '--password', 'x', '--home', join(root.path, 'x')], {
      env: { BIRDTALK_SERVER: 'ws://127.0.0.1:1/ws' },
    });
    expect(run.code).toBe(ExitCode.CONNECTION);
    expect(run.stderr).toBe(
      'birdtalk: cannot reach ws://127.0.0.1:1/ws: the connection was refused (is the server running on that port?)\n',
    );
  });

  it('--json errors are one JSON object on stderr', async () => {
    const run = await as(join(root.path, 'nobody'), ['whoami', '--json']);
    expect(run.code).toBe(ExitCode.AUTH);
    expect(JSON.parse(run.stderr)).toMatchObject({ type: 'error', code: 'CLI_NOT_LOGGED_IN', exitCode: 3 });
  });
});

describe('friends and messages', () => {
  it('a message to someone who does not follow us is refused with an explanation', async () => {
    const run = await as(annHome(), ['send', '--to', bob, 'are you there?']);
    expect(run.code).toBe(ExitCode.FAILURE);
    expect(run.stderr).toBe(
      `birdtalk: ${bob} does not follow you, so the server refused the message (they can run \`birdtalk friends add <your id>\`)\n`,
    );
  });

  it('friends add / list / --fans / --mutual / remove', async () => {
    expect(ok(await as(bobHome(), ['friends', 'add', ann])).stdout).toBe(
      `you follow ${ann} now; they can send you messages\n`,
    );
    const follows = ok(await as(bobHome(), ['friends', 'list', '--json']));
    expect(follows.records).toEqual([
      expect.objectContaining({ type: 'user', userId: ann, relation: 'follow' }),
    ]);
    const fans = ok(await as(annHome(), ['friends', 'list', '--fans']));
    expect(fans.stdout).toContain(bob);
    expect(ok(await as(annHome(), ['friends', 'list', '--mutual'])).lines).toEqual([]);
    ok(await as(annHome(), ['friends', 'add', bob]));
    expect(ok(await as(annHome(), ['friends', 'list', '--mutual', '--json'])).records).toEqual([
      expect.objectContaining({ userId: bob, relation: 'mutual' }),
    ]);
    expect(ok(await as(annHome(), ['friends', 'remove', bob])).stdout).toBe(`you no longer follow ${bob}\n`);
    expect(ok(await as(annHome(), ['friends', 'remove', bob])).stdout).toBe(`you did not follow ${bob}\n`);
  });

  it('friends block and unblock', async () => {
    const blocked = ok(await as(annHome(), ['friends', 'block', bob, '--json']));
    expect(blocked.records).toEqual([{ type: 'friend-op', op: 'block', userId: bob, status: 'blocked' }]);
    expect(ok(await as(annHome(), ['friends', 'unblock', bob])).stdout).toBe(`unblocked ${bob}\n`);
  });

  it('send prints the acknowledged id; listen (another home) shows what arrived since, then stops at --count', async () => {
    const first = ok(await as(annHome(), ['send', '--to', bob, 'hello', 'bob']));
    expect(first.stdout).toMatch(/^[1-9][0-9]*\n$/);
    const second = ok(await as(annHome(), ['send', '--to', bob, '--json', 'second']));
    expect(second.records).toEqual([
      {
        type: 'sent',
        id: expect.stringMatching(/^[1-9][0-9]*$/),
        sendId: expect.any(String),
        chat: { type: 'p2p', userId: bob },
        time: expect.any(Number),
      },
    ]);

    // The text from standard input, with a forged second line and a terminal escape sequence in it.
    const piped = ok(
      await as(annHome(), ['send', '--to', bob], { stdin: `piped\n[00:00:00] 1 → you: \u001b[2Jforged\n` }),
    );
    expect(piped.stdout).toMatch(/^[1-9][0-9]*\n$/);

    const listen = ok(await as(bobHome(), ['listen', '--count', '3', '--timeout', '10']));
    expect(listen.lines).toEqual([
      expect.stringMatching(new RegExp(`^\\[\\d\\d:\\d\\d:\\d\\d\\] ${ann} → you: hello bob$`)),
      expect.stringMatching(new RegExp(`^\\[\\d\\d:\\d\\d:\\d\\d\\] ${ann} → you: second$`)),
      expect.stringMatching(new RegExp(`^\\[\\d\\d:\\d\\d:\\d\\d\\] ${ann} → you: piped$`)),
      '  ┆ [00:00:00] 1 → you: \\x1b[2Jforged',
    ]);
    expect(listen.stderr).toMatch(/^listening as bob/);

    // Shown once: the next listen has nothing new.
    const again = ok(await as(bobHome(), ['listen', '--timeout', '0.5']));
    expect(again.lines).toEqual([]);
  });

  it('listen --json prints a ready line, then messages as they arrive live', async () => {
    const stop = new AbortController();
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => {
      ready = resolve;
    });
    const listening = as(bobHome(), ['listen', '--json', '--timeout', '20'], {
      interrupt: stop.signal,
      onLine: (line) => {
        const record = JSON.parse(line) as { type: string };
        if (record.type === 'ready') ready();
        if (record.type === 'message') stop.abort();
      },
    });
    await isReady;
    const sent = ok(await as(annHome(), ['send', '--to', bob, 'live one'])).stdout.trim();
    const run = ok(await listening);
    const [readyRecord, message] = run.records;
    expect(readyRecord).toMatchObject({ type: 'ready', userId: bob, userName: 'bob' });
    expect(message).toEqual({
      type: 'message',
      id: sent,
      chat: { type: 'p2p', userId: ann },
      from: ann,
      to: bob,
      kind: 'text',
      text: 'live one',
      time: expect.any(Number),
      own: false,
      catchingUp: false,
    });
  });

  it('listen --count N with a timeout fails when fewer arrive', async () => {
    const run = await as(bobHome(), ['listen', '--count', '1', '--timeout', '0.3']);
    expect(run.code).toBe(ExitCode.FAILURE);
    expect(run.stderr).toMatch(/^birdtalk: 0 of 1 message\(s\) arrived within 0.3 s$/m);
  });

  it('history shows a conversation oldest first, --limit keeps the newest', async () => {
    const all = ok(await as(annHome(), ['history', '--with', bob, '--json']));
    expect(all.records.map((record) => record.text)).toEqual([
      'hello bob',
      'second',
      'piped\n[00:00:00] 1 → you: \u001b[2Jforged',
      'live one',
    ]);
    expect(all.records.every((record) => record.own === true)).toBe(true);
    const last = ok(await as(bobHome(), ['history', '--with', ann, '--limit', '1']));
    expect(last.lines).toEqual([
      expect.stringMatching(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] \d+ → you: live one$/),
    ]);
  });

  it('send --file uploads and sends; the receiver downloads it byte-identical', async () => {
    const path = join(root.path, 'report.bin');
    const bytes = randomBytes(1_500_000);
    await writeFile(path, bytes);
    const sent = ok(await as(annHome(), ['send', '--to', bob, '--file', path, '--json']));
    expect(sent.records[0]).toMatchObject({
      type: 'sent',
      file: { name: 'report.bin', size: bytes.length, storedName: expect.stringMatching(/^\d{8}_\w+\.bin$/) },
    });
    const listen = ok(await as(bobHome(), ['listen', '--count', '1', '--timeout', '10', '--json']));
    const message = listen.records.find((record) => record.type === 'message') as {
      kind: string;
      attachment: { ref: string; name: string; size: number };
    };
    expect(message.kind).toBe('file');
    expect(message.attachment).toMatchObject({ name: 'report.bin', size: bytes.length });
    const target = join(root.path, 'received.bin');
    const download = ok(await as(bobHome(), ['download', message.attachment.ref, '-o', target]));
    expect(download.stdout).toBe(`${target}\n`);
    expect(Buffer.compare(await readFile(target), bytes)).toBe(0);
  });
});

describe('files', () => {
  it('upload prints the stored name; download restores the bytes (to a file and to stdout)', async () => {
    const path = join(root.path, 'notes.txt');
    const bytes = Buffer.from(`notes ${'x'.repeat(5000)}\n`);
    await writeFile(path, bytes);
    const upload = ok(await as(annHome(), ['upload', path]));
    const name = upload.stdout.trim();
    expect(name).toMatch(/^\d{8}_\w+\.txt$/);

    const download = ok(await as(bobHome(), ['download', name], { cwd: root.path }));
    expect(download.stdout).toBe(`${join(root.path, name)}\n`);
    expect(Buffer.compare(await readFile(join(root.path, name)), bytes)).toBe(0);

    const piped = ok(await as(bobHome(), ['download', name, '-o', '-']));
    expect(piped.stdout).toBe(bytes.toString('latin1'));

    const json = ok(await as(annHome(), ['upload', path, '--json']));
    expect(json.records).toEqual([
      {
        type: 'uploaded',
        storedName: name,
        name: 'notes.txt',
        size: bytes.length,
        md5: expect.stringMatching(/^[0-9a-f]{32}$/),
        deduplicated: true,
      },
    ]);
  });

  it('draws a progress bar only on a terminal, never with --json', async () => {
    const path = join(root.path, 'big.bin');
    await writeFile(path, randomBytes(2_500_000));
    const tty = ok(await as(annHome(), ['upload', path], { tty: true }));
    expect(tty.stderr).toMatch(/\ruploading .*\[#+\.*\]\s+\d+%/);
    const json = ok(await as(annHome(), ['upload', path, '--json'], { tty: true }));
    expect(json.stderr).toBe('');
    const pipe = ok(await as(annHome(), ['upload', path]));
    expect(pipe.stderr).toBe('');
  });

  it('download errors: an unknown stored name, and a name that is not one', async () => {
    const missing = await as(bobHome(), ['download', '20250101_missing.txt']);
    expect(missing.code).toBe(ExitCode.FAILURE);
    expect(missing.stderr).toBe('birdtalk: the server has no file named 20250101_missing.txt\n');
    const bad = await as(bobHome(), ['download', '../etc/passwd']);
    expect(bad.code).toBe(ExitCode.USAGE);
    expect(bad.stderr).toMatch(/^birdtalk: \.\.\/etc\/passwd is not a stored file name/);
  });

  it('upload of a missing file is one line', async () => {
    const run = await as(annHome(), ['upload', join(root.path, 'nope.bin')]);
    expect(run.code).toBe(ExitCode.FAILURE);
    expect(run.stderr).toMatch(/^birdtalk: cannot upload .*nope\.bin/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('groups', () => {
  let groupId: string;

  it('create prints the id; join, list, members, search', async () => {
    groupId = ok(await as(annHome(), ['groups', 'create', 'book', 'club'])).stdout.trim();
    expect(groupId).toMatch(/^[1-9][0-9]*$/);
    const joined = ok(await as(bobHome(), ['groups', 'join', groupId, '--json']));
    expect(joined.records).toEqual([expect.objectContaining({ type: 'joined', groupId, name: 'book club' })]);
    expect(ok(await as(bobHome(), ['groups', 'list'])).lines).toEqual([
      expect.stringMatching(new RegExp(`^${groupId}\\s+book club  \\(public, direct\\)$`)),
    ]);
    const members = ok(await as(annHome(), ['groups', 'members', groupId, '--json']));
    expect(members.records).toEqual(
      expect.arrayContaining([
        { type: 'member', groupId, userId: ann, nick: 'ann', role: 'owner' },
        { type: 'member', groupId, userId: bob, nick: 'bob', role: 'member' },
      ]),
    );
    const found = ok(await as(bobHome(), ['groups', 'search', 'book club', '--json']));
    expect(found.records).toEqual([expect.objectContaining({ type: 'group', groupId })]);
    const none = await as(bobHome(), ['groups', 'search', 'no such group']);
    expect(none.code).toBe(ExitCode.FAILURE);
    expect(none.stderr).toBe(
      'birdtalk: no public group is named or tagged exactly "no such group" (the server matches whole names and tags, not parts of them)\n',
    );
  });

  it('group messages: send --group, listen shows them (joined since the last listen), history --group', async () => {
    ok(await as(bobHome(), ['send', '--group', '--to', groupId, 'hi', 'club']));
    const listen = ok(await as(annHome(), ['listen', '--count', '1', '--timeout', '10']));
    expect(listen.lines).toEqual([
      expect.stringMatching(new RegExp(`\\] ${bob} in group ${groupId}: hi club$`)),
    ]);
    const history = ok(await as(annHome(), ['history', '--group', '--with', groupId, '--json']));
    expect(history.records).toEqual([
      expect.objectContaining({
        type: 'message',
        chat: { type: 'group', groupId },
        from: bob,
        text: 'hi club',
      }),
    ]);
  });

  it('quit; sending afterwards is refused with an explanation', async () => {
    expect(ok(await as(bobHome(), ['groups', 'quit', groupId])).stdout).toBe(`left group ${groupId}\n`);
    const run = await as(bobHome(), ['send', '--group', '--to', groupId, 'still here?']);
    expect(run.code).toBe(ExitCode.FAILURE);
    expect(run.stderr).toBe(
      `birdtalk: you are not a member of group ${groupId} (join it with \`birdtalk groups join ${groupId}\`)\n`,
    );
  });

  it('joining a group that does not exist', async () => {
    const run = await as(bobHome(), ['groups', 'join', '99999999']);
    expect(run.code).toBe(ExitCode.FAILURE);
    expect(run.stderr).toBe('birdtalk: there is no group 99999999 (or it is private)\n');
  });
});

describe('find', () => {
  it('finds by id and by name; nothing found is exit code 1', async () => {
    const byId = ok(await as(bobHome(), ['find', ann, '--json']));
    expect(byId.records).toEqual([expect.objectContaining({ type: 'user', userId: ann, userName: 'ann' })]);
    const byName = ok(await as(bobHome(), ['find', 'ann']));
    expect(byName.lines).toEqual([expect.stringMatching(new RegExp(`^${ann}\\s+ann$`))]);
    const none = await as(bobHome(), ['find', 'nobody-here']);
    expect(none.code).toBe(ExitCode.FAILURE);
    expect(none.stderr).toBe('birdtalk: no user matches "nobody-here"\n');
  });
});

describe('--version', () => {
  it('prints the version', async () => {
    const run = await cli(['--version']);
    expect(run.code).toBe(ExitCode.OK);
    expect(run.stdout).toMatch(/^birdtalk \d+\.\d+\.\d+\n$/);
  });
});

describe('usage errors', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['send', '--bogus'], 'unknown flag --bogus; run with --help for the flags'],
    [['send', '--tp', '1', 'hi'], 'unknown flag --tp; did you mean --to?'],
    [['groups', 'list', '--jsno'], 'unknown flag --jsno; did you mean --json?'],
    [['sned'], 'unknown command "sned"; did you mean "send"?'],
    [['send', '--to', 'x', 'hi'], '--to must be a positive whole number, not "x"'],
    [['send', '--to', '5'], 'nothing to send: give a text or --file <path>'],
    [['friends'], 'which friends command?'],
    [['groups', 'dance'], 'unknown groups command "dance"'],
    [['listen', '--count', '0'], '--count must be a number ≥ 1, not "0"'],
    [['whoami', '--pin', 'abcd'], '--pin must be a SHA-256 fingerprint'],
    [['login', '--id', '5'], 'a password is required'],
  ])('%j', async (argv, message) => {
    const run = await as(join(root.path, 'usage'), argv);
    expect(run.code).toBe(ExitCode.USAGE);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(`birdtalk: ${message}`)).toBe(true);
  });

  it('without a server anywhere', async () => {
    const run = await cli(['whoami', '--home', join(root.path, 'empty')]);
    expect(run.code).toBe(ExitCode.USAGE);
    expect(run.stderr).toBe(
      'birdtalk: no server: pass --server wss://host:7817/ws (or set BIRDTALK_SERVER)\n',
    );
  });

  it('help', async () => {
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: birdtalk <command>');
    const sendHelp = await cli(['send', '--help']);
    expect(sendHelp.stdout).toMatch(/^usage: birdtalk send --to <uid|@name>/);
    const nothing = await cli([]);
    expect(nothing.code).toBe(ExitCode.USAGE);
    expect(nothing.stderr).toContain('usage: birdtalk <command>');
  });
});

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name));
}

describe('names and invitations', () => {
  it('send --to @name looks the user up first, and says so when nobody is called that', async () => {
    ok(await as(bobHome(), ['friends', 'add', ann]));
    const sent = ok(await as(annHome(), ['send', '--to', '@bob', '--json', 'by name']));
    expect(sent.records).toEqual([expect.objectContaining({ chat: { type: 'p2p', userId: bob } })]);
    const nobody = await as(annHome(), ['send', '--to', '@nobody-here', 'hi']);
    expect(nobody.code).toBe(ExitCode.FAILURE);
    expect(nobody.stderr).toBe('birdtalk: nobody is called "nobody-here"; try birdtalk find nobody-here\n');
    const grouped = await as(annHome(), ['send', '--group', '--to', '@bob', 'hi']);
    expect(grouped.code).toBe(ExitCode.USAGE);
  });

  it('send --to @name refuses a name several users have, listing them, and sends nothing', async () => {
    // The server does not keep user names unique: two accounts may both be called "twin".
    const twins: string[] = [];
    for (const who of ['twin-1', 'twin-2']) {
      const home = join(root.path, who);
      twins.push(ok(await as(home, ['register', '--name', 'twin', '--password', 'twin-pw'])).stdout.trim());
    }
    const run = await as(annHome(), ['send', '--to', '@twin', 'which one?']);
    expect(run.code).toBe(ExitCode.USAGE);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `birdtalk: @twin matches 2 users: ${twins[0]} (twin), ${twins[1]} (twin); use --to <uid>\n`,
    );
  });

  it('groups invite adds users and names those who were members already', async () => {
    const groupId = ok(await as(annHome(), ['groups', 'create', 'invited', 'only'])).stdout.trim();
    const first = ok(await as(annHome(), ['groups', 'invite', groupId, bob, '--json']));
    expect(first.records).toEqual([{ type: 'invited', groupId, invited: [bob], alreadyMembers: [] }]);
    const again = ok(await as(annHome(), ['groups', 'invite', groupId, bob]));
    expect(again.stdout).toBe(`invited nobody to group ${groupId}\n`);
    expect(again.stderr).toContain(`already members: ${bob}`);
  });
});
