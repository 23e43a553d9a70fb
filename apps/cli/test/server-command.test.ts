import { stat } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/exit-codes.js';
import { cli, tempDir } from './helpers.js';

let state: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  state = await tempDir('server-state');
});
afterEach(async () => {
  await state.remove();
});

/** Runs `birdtalk server …` in this process until it printed its URL, then stops it as Ctrl-C would. */
async function serveOnce(args: readonly string[]) {
  const interrupt = new AbortController();
  return cli(['server', ...args], {
    env: { XDG_STATE_HOME: state.path },
    interrupt: interrupt.signal,
    onLine: () => interrupt.abort(),
  });
}

describe('birdtalk server', () => {
  it('keeps its state in a per-port file and says where', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    const file = join(state.path, 'birdtalk', `server-${port}.json`);
    const run = await serveOnce(['--port', String(port), '--strict']);
    expect(run.code).toBe(ExitCode.OK);
    expect(run.stderr).toContain(
      `state: ${file} (saved on Ctrl-C, loaded at start; --memory for a throwaway server)`,
    );
    expect((await stat(file)).isFile()).toBe(true);
  });

  it('on a busy port says which and suggests --port', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await serveOnce(['--port', String(port), '--memory']);
      expect(run.code).toBe(ExitCode.FAILURE);
      expect(run.stderr).toBe(
        `birdtalk: port ${port} is already in use on 127.0.0.1: another server (perhaps an earlier one) is listening there; stop it, or choose another port with --port <n> (--port 0 = any free port)\n`,
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('refuses --snapshot with --memory', async () => {
    const run = await serveOnce(['--memory', '--snapshot', join(state.path, 'x.json')]);
    expect(run.code).toBe(ExitCode.USAGE);
  });
});
