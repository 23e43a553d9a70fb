import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { connectWs } from './helpers/client.js';
import { hello } from './helpers/protocol.js';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, ['--conditions=@birdtalk/source', '--import', 'tsx', cli, ...args], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = createInterface({ input: child.stdout! });
  const iterator = lines[Symbol.asyncIterator]();
  return {
    child,
    nextLine: async () => (await iterator.next()).value as string,
    exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

describe('CLI', () => {
  it('prints its URL, serves it, and exits cleanly on SIGTERM', async () => {
    const { child, nextLine, exited } = run(['--port', '0']);
    const url = await nextLine();
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws$/);
    const client = await connectWs(url);
    expect((await hello(client)).plainMsg?.hello?.stage).toBe('waitlogin');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('with --tls prints a wss:// URL and the certificate fingerprint', async () => {
    const { child, nextLine, exited } = run([
      '--port',
      '0',
      '--tls',
      '--lenient',
      '--friend-mode',
      'request',
    ]);
    expect(await nextLine()).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/ws$/);
    expect(await nextLine()).toMatch(/^certificate sha256 [0-9a-f]{64}$/);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('refuses bad arguments', async () => {
    const { exited } = run(['--friend-mode', 'nope']);
    expect(await exited).toBe(2);
  });
});
