import { join } from 'node:path';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ExitCode } from '../src/exit-codes.js';
import { cli, tempDir } from './helpers.js';

// Accounts with an e-mail address cannot be made from the command line (that needs a mailed code), so this
// file seeds one in a server of its own.
let server: BirdTalkServer;
let root: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  // A server whose mail works: on the stock one an unknown address would make it mail a code and die.
  server = await createServer({
    port: 0,
    mailWorks: true,
    seed: { users: [{ userName: 'eve', email: 'eve@example.com', password: 'eve-pw' }] },
  });
  root = await tempDir('email');
});

afterAll(async () => {
  await server?.close();
  await root?.remove();
});

it('login --email stores the key under the user id, so whoami works without a password', async () => {
  const home = join(root.path, 'eve');
  const env = { BIRDTALK_SERVER: server.url, BIRDTALK_PASSWORD: 'eve-pw' };
  const login = await cli(['login', '--email', 'eve@example.com', '--mail-works', '--json', '--home', home], {
    env,
  });
  expect(login.stderr).toBe('');
  expect(login.records).toEqual([expect.objectContaining({ type: 'user', userName: 'eve' })]);
  const whoami = await cli(['whoami', '--json', '--home', home], { env: { BIRDTALK_SERVER: server.url } });
  expect(whoami.code).toBe(0);
  expect(whoami.records[0]).toMatchObject({ userName: 'eve', fastLogin: true });
  expect(server.hazards()).toEqual([]);
});

it('without --mail-works an e-mail login is not sent: the stock server would mail a code and die', async () => {
  const run = await cli(
    ['login', '--email', 'nobody@example.com', '--password', 'x', '--home', join(root.path, 'refused')],
    { env: { BIRDTALK_SERVER: server.url } },
  );
  expect(run.code).not.toBe(0);
  expect(run.stderr).toMatch(/^birdtalk: not sent: an e-mail login makes the server mail a code/);
  expect(server.hazards()).toEqual([]);
});

it('an unknown address is named as such', async () => {
  const run = await cli(
    [
      'login',
      '--email',
      'nobody@example.com',
      '--mail-works',
      '--password',
      'x',
      '--home',
      join(root.path, 'x'),
    ],
    {
      env: { BIRDTALK_SERVER: server.url },
    },
  );
  expect(run.code).toBe(ExitCode.AUTH);
  expect(run.stderr).toBe('birdtalk: no account has this e-mail address\n');
});

it('whoami after the server restarted (and forgot the key) asks to log in again', async () => {
  const home = join(root.path, 'eve');
  const port = server.port;
  await server.close();
  // Same address, fresh memory: the stored key means nothing to it.
  server = await createServer({
    port,
    mailWorks: true,
    seed: { users: [{ userName: 'eve', email: 'eve@example.com', password: 'eve-pw' }] },
  });
  const run = await cli(['whoami', '--home', home]);
  expect(run.code).toBe(ExitCode.AUTH);
  expect(run.stderr).toBe(
    'birdtalk: the server no longer accepts the stored key (it may have restarted); run `birdtalk login` again\n',
  );
  expect(server.hazards()).toEqual([]);
});
