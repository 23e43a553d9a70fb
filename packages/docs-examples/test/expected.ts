import { expect } from 'vitest';

/** What a block that runs must print. */
export interface ExpectedRun {
  /** Its standard output: exactly this text, text matching this pattern, or what this check accepts. */
  readonly stdout: string | RegExp | ((stdout: string) => void);
  /** Its standard error. @defaultValue '' */
  readonly stderr?: string;
  /** It needs a Redis server (`REDIS_URL`), and is skipped where `redis-server` is not installed. */
  readonly redis?: boolean;
}

/** The output of every block that runs as it is (`ts` without flags), by block name. */
export const expectedRuns: Readonly<Record<string, ExpectedRun>> = {
  'packages/bot/README.md#1': {
    stdout:
      'bot: what is it about?\nbot: tell me more\nbot: ticket saved\nbot: printer: it is jammed\nhazards: 0\n',
  },
  'packages/client/README.md#1': { stdout: 'ann got: echo: hello\nhazards: 0\n' },
  'packages/crypto/README.md#1': { stdout: /^true\n-?[0-9]+ true\n$/ },
  'packages/errors/README.md#1': { stdout: 'they must follow us first\nno answer in time (TIMEOUT)\n' },
  'packages/fleet/README.md#1': {
    redis: true,
    stdout: (stdout) => {
      const lines = stdout.trim().split('\n');
      expect(lines.at(-1)).toBe('worker-a: 2 accounts, worker-b: 2 accounts');
      // Every account ran at least once; hand-overs while the second worker joins may start some twice. Its
      // accounts are none of the store-redis example's, which runs at the same time on the same Redis.
      for (const account of ['30001', '30002', '30003', '30004']) {
        expect(lines.some((line) => line.startsWith(`${account} runs on`))).toBe(true);
      }
    },
  },
  'packages/proto/README.md#1': { stdout: '1001\n' },
  // The example's logger writes to stderr; the password field never appears.
  'packages/runtime/README.md#1': { stdout: '', stderr: 'debug ready\ninfo thirty seconds later\n' },
  'packages/server/README.md#1': { stdout: /^ws:\/\/127\.0\.0\.1:\d+\/ws\n$/ },
  'packages/session/README.md#1': {
    stdout:
      /^state: connecting\nstate: hello\nstate: key-exchange\nstate: awaiting-login\nstate: ready\nlogged in as ada 10001\nstored as message [0-9]+ \(save data ok\)\nstate: closed\nhazards: 0\n$/,
  },
  'packages/store-redis/README.md#1': {
    redis: true,
    stdout: 'position: 7300000000000000123\nstale write: STORE_STALE_FENCE\n',
  },
  'packages/store-sqlite/README.md#1': {
    stdout: [
      'position: 7300000000000000123',
      "seen: [ '10002:1750000000000000001' ]",
      'device: device-1 true',
      'send ids: 1750000000000000000 → 1750000000000000100',
      '',
    ].join('\n'),
  },
  'packages/transport/README.md#1': { stdout: 'echoed Uint8Array(3) [ 1, 2, 3 ]\nclosed 1000\n' },
  'packages/transport/README.md#6': { stdout: 'Uint8Array(1) [ 7 ]\n' },
};

/** The blocks marked `ts program`, each run by its own test in `programs.test.ts`. */
export const programs: readonly string[] = ['README.md#1', 'README.md#2'];
