import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/exit-codes.js';
import { cli, type SpawnedServer, spawnServer, tempDir } from './helpers.js';

// A reference server with a self-signed certificate, like the real server's (§1.1: self-signed, expired).
let server: SpawnedServer;
let root: { path: string; remove: () => Promise<void> };
let userId: string;
let pin: string;

beforeAll(async () => {
  server = await spawnServer(['--tls']);
  root = await tempDir('tls');
  expect(server.url).toMatch(/^wss:\/\//);
  pin = server.sha256 ?? '';
  expect(pin).toMatch(/^[0-9a-f]{64}$/);
});

afterAll(async () => {
  await server?.stop();
  await root?.remove();
});

describe('TLS', () => {
  it('without a pin the self-signed certificate is refused, with a hint', async () => {
    const run = await cli(
      ['register', '--name', 'tess', '--password', 'pw', '--home', join(root.path, 'a')],
      {
        env: { BIRDTALK_SERVER: server.url },
      },
    );
    expect(run.code).toBe(ExitCode.TLS);
    expect(run.stderr).toBe(
      `birdtalk: the TLS certificate of ${server.url} is not trusted (self-signed or expired); pin it with --pin <sha256> (the server prints it), or pass --insecure for a local experiment\n`,
    );
  });

  it('with the right --pin it works, and the pin is remembered for the next commands', async () => {
    const home = join(root.path, 'pinned');
    const registered = await cli(
      ['register', '--name', 'tess', '--password', 'pw', '--pin', pin, '--home', home],
      {
        env: { BIRDTALK_SERVER: server.url },
      },
    );
    expect(registered.stderr).not.toMatch(/^birdtalk:/m);
    expect(registered.code).toBe(0);
    userId = registered.stdout.trim();
    // No --server, no --pin: both remembered.
    const whoami = await cli(['whoami', '--home', home]);
    expect(whoami.code).toBe(0);
    expect(whoami.stdout).toBe(`tess (id ${userId}) on ${server.url}\n`);
  });

  it('a pin written with colons and capitals works too (BIRDTALK_PIN)', async () => {
    const colons = pin.toUpperCase().match(/../g)?.join(':') ?? '';
    const run = await cli(
      ['login', '--id', userId, '--password', 'pw', '--home', join(root.path, 'colons')],
      {
        env: { BIRDTALK_SERVER: server.url, BIRDTALK_PIN: colons },
      },
    );
    expect(run.code).toBe(0);
  });

  it('a wrong pin is a mismatch, named as such, and names the presented fingerprint', async () => {
    const run = await cli(
      ['login', '--id', userId, '--password', 'pw', '--pin', 'ab'.repeat(32), '--home', join(root.path, 'b')],
      { env: { BIRDTALK_SERVER: server.url } },
    );
    expect(run.code).toBe(ExitCode.TLS);
    expect(run.stderr).toBe(
      `birdtalk: the TLS certificate of ${server.url} does not match --pin (it presented ${pin}); check the fingerprint, someone may be in between\n`,
    );
  });

  it('--insecure connects, with a warning on stderr (also with --json)', async () => {
    const home = join(root.path, 'insecure');
    const run = await cli(['login', '--id', userId, '--password', 'pw', '--insecure', '--home', home], {
      env: { BIRDTALK_SERVER: server.url },
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "warning: --insecure: the server's certificate is not checked; anyone in between can read and change the traffic\n",
    );
    const json = await cli(['whoami', '--insecure', '--json', '--home', home]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stderr)).toEqual({
      type: 'warning',
      message:
        "--insecure: the server's certificate is not checked; anyone in between can read and change the traffic",
    });
    // --insecure is not remembered: without it the certificate is checked again.
    const checked = await cli(['whoami', '--home', home]);
    expect(checked.code).toBe(ExitCode.TLS);
  });

  it('downloads go through the same pinned TLS', async () => {
    const home = join(root.path, 'pinned');
    const { writeFile, readFile } = await import('node:fs/promises');
    const path = join(root.path, 'tls.txt');
    await writeFile(path, 'over TLS\n');
    const uploaded = await cli(['upload', path, '--home', home]);
    expect(uploaded.code).toBe(0);
    const target = join(root.path, 'tls-back.txt');
    const downloaded = await cli(['download', uploaded.stdout.trim(), '-o', target, '--home', home]);
    expect(downloaded.stderr).toBe('');
    expect(await readFile(target, 'utf8')).toBe('over TLS\n');
  });
});
