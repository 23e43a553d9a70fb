import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

it('opens with an example that runs against the reference server', { timeout: 60_000 }, async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const example = /^```ts\n([\s\S]*?)^```/m.exec(readme)?.[1];
  expect(example).toBeDefined();
  // Inside the package, so that `@birdtalk/bot` resolves to this package's sources.
  const file = fileURLToPath(new URL(`./readme-example-${process.pid}.ts`, import.meta.url));
  await writeFile(file, example!);
  try {
    const output = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve, reject) => {
        const child = spawn(process.execPath, ['--conditions=@birdtalk/source', '--import', 'tsx', file], {
          cwd: packageRoot,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
        });
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      },
    );
    expect(output.stderr).toBe('');
    expect(output.code).toBe(0);
    expect(output.stdout).toBe('bot: pong\nbot: you said: hello\nhazards: 0\n');
  } finally {
    await rm(file, { force: true });
  }
});
