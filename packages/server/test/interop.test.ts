import { X509Certificate } from 'node:crypto';
import {
  createPureEcdh,
  keyPrintOf,
  makeCheckToken,
  makeDownloadToken,
  makeTempKey,
  openTempKey,
  publicKeyFromPem,
} from '@birdtalk/crypto';
import { ComMsgType, decodeMsg, encodeMsg, type Msg, UserOperationType } from '@birdtalk/proto';
import type { Transport } from '@birdtalk/transport';
import { createNodeConnector } from '@birdtalk/transport/node';
import { createMemoryConnector, createMemoryTransportPair } from '@birdtalk/transport/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer } from '../src/index.js';
import { connectWs } from './helpers/client.js';
import { hello, nextTm } from './helpers/protocol.js';

let server: BirdTalkServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Sends one message over a bare Transport and waits for the next reply of one of the `kinds`. */
async function exchange(
  transport: Transport,
  message: Parameters<typeof encodeMsg>[0],
  ...kinds: string[]
): Promise<Msg> {
  return new Promise<Msg>((resolve) => {
    const off = transport.on('frame', (frame) => {
      const msg = decodeMsg(frame);
      if (kinds.includes(msg.plainMsg?.message ?? '')) {
        off();
        resolve(msg);
      }
    });
    transport.send(encodeMsg(message));
  });
}

describe('TLS', () => {
  it('serves wss:// with a self-signed certificate whose SHA-256 it reports', async () => {
    server = await createServer({ tls: 'self-signed' });
    expect(server.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/ws$/);
    expect(server.httpUrl).toMatch(/^https:\/\//);
    const cert = server.certificate!;
    expect(cert.sha256).toBe(new X509Certificate(cert.pem).fingerprint256.replace(/:/g, '').toLowerCase());
    const trusted = await connectWs(server.url, { ca: cert.pem });
    expect((await hello(trusted)).plainMsg?.hello?.stage).toBe('waitlogin');
    const relaxed = await connectWs(server.url, { rejectUnauthorized: false });
    expect((await hello(relaxed)).plainMsg?.hello?.stage).toBe('waitlogin');
  });

  it('accepts a pinned connection from the transport package', async () => {
    server = await createServer({ tls: 'self-signed' });
    const connect = createNodeConnector({ pinSha256: server.certificate!.sha256 });
    const transport = await connect(server.url);
    const reply = await exchange(
      transport,
      {
        version: 1,
        tm: Date.now(),
        msgType: ComMsgType.MsgTHello,
        plainMsg: { hello: { stage: 'clienthello' } },
      },
      'hello',
    );
    expect(reply.plainMsg?.hello?.stage).toBe('waitlogin');
    transport.close();
  });
});

describe('in-memory transports of the transport package', () => {
  it('serves a transport pair and a memory connector through acceptTransport', async () => {
    server = await createServer({ listen: false });
    const [client, serverSide] = createMemoryTransportPair();
    server.acceptTransport(serverSide);
    const reply = await exchange(
      client,
      { version: 1, msgType: ComMsgType.MsgTHeartBeat, plainMsg: { heartBeat: {} } },
      'heartBeat',
    );
    expect(reply.msgType).toBe(ComMsgType.MsgTHello);
    const s = server;
    const connect = createMemoryConnector((side) => s.acceptTransport(side));
    const viaConnector = await connect('memory://birdtalk');
    const hi = await exchange(
      viaConnector,
      { version: 1, msgType: ComMsgType.MsgTHello, plainMsg: { hello: {} } },
      'hello',
    );
    expect(hi.plainMsg?.hello?.stage).toBe('waitlogin');
  });
});

describe('the crypto package against the server', () => {
  it('key exchange, token Hello and a signed download built with @birdtalk/crypto', async () => {
    server = await createServer();
    const transport = await server.connector()('memory://');
    let pair: Awaited<ReturnType<ReturnType<typeof createPureEcdh>['generateKeyPair']>>;
    let stage2: Msg;
    for (;;) {
      pair = await createPureEcdh().generateKeyPair();
      stage2 = await exchange(
        transport,
        {
          version: 1,
          msgType: ComMsgType.MsgTKeyExchange,
          plainMsg: {
            keyEx: { stage: 1, pubKey: new TextEncoder().encode(pair.publicKeyPem), encType: 'chacha20' },
          },
        },
        'keyEx',
        'errorMsg',
      );
      // One secret in ~256 starts with a zero byte and is refused; a new key pair is the answer.
      if (stage2.plainMsg?.message === 'keyEx') break;
    }
    const ex = stage2.plainMsg!.keyEx!;
    const key = await pair.deriveSecret(publicKeyFromPem(new TextDecoder().decode(ex.pubKey)));
    expect(keyPrintOf(key)).toBe(ex.keyPrint);
    expect(openTempKey('chacha20', key, ex.tempKey)).toBe(stage2.tm);
    const tm = nextTm();
    const done = await exchange(
      transport,
      {
        version: 1,
        tm,
        msgType: ComMsgType.MsgTKeyExchange,
        plainMsg: { keyEx: { stage: 3, keyPrint: ex.keyPrint, tempKey: makeTempKey('chacha20', key, tm) } },
      },
      'keyEx',
    );
    expect(done.plainMsg?.keyEx?.status).toBe('needlogin');
    const registered = await exchange(
      transport,
      {
        version: 1,
        msgType: ComMsgType.MsgTUserOp,
        plainMsg: { userOp: { operation: UserOperationType.RegisterUser, user: { params: { pwd: 'x' } } } },
      },
      'userOpRet',
    );
    const uid = registered.plainMsg!.userOpRet!.users[0]!.userId;
    const again = await server.connector()('memory://');
    const tm2 = nextTm();
    const loggedIn = await exchange(
      again,
      {
        version: 1,
        tm: tm2,
        msgType: ComMsgType.MsgTHello,
        plainMsg: {
          hello: { keyPrint: ex.keyPrint, params: { checkTokenData: makeCheckToken('chacha20', key, tm2) } },
        },
      },
      'userOpRet',
    );
    expect(loggedIn.plainMsg?.userOpRet?.users[0]?.userId).toBe(uid);
    const response = await fetch(
      `${server.httpUrl}/filestore/download?u=${ex.keyPrint}&sign=${makeDownloadToken(key, 'none.txt', Math.floor(Date.now() / 1000) + 60)}`,
    );
    expect([response.status, await response.text()]).toEqual([404, 'File not found']);
  });
});
