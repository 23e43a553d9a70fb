import {
  ComMsgType,
  type Msg,
  type MsgInit,
  type MsgPlainInit,
  type UserInfoInit,
  UserOperationType,
} from '@birdtalk/proto';
import { expect } from 'vitest';
import type { TestClient } from './client.js';
import { clientKeyPair, decryptProof, encryptProof, keyPrintOf, pemToPoint } from './crypto.js';

let tmCounter = 1_760_000_000_000;
/** A unique, increasing `tm` for requests whose proofs must match it. */
export function nextTm(): number {
  tmCounter += 1;
  return tmCounter;
}

export function msg(msgType: ComMsgType, plainMsg: MsgPlainInit, extra: Partial<MsgInit> = {}): MsgInit {
  return { version: 1, keyPrint: 0, tm: nextTm(), msgType, plainMsg, ...extra } as MsgInit;
}

/** The error carried by a message, or fails. */
export function errorOf(m: Msg): { code: number; detail: string; params: Readonly<Record<string, string>> } {
  expect(m.msgType).toBe(ComMsgType.MsgTError);
  const e = m.plainMsg?.errorMsg;
  if (e === undefined) throw new Error('not an error message');
  return { code: e.code, detail: e.detail, params: e.params };
}

/** Waits for the next error. */
export async function nextError(client: TestClient) {
  return errorOf(await client.waitFor('errorMsg'));
}

export async function hello(client: TestClient): Promise<Msg> {
  client.send(
    msg(ComMsgType.MsgTHello, { hello: { clientId: 'test', stage: 'clienthello', platform: 'test' } }),
  );
  return client.waitFor('hello');
}

export function userOp(
  operation: UserOperationType,
  user: UserInfoInit | undefined,
  params?: Record<string, string>,
): MsgInit {
  return msg(ComMsgType.MsgTUserOp, { userOp: { operation, user, params } });
}

/** Registers anonymously; returns the new id. */
export async function register(client: TestClient, name = 'alice', pwd = 'secret'): Promise<string> {
  client.send(
    userOp(UserOperationType.RegisterUser, { userName: name, params: { pwd } }, { regmode: 'anonymous' }),
  );
  const reply = await client.waitFor('userOpRet');
  const ret = reply.plainMsg!.userOpRet!;
  expect(ret.status).toBe('loginok');
  return ret.users[0]!.userId;
}

/** Logs in by id and password. */
export async function login(client: TestClient, userId: string, pwd = 'secret'): Promise<Msg> {
  client.send(userOp(UserOperationType.Login, { userId, params: { pwd } }, { loginmode: 'id' }));
  const reply = await client.waitFor('userOpRet');
  expect(reply.plainMsg?.userOpRet?.status).toBe('loginok');
  return reply;
}

/** Runs key-exchange stages 1–4; returns the stored token material. */
export async function keyExchange(
  client: TestClient,
  encType = 'AES-CTR',
): Promise<{ keyPrint: string; key: Buffer; encType: string }> {
  for (;;) {
    const pair = clientKeyPair();
    client.send(
      msg(ComMsgType.MsgTKeyExchange, {
        keyEx: { stage: 1, pubKey: Buffer.from(pair.pem), encType, rsaPrint: 0 },
      }),
    );
    const reply = await client.wait(
      (m) => m.plainMsg?.message === 'keyEx' || m.plainMsg?.message === 'errorMsg',
    );
    if (reply.plainMsg?.message === 'errorMsg') {
      // One exchange in ~256 hits a shared secret with a leading zero byte; retry with a new key.
      expect(reply.plainMsg.errorMsg.detail).toBe('calculate share key error: share key less than 32 bytes');
      continue;
    }
    const ex = reply.plainMsg!.keyEx!;
    expect(ex.stage).toBe(2);
    const key = pair.ecdh.computeSecret(pemToPoint(Buffer.from(ex.pubKey).toString()));
    expect(keyPrintOf(key)).toBe(ex.keyPrint);
    expect(decryptProof(encType, key, ex.tempKey)).toBe(reply.tm);
    const tm = nextTm();
    client.send(
      msg(
        ComMsgType.MsgTKeyExchange,
        {
          keyEx: {
            stage: 3,
            keyPrint: ex.keyPrint,
            tempKey: encryptProof(encType, key, String(tm)),
            status: 'ready',
          },
        },
        { tm },
      ),
    );
    const done = await client.waitFor('keyEx');
    expect(done.plainMsg?.keyEx?.stage).toBe(4);
    return { keyPrint: ex.keyPrint, key, encType };
  }
}

/** A token Hello. */
export function tokenHello(
  token: { keyPrint: string; key: Buffer; encType: string },
  tm = nextTm(),
): MsgInit {
  return msg(
    ComMsgType.MsgTHello,
    {
      hello: {
        stage: 'clienthello',
        keyPrint: token.keyPrint,
        params: { checkTokenData: encryptProof(token.encType, token.key, String(tm)).toString('base64') },
      },
    },
    { tm },
  );
}
