import { createECDH, generateKeyPairSync } from 'node:crypto';
import { ComMsgType, ErrorMsgType, type Msg, QueryDataType, UserOperationType } from '@birdtalk/proto';
import type { Random } from '@birdtalk/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer } from '../src/index.js';
import { connectMemory, pick, settle } from './helpers/client.js';
import { encryptProof, pointToPem } from './helpers/crypto.js';
import {
  hello,
  keyExchange,
  login,
  msg,
  nextError,
  nextTm,
  register,
  tokenHello,
  userOp,
} from './helpers/protocol.js';

let server: BirdTalkServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Parameters<typeof createServer>[0] = {}) {
  server = await createServer({ listen: false, ...options });
  return server;
}

function stage1(pubKey: Uint8Array | string, encType = 'AES-CTR', rsaPrint = 0) {
  return msg(ComMsgType.MsgTKeyExchange, {
    keyEx: { stage: 1, pubKey: typeof pubKey === 'string' ? Buffer.from(pubKey) : pubKey, encType, rsaPrint },
  });
}

describe('Hello', () => {
  it('answers waitlogin with the fixed fields', async () => {
    const client = await connectMemory(await start());
    const reply = await hello(client);
    expect(reply.msgType).toBe(ComMsgType.MsgTHello);
    expect(pick(reply.plainMsg?.hello, ['stage', 'version', 'platform', 'clientId', 'keyPrint'])).toEqual({
      stage: 'waitlogin',
      version: 'v1.0',
      platform: 'windows',
      clientId: '',
      keyPrint: '0',
    });
  });

  it('refuses another version (error 1) and a missing payload (error 14)', async () => {
    const client = await connectMemory(await start());
    client.send(msg(ComMsgType.MsgTHello, { hello: {} }, { version: 2 }));
    expect(await nextError(client)).toMatchObject({
      code: ErrorMsgType.ErrTVersion,
      detail: 'version is too high',
    });
    client.send(msg(ComMsgType.MsgTHello, { heartBeat: {} }));
    expect(await nextError(client)).toMatchObject({
      code: ErrorMsgType.ErrTMsgContent,
      detail: 'hello msg is null',
    });
  });

  it('a Hello after login logs the connection out (§3.5)', async () => {
    const client = await connectMemory(await start());
    await register(client);
    await hello(client);
    client.send(
      msg(ComMsgType.MsgTQuery, { commonQuery: { queryType: QueryDataType.QueryDataTypeChatData } }),
    );
    expect(await nextError(client)).toMatchObject({
      code: ErrorMsgType.ErrTNotLogin,
      detail: 'should login first.',
    });
  });
});

describe('key exchange', () => {
  it.each(['AES-CTR', 'aes-ctr', 'chacha20', 'ChaCha20'])('completes stages 1–4 with %s', async (encType) => {
    const client = await connectMemory(await start());
    const token = await keyExchange(client, encType);
    expect(token.key).toHaveLength(32);
  });

  it('stage 2 echoes the encType and proves the key with the message tm; stage 4 says needlogin', async () => {
    const client = await connectMemory(await start());
    const token = await keyExchange(client, 'AES-CTR');
    expect(token.keyPrint).not.toBe('0');
  });

  it('defaults an empty encType to AES-CTR', async () => {
    const client = await connectMemory(await start());
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    client.send(stage1(pointToPem(ecdh.getPublicKey()), ''));
    const reply = await client.wait(
      (m) => m.plainMsg?.message === 'keyEx' || m.plainMsg?.message === 'errorMsg',
    );
    if (reply.plainMsg?.message === 'keyEx') {
      expect(pick(reply.plainMsg.keyEx, ['encType', 'status', 'detail', 'rsaPrint'])).toEqual({
        encType: 'AES-CTR',
        status: 'ready',
        detail: 'reply public key and key print',
        rsaPrint: '0',
      });
      expect(Buffer.from(reply.plainMsg.keyEx.pubKey).toString()).toMatch(
        /^-----BEGIN PUBLIC KEY-----\n(?:[A-Za-z0-9+/=]{1,64}\n)+-----END PUBLIC KEY-----\n$/,
      );
    }
  });

  it('refuses unknown algorithms with error 9 and says nothing for the broken twofish128', async () => {
    const client = await connectMemory(await start());
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    client.send(stage1(pointToPem(ecdh.getPublicKey()), 'aes-gcm'));
    expect(await nextError(client)).toMatchObject({
      code: ErrorMsgType.ErrTServerInside,
      detail: 'create key pair error: encrypt algorithm is unknown',
    });
    // About one exchange in 256 yields a secret with a leading zero byte, which the server refuses (error 11)
    // before it looks at the algorithm: try fresh keys until one gets past that.
    let replies: unknown[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const fresh = createECDH('prime256v1');
      fresh.generateKeys();
      client.send(stage1(pointToPem(fresh.getPublicKey()), 'twofish128'));
      await settle();
      replies = client.take();
      const shortSecret = replies.some(
        (reply) => (reply as { plainMsg?: { errorMsg?: { code?: number } } }).plainMsg?.errorMsg?.code === 11,
      );
      if (!shortSecret) break;
    }
    expect(replies).toEqual([]);
  });

  it('checks rsaPrint, key length, PEM, key type and curve', async () => {
    const s = await start();
    const client = await connectMemory(s);
    const good = createECDH('prime256v1');
    good.generateKeys();
    client.send(stage1(pointToPem(good.getPublicKey()), 'AES-CTR', 7));
    expect(await nextError(client)).toMatchObject({ code: ErrorMsgType.ErrTRsaPrint, detail: '' });
    client.send(stage1('short'));
    expect(await nextError(client)).toMatchObject({ code: ErrorMsgType.ErrTPublicKey, detail: '' });
    client.send(stage1('x'.repeat(80)));
    expect(await nextError(client)).toMatchObject({
      code: ErrorMsgType.ErrTPublicKey,
      detail: 'calculate share key error: failed to decode PEM block containing public key',
    });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    client.send(stage1(rsa));
    expect(await nextError(client)).toMatchObject({
      code: ErrorMsgType.ErrTPublicKey,
      detail: 'calculate share key error: failed to convert to ECDSA public key',
    });
    const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    client.send(stage1(k1));
    expect(await nextError(client)).toMatchObject({
      code: ErrorMsgType.ErrTPublicKey,
      detail: 'calculate share key error: failed to parse public key: x509: unsupported elliptic curve',
    });
    const offCurve = Buffer.alloc(65, 1);
    offCurve[0] = 4;
    client.send(stage1(pointToPem(offCurve)));
    expect(await nextError(client)).toMatchObject({
      code: ErrorMsgType.ErrTPublicKey,
      detail:
        'calculate share key error: failed to parse public key: x509: failed to unmarshal elliptic curve point',
    });
    expect(s.hazards()).toEqual([]);
  });

  it('refuses a shared secret with a leading zero byte (error 11)', async () => {
    const serverKey = Buffer.alloc(32, 0x11);
    const random: Random = {
      bytes: (n) => (n === 32 ? Uint8Array.from(serverKey) : new Uint8Array(n)),
      float: () => 0,
    };
    const client = await connectMemory(await start({ random }));
    const serverEcdh = createECDH('prime256v1');
    serverEcdh.setPrivateKey(serverKey);
    const serverPoint = serverEcdh.getPublicKey();
    let clientEcdh = createECDH('prime256v1');
    for (;;) {
      clientEcdh = createECDH('prime256v1');
      clientEcdh.generateKeys();
      if (clientEcdh.computeSecret(serverPoint)[0] === 0) break;
    }
    client.send(stage1(pointToPem(clientEcdh.getPublicKey())));
    expect(await nextError(client)).toEqual({
      code: ErrorMsgType.ErrTPublicKey,
      detail: 'calculate share key error: share key less than 32 bytes',
      params: {},
    });
  });

  it('stage 3 reports a wrong print, wrong data and undecryptable data (error 13)', async () => {
    const client = await connectMemory(await start());
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    let stage2: Msg;
    for (;;) {
      client.send(stage1(pointToPem(ecdh.getPublicKey())));
      stage2 = await client.wait(
        (m) => m.plainMsg?.message === 'keyEx' || m.plainMsg?.message === 'errorMsg',
      );
      if (stage2.plainMsg?.message === 'keyEx') break;
      ecdh.generateKeys();
    }
    const ex = stage2.plainMsg!.keyEx!;
    const key = ecdh.computeSecret(
      Buffer.from(
        Buffer.from(ex.pubKey)
          .toString()
          .replace(/-----[^-]+-----|\s/g, ''),
        'base64',
      ).subarray(-65),
    );
    const tm = nextTm();
    client.send(
      msg(
        ComMsgType.MsgTKeyExchange,
        { keyEx: { stage: 3, keyPrint: '1', tempKey: encryptProof('AES-CTR', key, String(tm)) } },
        { tm },
      ),
    );
    expect(await nextError(client)).toMatchObject({
      code: 13,
      detail: 'check print error: key print not same',
    });
    client.send(
      msg(ComMsgType.MsgTKeyExchange, {
        keyEx: { stage: 3, keyPrint: ex.keyPrint, tempKey: encryptProof('AES-CTR', key, 'nope') },
      }),
    );
    expect(await nextError(client)).toMatchObject({ code: 13, detail: 'check data error:  data not same' });
    client.send(
      msg(ComMsgType.MsgTKeyExchange, {
        keyEx: { stage: 3, keyPrint: ex.keyPrint, tempKey: new Uint8Array(3) },
      }),
    );
    expect(await nextError(client)).toMatchObject({
      code: 13,
      detail: 'check data error: ciphertext too short',
    });
    expect(await nextError(client)).toMatchObject({ code: 13, detail: 'check data error:  data not same' });
  });

  it('answers other stages with error 9, other versions with error 1, no payload with error 14', async () => {
    const client = await connectMemory(await start());
    client.send(msg(ComMsgType.MsgTKeyExchange, { keyEx: { stage: 5 } }));
    expect(await nextError(client)).toMatchObject({ code: 9, detail: '' });
    client.send(msg(ComMsgType.MsgTKeyExchange, { keyEx: { stage: 1 } }, { version: 0 }));
    expect(await nextError(client)).toMatchObject({ code: 1, detail: 'version is too high' });
    client.send(msg(ComMsgType.MsgTKeyExchange, { hello: {} }));
    expect(await nextError(client)).toMatchObject({ code: 14, detail: 'key exchange part is null' });
  });

  it('a key exchange after login logs the connection out', async () => {
    const client = await connectMemory(await start());
    await register(client);
    await keyExchange(client);
    client.send(userOp(UserOperationType.Logout, undefined));
    expect(await nextError(client)).toMatchObject({ code: 15 });
  });
});

describe('token login (Hello with keyPrint)', () => {
  it('logs in without a password once the token is bound by a login', async () => {
    const s = await start();
    const first = await connectMemory(s);
    const token = await keyExchange(first, 'chacha20');
    const uid = await register(first);
    const second = await connectMemory(s);
    second.send(tokenHello(token));
    const reply = await second.waitFor('userOpRet');
    expect(pick(reply.plainMsg?.userOpRet, ['operation', 'status', 'result'])).toEqual({
      operation: UserOperationType.Login,
      status: 'loginok',
      result: 'ok',
    });
    expect(reply.plainMsg?.userOpRet?.users[0]?.userId).toBe(uid);
    expect(s.sessionCount(uid)).toBe(2);
  });

  it('answers needlogin for a token never bound, then a login binds it', async () => {
    const s = await start();
    const uid = await s.createUser({ password: 'pw' });
    const first = await connectMemory(s);
    const token = await keyExchange(first);
    const second = await connectMemory(s);
    second.send(tokenHello(token));
    expect((await second.waitFor('hello')).plainMsg?.hello?.stage).toBe('needlogin');
    await login(second, uid, 'pw');
    const third = await connectMemory(s);
    third.send(tokenHello(token));
    expect((await third.waitFor('userOpRet')).plainMsg?.userOpRet?.status).toBe('loginok');
  });

  it('reports an unknown print (2), bad base64, undecryptable and mismatching data (13)', async () => {
    const s = await start();
    const first = await connectMemory(s);
    const token = await keyExchange(first);
    const client = await connectMemory(s);
    client.send(tokenHello({ ...token, keyPrint: '12345' }));
    expect(await nextError(client)).toMatchObject({ code: 2, detail: 'key print is not exist' });
    const withData = (checkTokenData: string) =>
      msg(ComMsgType.MsgTHello, { hello: { keyPrint: token.keyPrint, params: { checkTokenData } } });
    client.send(withData('ab$d'));
    expect(await nextError(client)).toMatchObject({
      code: 13,
      detail: 'check data error: illegal base64 data at input byte 2',
    });
    client.send(withData('AAAA'));
    expect(await nextError(client)).toMatchObject({
      code: 13,
      detail: 'check hello check data  decrypt error',
    });
    const wrong = encryptProof('AES-CTR', token.key, '1').toString('base64');
    client.send(withData(wrong));
    expect(await nextError(client)).toMatchObject({ code: 13, detail: `check data error: ${wrong}` });
  });
});
