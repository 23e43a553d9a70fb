import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeClient, type NodeTlsOptions } from '@birdtalk/client/node';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PASSWORD = 'tls-password';
let server: BirdTalkServer;
let userId: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'birdtalk-tls-'));
  server = await createServer({ port: 0, tls: 'self-signed' });
  userId = await server.createUser({ userName: 'tls', password: PASSWORD });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
/** Starts a Node client with `tls` against the self-signed server; resolves with the error, or `undefined`. */
async function connect(tls: NodeTlsOptions | undefined): Promise<unknown> {
  n += 1;
  const client = createNodeClient({
    server: server.url,
    credentials: { method: 'id', userId, password: PASSWORD },
    stateDir: join(dir, String(n)),
    session: { reconnectMaxAttempts: 0 },
    ...(tls === undefined ? {} : { tls }),
  });
  try {
    await client.start();
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await client.stop();
  }
}

// The command line's pins (`--pin`, BIRDTALK_PIN, a wrong pin, --insecure) are tested in apps/cli/test/tls.test.ts.
describe('TLS verification of the Node client (createNodeClient)', () => {
  it('is on by default: a self-signed certificate is refused', async () => {
    expect(server.url.startsWith('wss://')).toBe(true);
    expect(await connect(undefined)).toMatchObject({ code: 'TRANSPORT_TLS_UNTRUSTED' });
  });

  it('accepts the certificate it pins', async () => {
    expect(await connect({ pinSha256: server.certificate!.sha256 })).toBeUndefined();
  });

  it('refuses a certificate that does not match the pin', async () => {
    expect(await connect({ pinSha256: 'ab'.repeat(32) })).toMatchObject({
      code: 'TRANSPORT_TLS_PIN_MISMATCH',
    });
  });

  it('accepts the certificate when it is given as the trusted authority', async () => {
    expect(await connect({ ca: server.certificate!.pem })).toBeUndefined();
  });
});
