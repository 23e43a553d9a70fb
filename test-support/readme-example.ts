/**
 * Runs the example a package README opens with, exactly as a reader would: the first ```ts block, in a Node
 * process inside the package (so the package's own name resolves to its sources). Used by every package's
 * `test/readme.test.ts`, so a README can never show an example that does not run.
 */
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** What the example printed and how it ended. */
export interface ExampleRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Extracts the first TypeScript block of `<packageDir>/README.md`, runs it with tsx under the workspace's
 * source condition, and returns its output.
 *
 * @param packageDir - the package directory, e.g. `new URL('..', import.meta.url)` from its `test/` folder.
 * @throws Error when the README has no TypeScript block.
 */
export async function runReadmeExample(packageDir: URL): Promise<ExampleRun> {
  const readme = await readFile(new URL('README.md', packageDir), 'utf8');
  const example = /^```ts\n([\s\S]*?)^```/m.exec(readme)?.[1];
  if (example === undefined)
    throw new Error(`${fileURLToPath(packageDir)}README.md opens with no \`\`\`ts example`);
  const root = fileURLToPath(packageDir);
  const file = fileURLToPath(new URL(`test/readme-example-${process.pid}.ts`, packageDir));
  await writeFile(file, example);
  try {
    return await new Promise<ExampleRun>((resolve, reject) => {
      const child = spawn(process.execPath, ['--conditions=@birdtalk/source', '--import', 'tsx', file], {
        cwd: root,
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
    });
  } finally {
    await rm(file, { force: true });
  }
}
