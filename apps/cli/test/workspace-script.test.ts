import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appDir } from './helpers.js';

const root = join(appDir, '..', '..');
let caller = '';
beforeEach(async () => {
  // A directory inside the workspace that is no package of its own, so that `pnpm birdtalk` finds the root's script.
  caller = await mkdtemp(join(root, '.caller-'));
});
afterEach(async () => {
  await rm(caller, { recursive: true, force: true });
});

describe('pnpm birdtalk', () => {
  it("resolves relative paths against the caller's directory, not the workspace root", async () => {
    const child = spawn(
      'npx',
      [
        '-y',
        'pnpm@12.4.2',
        'run',
        '--silent',
        'birdtalk',
        'server',
        '--port',
        '0',
        '--strict',
        '--snapshot',
        'state.json',
      ],
      {
        cwd: caller,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: Ctrl-C reaches npx, pnpm and node alike, as in a terminal.
        detached: true,
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', () => process.kill(-(child.pid ?? 0), 'SIGINT'));
    // (pnpm itself reports the Ctrl-C as a failed command, so the exit code says nothing here.)
    await new Promise<void>((resolve) => child.once('close', () => resolve()));
    expect(stderr).toContain(`state: ${join(caller, 'state.json')}`);
    expect(await readdir(caller)).toEqual(['state.json']);
  });
});
