import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';

const golden = new URL('../golden/real-653b489/', import.meta.url).pathname;
let server: BirdTalkServer;

beforeAll(async () => {
  server = await createServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe('pnpm conformance', () => {
  it('compares the chosen scenarios with a golden directory and exits 0 when all are the same', async () => {
    const result = await run(
      '--server',
      server.url,
      '--compare',
      golden,
      '--only',
      'hello_waitlogin,text_echo',
    );
    expect(result.out).toBe('hello_waitlogin: same\ntext_echo: same\n2 passed, 0 failed\n');
    expect(result.code).toBe(0);
  });

  it('works over wss:// (the certificate is not verified, as the real server’s is self-signed)', async () => {
    const tlsServer = await createServer({ port: 0, tls: 'self-signed' });
    try {
      const result = await run('--server', tlsServer.url, '--compare', golden, '--only', 'kex_aes_ctr');
      expect(result).toMatchObject({ code: 0, out: 'kex_aes_ctr: same\n1 passed, 0 failed\n' });
    } finally {
      await tlsServer.close();
    }
  });

  it('prints the transcripts without --compare or --record', async () => {
    const result = await run('--server', server.url, '--only', 'hello_waitlogin');
    expect(result.out).toMatch(/^# scenario hello_waitlogin\n== step 1\nA> \{"msgType": "MsgTHello"/);
    expect(result.code).toBe(0);
  });

  it('refuses bad arguments with the usage and exit status 2', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('--server', server.url, '--compare', 'a', '--record', 'b')).code).toBe(2);
    const unknown = await run('--server', server.url, '--only', 'nope');
    expect(unknown).toMatchObject({ code: 2, err: 'no such scenario: nope\n' });
    expect((await run('--server', server.url, '--timeout', '-1')).code).toBe(2);
    expect((await run('--bogus')).err).toContain('usage: pnpm conformance');
    expect(await run('--server', server.url, '--set', 'some')).toMatchObject({
      code: 2,
      err: '--set is one of real, documented, all\n',
    });
    // --only picks within the set: a documented scenario is not among the real-server ones.
    expect(await run('--server', server.url, '--set', 'real', '--only', 'kex_chacha20')).toMatchObject({
      code: 2,
      err: 'no such scenario: kex_chacha20\n',
    });
  });

  it('compares the documented set with the expected transcripts', async () => {
    const expected = new URL('../expected/reference/', import.meta.url).pathname;
    const result = await run(
      '--server',
      server.url,
      '--set',
      'documented',
      '--compare',
      expected,
      '--only',
      'kex_chacha20',
    );
    expect(result).toMatchObject({ code: 0, out: 'kex_chacha20: same\n1 passed, 0 failed\n' });
  });

  it('lists the scenarios', async () => {
    const result = await run('--list');
    expect(result.out.split('\n')).toContain(
      'hello_waitlogin  Hello with keyPrint 0 is answered by Hello stage "waitlogin".',
    );
  });
});
