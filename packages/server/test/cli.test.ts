import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer as createNetServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectWs } from './helpers/client.js';
import { hello, login, register } from './helpers/protocol.js';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

let stateHome = '';
beforeEach(async () => {
  stateHome = await mkdtemp(join(tmpdir(), 'birdtalk-state-'));
});
afterEach(async () => {
  await rm(stateHome, { recursive: true, force: true });
});

function run(args: string[]) {
  const child = spawn(process.execPath, ['--conditions=@birdtalk/source', '--import', 'tsx', cli, ...args], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_STATE_HOME: stateHome },
  });
  const lines = createInterface({ input: child.stdout! });
  const iterator = lines[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return {
    child,
    nextLine: async () => (await iterator.next()).value as string,
    stderr: () => stderr,
    exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

/** A TCP server on a free port, so that the port is known and busy. */
async function occupyPort(): Promise<Server> {
  const blocker = createNetServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return blocker;
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const probe = await occupyPort();
  const port = portOf(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
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

  it('keeps its state in a per-port file by default, says where, and finds its accounts after a restart', async () => {
    const port = await freePort();
    const file = join(stateHome, 'birdtalk', `server-${port}.json`);
    const first = run(['--port', String(port)]);
    const url = await first.nextLine();
    const ann = await connectWs(url);
    await hello(ann);
    const annId = await register(ann, 'ann', 'pw');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.stderr()).toContain(`state: ${file}`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const second = run(['--port', String(port)]);
    const again = await connectWs(await second.nextLine());
    await hello(again);
    await login(again, annId, 'pw');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('with --memory (or on port 0) writes no file and says so', async () => {
    const memory = run(['--port', String(await freePort()), '--memory']);
    await memory.nextLine();
    memory.child.kill('SIGTERM');
    expect(await memory.exited).toBe(0);
    expect(memory.stderr()).toContain('state: in memory only (--memory)');
    const anyPort = run(['--port', '0']);
    await anyPort.nextLine();
    anyPort.child.kill('SIGTERM');
    expect(await anyPort.exited).toBe(0);
    expect(anyPort.stderr()).toContain('state: in memory only (port 0');
    expect(existsSync(join(stateHome, 'birdtalk')) ? await readdir(join(stateHome, 'birdtalk')) : []).toEqual(
      [],
    );
  });

  it('on a busy port names the port and suggests --port, without a stack trace', async () => {
    const blocker = await occupyPort();
    try {
      const busy = run(['--port', String(portOf(blocker))]);
      expect(await busy.exited).toBe(1);
      expect(busy.stderr().trim()).toBe(
        `server: port ${portOf(blocker)} is already in use on 127.0.0.1: another server (perhaps an earlier one) is listening there; stop it, or choose another port with --port <n> (--port 0 = any free port)`,
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('refuses a state file it cannot load, naming it', async () => {
    const file = join(stateHome, 'broken.json');
    await writeFile(file, '{"format":"other"}');
    const broken = run(['--port', '0', '--snapshot', file]);
    expect(await broken.exited).toBe(1);
    expect(broken.stderr()).toContain(
      `server: the saved state cannot be loaded: ${file}: not a birdtalk-server-snapshot`,
    );
    expect(broken.stderr()).toContain('--memory');
  });
});
