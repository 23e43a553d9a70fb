import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDemo } from './demo.js';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('the demo', () => {
  it('plays the whole conversation, exits 0, and sends nothing that would crash the real server', async () => {
    const written: string[] = [];
    const result = await runDemo({ write: (line) => written.push(line) });
    expect(result.exitCode).toBe(0);
    expect(result.hazards).toEqual([]);
    expect(written).toEqual(result.transcript);
    const lines = result.transcript;
    const expected = [
      /^BirdTalk demo on a reference server at ws:\/\/127\.0\.0\.1:\d+\/ws$/,
      /^registered alice \(id \d+\), bob \(id \d+\) and echo-bot \(id \d+\); the echo bot is running$/,
      /^$/,
      /^— a private chat with the bot —$/,
      /^alice follows echo-bot, and echo-bot follows her back/,
      /^alice → echo-bot: hello, echo bot!$/,
      /^echo-bot → alice: hello, echo bot!$/,
      /^alice → echo-bot: \/time$/,
      /^echo-bot → alice: the time here is \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
      /^$/,
      /^— a private chat between people —$/,
      /^alice and bob follow each other$/,
      /^alice → bob: hi bob, are you coming on Thursday\?$/,
      /^bob → alice: yes, see you at eight$/,
      /^$/,
      /^— a group —$/,
      /^alice created the group "book club" \(id \d+\) with bob and echo-bot$/,
      /^bob → book club: \/ping$/,
      /^echo-bot → book club: pong$/,
      /^alice → book club: I am sharing the agenda$/,
      /^alice → book club: \[file agenda\.txt, 79 bytes\]$/,
      /^bob downloaded agenda\.txt: 79 bytes, identical to what alice sent$/,
      /^$/,
      /^done in \d+\.\d s: 10 messages, no request that would crash the real server$/,
    ];
    expect(lines).toHaveLength(expected.length);
    for (const [index, line] of lines.entries()) expect(line).toMatch(expected[index] as RegExp);
  });

  it('fails with one clear line, never hanging, when it runs out of time', async () => {
    const result = await runDemo({ timeoutMs: 1 });
    expect(result.exitCode).toBe(1);
    expect(result.transcript.at(-1)).toBe('demo failed: timed out after 0.001 s');
    expect(result.transcript.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('runs as `pnpm demo` does: the transcript on stdout, nothing on stderr, exit code 0', async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=@birdtalk/source', '--import', 'tsx', 'src/main.ts'],
      {
        cwd: appDir,
        env: { PATH: process.env.PATH ?? '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^BirdTalk demo on a reference server/);
    expect(stdout).toMatch(
      /\ndone in \d+\.\d s: 10 messages, no request that would crash the real server\n$/,
    );
  });
});
