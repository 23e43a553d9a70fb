import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/exit-codes.js';
import { appDir, type SpawnedServer, spawnCli, spawnServer, tempDir } from './helpers.js';

// The command line as a user runs it: a child process, its exit code, and nothing but one line on stderr.
let server: SpawnedServer;
let root: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  server = await spawnServer();
  root = await tempDir('process');
});

afterAll(async () => {
  await server?.stop();
  await root?.remove();
});

describe('the process', () => {
  it('register, then listen until SIGINT: exit code 0', async () => {
    const env = { BIRDTALK_SERVER: server.url, BIRDTALK_HOME: join(root.path, 'pia') };
    const registered = await spawnCli(['register', '--name', 'pia', '--password', 'pia-pw'], { env });
    expect(registered.code).toBe(0);
    expect(registered.stdout).toMatch(/^[1-9][0-9]*\n$/);
    const listen = await spawnCli(['listen', '--json'], { env, signalAfterLine: 'SIGINT' });
    expect(listen.code).toBe(0);
    expect(JSON.parse(listen.lines[0] ?? '')).toMatchObject({ type: 'ready', userName: 'pia' });
    expect(listen.stderr).toBe('');
  });

  it('register, then listen until SIGTERM: exit code 0', async () => {
    const env = { BIRDTALK_SERVER: server.url, BIRDTALK_HOME: join(root.path, 'pia') };
    const listen = await spawnCli(['listen', '--json'], { env, signalAfterLine: 'SIGTERM' });
    expect(listen.code).toBe(ExitCode.OK);
    expect(listen.stderr).toBe('');
  });
});

// Every way `listen` ends by itself, one exit code each (a lost connection alone is retried, not an end).
describe('listen ends for good', () => {
  it('when the server comes back without the account and refuses the stored key: exit code 3', async () => {
    const first = await spawnServer(['--memory']);
    const port = new URL(first.url).port;
    const env = { BIRDTALK_SERVER: first.url, BIRDTALK_HOME: join(root.path, 'lia') };
    expect((await spawnCli(['register', '--name', 'lia', '--password', 'lia-pw'], { env })).code).toBe(0);
    let restarted: Promise<SpawnedServer> | undefined;
    const listen = await spawnCli(['listen', '--json'], {
      env,
      // Listening: the server restarts on the same port with no accounts (in memory only).
      afterFirstLine: () => {
        restarted = first.stop().then(() => spawnServer(['--memory', '--port', port]));
      },
    });
    await (await restarted)?.stop();
    expect(listen.code).toBe(ExitCode.AUTH);
    // With --json, the error is one JSON line on stderr too.
    expect(JSON.parse(listen.stderr)).toEqual({
      type: 'error',
      code: 'LOGIN_REJECTED',
      message:
        'the server no longer accepts the stored key (it may have restarted); run `birdtalk login` again',
      exitCode: ExitCode.AUTH,
    });
  });

  it('when the server cannot be reached: exit code 4', async () => {
    const gone = await spawnServer(['--memory']);
    const env = { BIRDTALK_SERVER: gone.url, BIRDTALK_HOME: join(root.path, 'gone') };
    expect((await spawnCli(['register', '--name', 'gia', '--password', 'gia-pw'], { env })).code).toBe(0);
    await gone.stop();
    const listen = await spawnCli(['listen'], { env });
    expect(listen.code).toBe(ExitCode.CONNECTION);
    expect(listen.stderr).toBe(
      `birdtalk: cannot reach ${gone.url}: the connection was refused (is the server running on that port?)\n`,
    );
  });

  it('when the server presents a certificate that does not match the pin: exit code 5', async () => {
    const tls = await spawnServer(['--tls', '--memory']);
    try {
      const env = { BIRDTALK_SERVER: tls.url, BIRDTALK_HOME: join(root.path, 'tia') };
      const pin = tls.sha256 ?? '';
      const registered = await spawnCli(['register', '--name', 'tia', '--password', 'tia-pw', '--pin', pin], {
        env,
      });
      expect(registered.code).toBe(0);
      const listen = await spawnCli(['listen'], { env: { ...env, BIRDTALK_PIN: 'ab'.repeat(32) } });
      expect(listen.code).toBe(ExitCode.TLS);
      expect(listen.stderr).toMatch(/^birdtalk: the TLS certificate of wss:\S+ does not match --pin/);
      expect(listen.stderr.split('\n')).toHaveLength(2);
    } finally {
      await tls.stop();
    }
  });
});

describe('the process fails', () => {
  it.each([
    [
      'a usage error',
      ['send', '--nope'],
      {},
      ExitCode.USAGE,
      'birdtalk: unknown flag --nope; run with --help for the flags\n',
    ],
    [
      'an unreachable server',
      ['login', '--id', '10001', '--password', 'pw'],
      { BIRDTALK_SERVER: 'ws://127.0.0.1:1/ws' },
      ExitCode.CONNECTION,
      'birdtalk: cannot reach ws://127.0.0.1:1/ws: the connection was refused (is the server running on that port?)\n',
    ],
    [
      'a malformed BIRDTALK_PIN (a certificate pasted by mistake)',
      ['login', '--id', '10001', '--password', 'pw'],
      { BIRDTALK_PIN: '-----BEGIN CERTIFICATE-----' },
      ExitCode.USAGE,
      'birdtalk: BIRDTALK_PIN must be a SHA-256 fingerprint: 64 hex digits, with or without colons\n',
    ],
    [
      'a malformed --pin',
      ['login', '--id', '10001', '--password', 'pw', '--pin', 'abc'],
      {},
      ExitCode.USAGE,
      'birdtalk: --pin must be a SHA-256 fingerprint: 64 hex digits, with or without colons\n',
    ],
    [
      'a server URL with a port out of range',
      ['login', '--id', '10001', '--password', 'pw'],
      { BIRDTALK_SERVER: 'ws://127.0.0.1:99999/ws' },
      ExitCode.USAGE,
      'birdtalk: ws://127.0.0.1:99999/ws is not a ws:// or wss:// URL\n',
    ],
    [
      'an http:// server URL',
      ['login', '--id', '10001', '--password', 'pw'],
      { BIRDTALK_SERVER: 'http://127.0.0.1:7817/ws' },
      ExitCode.USAGE,
      'birdtalk: http://127.0.0.1:7817/ws is not a ws:// or wss:// URL\n',
    ],
    [
      'a user id that is not a number',
      ['login', '--id', 'ann', '--password', 'pw'],
      {},
      ExitCode.USAGE,
      'birdtalk: --id must be a positive whole number, not "ann"\n',
    ],
    [
      'a wrong password',
      ['login', '--id', '10001', '--password', 'wrong-pw'],
      {},
      ExitCode.AUTH,
      'birdtalk: wrong user id, e-mail or password\n',
    ],
  ])('%s: one line, no stack trace, its exit code', async (_, argv, extraEnv, code, stderr) => {
    const run = await spawnCli(argv, {
      env: { BIRDTALK_SERVER: server.url, BIRDTALK_HOME: join(root.path, 'errors'), ...extraEnv },
    });
    expect(run.code).toBe(code);
    expect(run.stderr).toBe(stderr);
    expect(run.stdout).toBe('');
  });

  it('--verbose adds the causes, still without a stack trace or the password', async () => {
    const run = await spawnCli(['login', '--id', '10001', '--password', 'wrong-pw', '--verbose'], {
      env: { BIRDTALK_SERVER: server.url, BIRDTALK_HOME: join(root.path, 'verbose') },
    });
    expect(run.code).toBe(ExitCode.AUTH);
    expect(run.stderr).toContain('birdtalk: wrong user id, e-mail or password\n');
    expect(run.stderr).toMatch(/ProtocolError LOGIN_REJECTED/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toContain('wrong-pw');
  });
});

describe('the build', () => {
  it('produces one executable ESM file with a shebang that runs', async () => {
    // Inside the app (git-ignored), so that its package.json and dependencies apply as they do to dist/.
    const outDir = join(appDir, '.cache', 'build-test');
    await promisify(execFile)(
      process.execPath,
      [join(appDir, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--out-dir', outDir],
      { cwd: appDir },
    );
    const main = join(outDir, 'main.js');
    expect((await readFile(main, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect((await stat(main)).mode & 0o111).not.toBe(0);
    // The workspace packages are not built here, so it runs against their sources.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@birdtalk/source', '--import', 'tsx', main, 'help'],
      { cwd: appDir },
    );
    expect(stdout).toMatch(/^usage: birdtalk <command>/);
  });
});
