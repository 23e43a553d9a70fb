import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SERVER_REGISTRY_ENV, SERVER_REGISTRY_KEY } from '../src/index.js';

const run = promisify(execFile);
const fixtures = fileURLToPath(new URL('./fixtures/hazard-check/', import.meta.url));
const vitestBin = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));

interface JsonReport {
  testResults: Array<{
    assertionResults: Array<{ title: string; status: string; failureMessages: string[] }>;
    message?: string;
  }>;
}

/** Runs one fixture with the workspace's shared vitest setup in a child process; resolves with its report. */
async function check(file: string): Promise<{ tests: Record<string, string>; failures: string }> {
  const outcome = await run(
    process.execPath,
    [vitestBin, 'run', '--config', 'vitest.config.ts', '--reporter=json', file],
    { cwd: fixtures, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const report = JSON.parse(outcome.stdout.slice(outcome.stdout.indexOf('{'))) as JsonReport;
  const tests: Record<string, string> = {};
  const failures: string[] = [];
  for (const result of report.testResults) {
    if (result.message) failures.push(result.message);
    for (const assertion of result.assertionResults) {
      tests[assertion.title] = assertion.status;
      failures.push(...assertion.failureMessages);
    }
  }
  return { tests, failures: failures.join('\n') };
}

describe('the workspace hazard check (vitest.setup.ts)', () => {
  it('is installed in this run: servers find the registry under the registered symbol', () => {
    const registry = (globalThis as unknown as Record<symbol, unknown>)[SERVER_REGISTRY_KEY];
    expect(registry).toMatchObject({ register: expect.any(Function) });
    expect(SERVER_REGISTRY_KEY).toBe(Symbol.for('@birdtalk/server/registry'));
  });

  it('fails a test after which a server holds a hazard nobody expected', async () => {
    const { tests, failures } = await check('unexpected.check.ts');
    expect(tests).toEqual({ 'leaves a hazard behind': 'failed' });
    expect(failures).toContain('recorded hazards nobody expected: malformed-frame');
  });

  it('passes tests that declare the hazard they provoke, or clear it', async () => {
    const { tests } = await check('declared.check.ts');
    expect(tests).toEqual({
      'declares the hazard it provokes': 'passed',
      'clears the hazard it provoked': 'passed',
    });
  });

  it('fails a test that starts a lenient server without declaring the hazards it is for', async () => {
    const { tests, failures } = await check('lenient.check.ts');
    expect(tests).toEqual({ 'starts a lenient server without saying why': 'failed' });
    expect(failures).toContain('lenient reference server');
  });

  it('blames the test that provoked the hazard on a server shared by the whole file, and only that one', async () => {
    const { tests } = await check('shared.check.ts');
    expect(tests).toEqual({
      'a clean test': 'passed',
      'a test that provokes a hazard on a server shared by the file': 'failed',
      'the next test is clean again': 'passed',
    });
  });

  it(`registers servers without a test hook when ${SERVER_REGISTRY_ENV}=1`, async () => {
    const script = [
      "import { createServer, trackedServers } from '@birdtalk/server';",
      'const server = await createServer({ listen: false });',
      'console.log(trackedServers().length);',
      'await server.close();',
    ].join('\n');
    const runScript = (env: Record<string, string>) =>
      run(
        process.execPath,
        ['--conditions=@birdtalk/source', '--import', 'tsx', '--input-type=module', '-e', script],
        { cwd: fileURLToPath(new URL('..', import.meta.url)), env: { ...process.env, ...env } },
      );
    expect((await runScript({ [SERVER_REGISTRY_ENV]: '1' })).stdout.trim()).toBe('1');
    expect((await runScript({ [SERVER_REGISTRY_ENV]: '' })).stdout.trim()).toBe('0');
  });
});
