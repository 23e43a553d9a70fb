import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/exit-codes.js';
import { cli, tempDir } from './helpers.js';

let server: BirdTalkServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs `birdtalk interop` with a fresh home directory. */
async function interop(...argv: string[]) {
  const home = await tempDir('interop');
  try {
    return await cli(['interop', '--home', home.path, ...argv]);
  } finally {
    await home.remove();
  }
}

describe('birdtalk interop', () => {
  it('refuses a bad --timeout and a missing server before connecting', async () => {
    const badTimeout = await interop('--server', 'ws://127.0.0.1:9/ws', '--timeout', '0');
    expect(badTimeout.code).toBe(ExitCode.USAGE);
    expect(badTimeout.stderr).toContain('--timeout must be a number ≥ 1');
    const noServer = await cli(['interop', '--home', '/nonexistent-birdtalk-home'], { env: {} });
    expect(noServer.code).toBe(ExitCode.USAGE);
    expect(noServer.stdout).toBe('');
  });

  it('passes every check against the reference server over ws:// (strict), and cleans up', async () => {
    server = await createServer({ port: 0, strict: true });
    const run = await interop('--server', server.url);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => !line.startsWith('ok '))).toEqual([lines.at(-1)]);
    expect(lines.at(-1)).toBe(`${lines.length - 1} passed, 0 failed`);
    expect(lines.length).toBeGreaterThan(20);
    for (const surface of [
      'chacha20',
      'fast re-login',
      'exactly once',
      'offline catch-up',
      'receipts',
      'recall',
      'byte-identical',
      'refused locally: approving a friend request',
      'logout',
      'unregister',
    ]) {
      expect(lines.some((line) => line.includes(surface))).toBe(true);
    }
    expect(run.code).toBe(ExitCode.OK);
    expect(server.hazards()).toEqual([]);
    // Every throwaway session ended, and the accounts are gone: the uploader (a) and everyone a chatted with.
    expect(server.connectionCount()).toBe(0);
    const uploader = server.listFiles()[0]?.userId ?? '0';
    const peers = new Set(server.getMessages(uploader).flatMap((row) => [row.fromId, row.toId]));
    expect(peers.size).toBe(2);
    for (const userId of peers) expect(server.getUser(userId)?.params.status).toBe('deleted');
  }, 120_000);

  it('works over wss:// with a pinned self-signed certificate, and prints JSON lines with --json', async () => {
    server = await createServer({ port: 0, strict: true, tls: 'self-signed' });
    const run = await interop('--server', server.url, '--pin', server.certificate?.sha256 ?? '', '--json');
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; ok?: boolean; passed?: number; failed?: number });
    expect(records.at(-1)).toEqual({ type: 'summary', passed: records.length - 1, failed: 0 });
    expect(records.slice(0, -1).every((record) => record.type === 'check' && record.ok === true)).toBe(true);
    expect(run.code).toBe(ExitCode.OK);
  }, 120_000);

  it('reports what differs and exits 1 against a server that behaves otherwise', async () => {
    // In friend-request mode following is not immediate, so private chat cannot work as the SDK expects.
    server = await createServer({ port: 0, strict: true, friendMode: 'request' });
    const run = await interop('--server', server.url);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain('FAILED follow both ways: a follows b: false, b follows a: false');
    const [, passed, failed] = /^(\d+) passed, (\d+) failed$/.exec(lines.at(-1) ?? '') ?? [];
    expect(Number(failed)).toBeGreaterThan(0);
    expect(Number(passed) + Number(failed)).toBe(lines.length - 1);
    expect(run.code).toBe(ExitCode.FAILURE);
    expect(run.stderr).toContain('interop check(s) failed');
    expect(server.hazards()).toEqual([]);
  }, 180_000);
});
