/**
 * Test doubles for code built on `@birdtalk/session`: a scripted BirdTalk peer over in-memory transports.
 *
 * {@link createScriptedServer} answers like the real server on the paths a session uses — Hello (plain and
 * token), the four-stage key exchange (with its error 11), id / e-mail / code login, registration, heartbeats
 * (labelled Hello), chat acknowledgements, friend and group results — and records a *hazard* for every frame the
 * real server would crash on. Tests override any payload's handling, inspect every frame received, and drop or
 * silence connections.
 *
 * @example
 * ```ts
 * import { createScriptedServer } from '@birdtalk/session/testing';
 *
 * const server = createScriptedServer({ users: { '10001': { password: 'pw' } } });
 * const session = createSession(
 *   { url: server.url, credentials: { method: 'id', userId: '10001', password: 'pw' } },
 *   { connector: server.connector },
 * );
 * await session.start();
 * // server.hazards() is [] — nothing was sent that would crash the real server
 * ```
 *
 * @packageDocumentation
 */

import {
  createPureEcdh,
  type EcdhProvider,
  type EncType,
  keyPrintOf,
  makeTempKey,
  normalizeEncType,
  openCheckToken,
  openTempKey,
  publicKeyFromPem,
  serverAcceptsSecret,
} from '@birdtalk/crypto';
import {
  ChatType,
  ComMsgType,
  decodeMsg,
  encodeMsg,
  type Msg,
  type MsgInit,
  type MsgPlainCase,
  type MsgPlainInit,
  type UserInfoInit,
  UserOperationType,
} from '@birdtalk/proto';
import { type Clock, systemClock } from '@birdtalk/runtime';
import type { Connector, Transport } from '@birdtalk/transport';
import { createMemoryConnector } from '@birdtalk/transport/testing';

/** A user the scripted server knows. */
export interface ScriptedUser {
  readonly password: string;
  readonly email?: string;
  readonly userName?: string;
}

/** A token of a completed key exchange, as the server keeps it. */
export interface ScriptedToken {
  key: Uint8Array;
  readonly encType: EncType;
  uid: string;
}

/** Options of {@link createScriptedServer}. */
export interface ScriptedServerOptions {
  /** Known users by id. */
  readonly users?: Readonly<Record<string, ScriptedUser>>;
  /** Stamps `Msg.tm` of server frames; the system clock by default. */
  readonly clock?: Clock;
  /** Makes the server's key-exchange key pairs; pure JS with fresh randomness by default. */
  readonly ecdh?: EcdhProvider;
  /** Whether the transports support pings (Node-like); `false` behaves like a browser. */
  readonly supportsPing?: boolean;
  /** The URL sessions connect to. */
  readonly url?: string;
}

/**
 * Handles one decoded client frame on a connection. Return `true` when it was handled; anything else lets the
 * scripted default run.
 */
export type FrameHandler = (msg: Msg, peer: ScriptedConnection) => boolean | undefined;

/** The scripted server. */
export interface ScriptedServer {
  readonly url: string;
  /** Opens in-memory connections to this server. */
  readonly connector: Connector;
  /** Every connection so far, oldest first. */
  readonly connections: readonly ScriptedConnection[];
  /** Known users by id; tests may add to it. */
  readonly users: Map<string, ScriptedUser>;
  /** Key-exchange tokens by keyPrint; tests may delete one to simulate error 2. */
  readonly tokens: Map<string, ScriptedToken>;
  /** Resolves with the next connection to open (or the latest one if `connections` grew since `seen`). */
  nextConnection(seen?: number): Promise<ScriptedConnection>;
  /** Replaces (or, with `undefined`, restores) the handling of one payload case on every connection. */
  handle(payload: MsgPlainCase, handler: FrameHandler | undefined): void;
  /** Frames received that the real server would crash on, as descriptions. */
  hazards(): string[];
  /** Refuses new connections while `true` (the connector then fails, as with a server that is down). */
  refuseConnections: boolean;
}

/** The server end of one connection. */
export interface ScriptedConnection {
  readonly transport: Transport;
  /** Every frame the client sent, decoded, in order. */
  readonly received: Msg[];
  /** Texts the client sent. */
  readonly texts: string[];
  /** The logged-in user id, once logged in. */
  userId: string | undefined;
  /** When true, nothing is answered (a hung server); pings are still answered by the transport. */
  silent: boolean;
  /** Resolves with the next client frame whose payload is `payload` (already received ones count from `from`). */
  next(payload?: MsgPlainCase, from?: number): Promise<Msg>;
  /** Sends a frame; `tm` is the server clock unless given. */
  send(msgType: number, plainMsg: MsgPlainInit, tm?: number): void;
  /** Sends a `MsgError`. */
  sendError(code: number, detail?: string, params?: Record<string, string>): void;
  /** Sends a raw binary frame (for malformed-frame tests). */
  sendRaw(bytes: Uint8Array): void;
  /** Sends a text frame. */
  sendText(text: string): void;
  /** Drops the connection without a close frame (code 1006). */
  drop(): void;
}

const encoder = new TextEncoder();
/** The server's verification code is a constant. */
const VERIFICATION_CODE = '12345';

/** Creates a {@link ScriptedServer}. */
export function createScriptedServer(options: ScriptedServerOptions = {}): ScriptedServer {
  const clock = options.clock ?? systemClock;
  const ecdh = options.ecdh ?? createPureEcdh();
  const users = new Map<string, ScriptedUser>(Object.entries(options.users ?? {}));
  const tokens = new Map<string, ScriptedToken>();
  const handlers = new Map<MsgPlainCase, FrameHandler>();
  const connections: ScriptedConnection[] = [];
  const hazards: string[] = [];
  const waiters: Array<() => void> = [];
  let nextUserId = 10_001 + users.size;
  let snowflake = 1_000_000_000_000_000_000n;
  const url = options.url ?? 'wss://scripted.invalid/ws';

  const server: ScriptedServer = {
    url,
    connector: createMemoryConnector(
      (transport) => {
        if (server.refuseConnections) throw new Error('refused');
        connections.push(accept(transport));
        for (const wake of waiters.splice(0)) wake();
      },
      { supportsPing: options.supportsPing ?? true },
    ),
    connections,
    users,
    tokens,
    refuseConnections: false,
    async nextConnection(seen = connections.length) {
      while (connections.length <= seen) await new Promise<void>((resolve) => waiters.push(resolve));
      return connections[seen]!;
    },
    handle(payload, handler) {
      if (handler === undefined) handlers.delete(payload);
      else handlers.set(payload, handler);
    },
    hazards: () => [...hazards],
  };

  function accept(transport: Transport): ScriptedConnection {
    const frameWaiters: Array<() => void> = [];
    let keyEx: { secret: Uint8Array; encType: EncType; keyPrint: string } | undefined;
    let pendingCode: { kind: 'register'; user: UserInfoInit } | { kind: 'login'; userId: string } | undefined;
    const peer: ScriptedConnection = {
      transport,
      received: [],
      texts: [],
      userId: undefined,
      silent: false,
      async next(payload, from = 0) {
        for (let index = from; ; index += 1) {
          while (peer.received.length <= index)
            await new Promise<void>((resolve) => frameWaiters.push(resolve));
          const msg = peer.received[index]!;
          if (payload === undefined || msg.plainMsg?.message === payload) return msg;
        }
      },
      send(msgType, plainMsg, tm = clock.now()) {
        if (transport.state !== 'open') return;
        const msg = { version: 1, keyPrint: 0, tm, msgType, plainMsg } as MsgInit;
        transport.send(encodeMsg(msg));
      },
      sendError(code, detail = '', params = {}) {
        peer.send(ComMsgType.MsgTError, { errorMsg: { code, detail, params } });
      },
      sendRaw(bytes) {
        transport.send(bytes);
      },
      sendText(text) {
        transport.sendText(text);
      },
      drop() {
        transport.terminate();
      },
    };
    transport.on('text', (text) => peer.texts.push(text));
    transport.on('frame', (bytes) => {
      let msg: Msg;
      try {
        msg = decodeMsg(bytes);
      } catch (error) {
        hazards.push(`an undecodable frame (§2, §14): ${String(error)}`);
        return;
      }
      peer.received.push(msg);
      for (const wake of frameWaiters.splice(0)) wake();
      const payload = msg.plainMsg?.message;
      if (payload === undefined) {
        hazards.push(`a frame of type ${msg.msgType} without payload (§14)`);
        return;
      }
      checkEnvelope(msg);
      if (peer.silent) return;
      if (handlers.get(payload)?.(msg, peer) === true) return;
      void respond(msg, payload).catch((error: unknown) =>
        hazards.push(`the scripted server failed: ${String(error)}`),
      );
    });

    function checkEnvelope(msg: Msg): void {
      if (msg.keyPrint !== '0') hazards.push('Msg.keyPrint is not 0 (§3.1)');
      if (
        (msg.msgType === ComMsgType.MsgTHello || msg.msgType === ComMsgType.MsgTKeyExchange) &&
        msg.version !== 1
      ) {
        hazards.push('Hello/KeyExchange with version ≠ 1 (§3.1)');
      }
    }

    function loginOk(operation: UserOperationType, userId: string): void {
      peer.userId = userId;
      if (keyEx !== undefined)
        tokens.set(keyEx.keyPrint, { key: keyEx.secret, encType: keyEx.encType, uid: userId });
      const user = users.get(userId);
      peer.send(ComMsgType.MsgTUserOpRet, {
        userOpRet: {
          operation,
          result: 'ok',
          status: 'loginok',
          // The real server echoes the password in registration replies.
          users: [
            {
              userId,
              userName: user?.userName ?? 'momo',
              email: user?.email ?? '',
              params: operation === UserOperationType.RegisterUser ? { pwd: user?.password ?? '' } : {},
            },
          ],
          params: { status: 'loginok' },
        },
      });
    }

    async function respond(msg: Msg, payload: MsgPlainCase): Promise<void> {
      const plain = msg.plainMsg!;
      switch (plain.message) {
        case 'hello': {
          if (peer.userId !== undefined) hazards.push('Hello after login logs the session out (§3.5)');
          const hello = plain.hello;
          if (hello.keyPrint === '0') {
            keyEx = undefined;
            peer.send(ComMsgType.MsgTHello, {
              hello: { stage: 'waitlogin', version: 'v1.0', platform: 'windows' },
            });
            return;
          }
          const token = tokens.get(hello.keyPrint);
          keyEx = undefined;
          if (token === undefined) {
            peer.sendError(2, 'key print is not exist');
            return;
          }
          const data = hello.params.checkTokenData ?? '';
          let plaintext: string | undefined;
          try {
            plaintext = openCheckToken(token.encType, token.key, data);
          } catch {
            plaintext = undefined;
          }
          if (plaintext !== msg.tm) {
            // The real server echoes the token it could not verify.
            peer.sendError(13, `check data error: ${data}`);
            return;
          }
          keyEx = { secret: token.key, encType: token.encType, keyPrint: hello.keyPrint };
          if (token.uid === '0') {
            peer.send(ComMsgType.MsgTHello, { hello: { stage: 'needlogin' } });
            return;
          }
          loginOk(UserOperationType.Login, token.uid);
          return;
        }
        case 'keyEx': {
          if (peer.userId !== undefined) hazards.push('KeyExchange after login logs the session out (§3.5)');
          const ex = plain.keyEx;
          if (ex.stage === 1) {
            if (ex.rsaPrint !== '0') {
              peer.sendError(6);
              return;
            }
            let encType: EncType;
            try {
              encType = normalizeEncType(ex.encType);
            } catch {
              peer.sendError(9, 'create key pair error: encrypt algorithm is unknown');
              return;
            }
            let clientPoint: Uint8Array;
            try {
              clientPoint = publicKeyFromPem(ex.pubKey);
            } catch (error) {
              if (/curve/i.test(String(error))) hazards.push('a key exchange with a non-P-256 key (§14)');
              peer.sendError(11, 'calculate share key error: bad key');
              return;
            }
            const pair = await ecdh.generateKeyPair();
            const secret = await pair.deriveSecret(clientPoint);
            if (!serverAcceptsSecret(secret)) {
              keyEx = undefined;
              peer.sendError(11, 'calculate share key error: share key less than 32 bytes');
              return;
            }
            const tm = clock.now();
            const keyPrint = keyPrintOf(secret);
            keyEx = { secret, encType, keyPrint };
            peer.send(
              ComMsgType.MsgTKeyExchange,
              {
                keyEx: {
                  stage: 2,
                  keyPrint,
                  rsaPrint: 0,
                  pubKey: encoder.encode(pair.publicKeyPem),
                  tempKey: makeTempKey(encType, secret, tm),
                  encType: ex.encType,
                  status: 'ready',
                  detail: 'reply public key and key print',
                },
              },
              tm,
            );
            return;
          }
          if (ex.stage === 3) {
            if (keyEx === undefined) {
              hazards.push('KeyExchange stage 3 without stage 1 on this connection (§14)');
              return;
            }
            let plaintext: string;
            try {
              plaintext = openTempKey(keyEx.encType, keyEx.secret, ex.tempKey);
            } catch {
              plaintext = '';
            }
            if (ex.keyPrint !== keyEx.keyPrint) {
              peer.sendError(13, 'check print error: key print not same');
              return;
            }
            if (plaintext !== msg.tm) {
              peer.sendError(13, 'check data error:  data not same');
              return;
            }
            tokens.set(keyEx.keyPrint, { key: keyEx.secret, encType: keyEx.encType, uid: '0' });
            peer.send(ComMsgType.MsgTKeyExchange, {
              keyEx: {
                stage: 4,
                keyPrint: keyEx.keyPrint,
                encType: keyEx.encType,
                status: 'needlogin',
                detail: 'check data ok, key print ok',
              },
            });
            return;
          }
          peer.sendError(9);
          return;
        }
        case 'heartBeat':
          // The reply is labelled Hello.
          peer.send(ComMsgType.MsgTHello, { heartBeat: { tm: clock.now(), userId: peer.userId ?? '0' } });
          return;
        case 'userOp':
          userOp(plain.userOp);
          return;
        case 'chatData': {
          const chat = plain.chatData;
          if (peer.userId === undefined) hazards.push('a chat before login (C25)');
          if (chat.chatType !== ChatType.ChatTypeP2P && chat.chatType !== ChatType.ChatTypeGroup) return;
          const fail = (detail: string): void =>
            peer.send(ComMsgType.MsgTChatReply, {
              chatReply: {
                msgId: chat.msgId,
                sendId: chat.sendId,
                sendOk: clock.now(),
                extraMsg: 'fail',
                userId: peer.userId ?? '0',
                fromId: chat.toId,
                params: { gid: '0', detail },
              },
            });
          if (chat.fromId !== peer.userId) return fail('from id is not same as session user id');
          if (chat.msgId !== chat.sendId) return fail('msgId is not same as sendId');
          snowflake += 1n;
          peer.send(ComMsgType.MsgTChatReply, {
            chatReply: {
              msgId: snowflake,
              sendId: chat.sendId,
              sendOk: clock.now(),
              extraMsg: 'ok',
              userId: peer.userId,
              fromId: chat.toId,
              params: { gid: '0', detail: 'save data ok' },
            },
          });
          return;
        }
        case 'chatReply': {
          const reply = plain.chatReply;
          if (Object.keys(reply.params).length === 0) hazards.push('a receipt with empty params (§6.7, §14)');
          if (reply.params.batch !== undefined && peer.userId === undefined)
            hazards.push('a batch receipt before login (O8)');
          return;
        }
        case 'friendOp': {
          const op = plain.friendOp;
          if (op.operation === UserOperationType.ApproveFriend) hazards.push('ApproveFriend (§14)');
          if (peer.userId === undefined) {
            peer.sendError(15, 'should login first.');
            peer.sendError(15, 'should login first.');
            return;
          }
          peer.send(ComMsgType.MsgTFriendOpRet, {
            friendOpRet: {
              operation: op.operation,
              result: 'ok',
              sendId: op.sendId,
              msgId: ++snowflake,
              users: [],
            },
          });
          return;
        }
        case 'groupOp': {
          const op = plain.groupOp;
          if (op.operation === 6) hazards.push('GroupInviteAnswer (§14)');
          if (peer.userId === undefined) {
            peer.sendError(15, 'should login first.');
            peer.sendError(15, 'should login first.');
            return;
          }
          peer.send(ComMsgType.MsgTGroupOpRet, {
            groupOpRet: { operation: op.operation, result: 'ok', sendId: op.sendId, msgId: ++snowflake },
          });
          return;
        }
        case 'commonQuery':
          if (peer.userId === undefined) {
            peer.sendError(15, 'should login first.');
            return;
          }
          peer.send(ComMsgType.MsgTQueryResult, {
            commonQueryRet: { queryType: plain.commonQuery.queryType, result: 'ok', userId: peer.userId },
          });
          return;
        case 'uploadReq': {
          const up = plain.uploadReq;
          peer.send(ComMsgType.MsgTUploadReply, {
            uploadReply: {
              fileName: up.fileName,
              sendId: up.sendId,
              chunkIndex: up.chunkIndex,
              result: 'chunkok',
              detail: 'wait next',
            },
          });
          return;
        }
        default:
          hazards.push(`an unexpected "${payload}" payload from a client`);
      }
    }

    function userOp(op: NonNullable<Msg['plainMsg']>['userOp'] & object) {
      const params = op.params;
      switch (op.operation) {
        case UserOperationType.Login: {
          const user = op.user;
          if (user === undefined) return peer.sendError(14, 'login msg userinfo is nil');
          const mode = params.loginmode ?? 'id';
          if (mode === 'email') {
            const entry = [...users.entries()].find(([, known]) => known.email === user.email);
            if (entry === undefined) {
              // An unknown e-mail is re-processed as a registration.
              if (params.regmode === 'email') {
                pendingCode = { kind: 'register', user: { ...user, userName: user.userName || 'momo' } };
                peer.send(ComMsgType.MsgTUserOpRet, {
                  userOpRet: {
                    operation: UserOperationType.RegisterUser,
                    result: 'ok',
                    status: 'waitcode',
                    users: [user],
                    params: { status: 'waitcode' },
                  },
                });
              } else {
                const userId = String(nextUserId++);
                users.set(userId, { password: user.params.pwd ?? '', email: user.email });
                loginOk(UserOperationType.RegisterUser, userId);
              }
              return;
            }
            const [userId, known] = entry;
            if (user.params.pwd === undefined) {
              pendingCode = { kind: 'login', userId };
              peer.send(ComMsgType.MsgTUserOpRet, {
                userOpRet: {
                  operation: UserOperationType.Login,
                  result: 'ok',
                  status: 'waitcode',
                  users: [user],
                  params: { status: 'waitcode' },
                },
              });
              return;
            }
            if (known.password !== user.params.pwd)
              return peer.sendError(14, 'pwd is not correct', { field: 'pwd', value: user.params.pwd });
            return loginOk(UserOperationType.Login, userId);
          }
          const known = users.get(user.userId);
          if (known === undefined)
            return peer.sendError(14, "can't find user by id", { field: 'userid', value: user.userId });
          // The real server echoes the wrong password.
          if (known.password !== user.params.pwd)
            return peer.sendError(14, 'pwd is not correct', { field: 'pwd', value: user.params.pwd ?? '' });
          return loginOk(UserOperationType.Login, user.userId);
        }
        case UserOperationType.RegisterUser: {
          if (peer.userId !== undefined)
            return peer.sendError(10, 'you are already login, do not register too much id');
          const user = op.user;
          if (user === undefined) return peer.sendError(14, 'register msg userinfo is nil');
          if (params.regmode === 'email') {
            pendingCode = { kind: 'register', user };
            peer.send(ComMsgType.MsgTUserOpRet, {
              userOpRet: {
                operation: UserOperationType.RegisterUser,
                result: 'ok',
                status: 'waitcode',
                users: [user],
                params: { status: 'waitcode' },
              },
            });
            return;
          }
          const userId = String(nextUserId++);
          users.set(userId, { password: user.params.pwd ?? '', userName: user.userName, email: user.email });
          return loginOk(UserOperationType.RegisterUser, userId);
        }
        case UserOperationType.RealNameVerification: {
          const pending = pendingCode;
          if (pending === undefined)
            return peer.sendError(10, 'current user session not has a status of Verification ');
          if (params.code !== VERIFICATION_CODE) {
            return peer.sendError(14, 'verification code, but params.code is not correct', {
              field: 'code',
              value: params.code ?? '',
            });
          }
          pendingCode = undefined;
          if (pending.kind === 'login') return loginOk(UserOperationType.Login, pending.userId);
          const userId = String(nextUserId++);
          users.set(userId, {
            password: pending.user.params?.pwd ?? '',
            email: pending.user.email ?? '',
            userName: pending.user.userName ?? '',
          });
          return loginOk(UserOperationType.RegisterUser, userId);
        }
        case UserOperationType.Logout:
          if (peer.userId === undefined) return peer.sendError(15, 'should login first.');
          peer.sendText('logout');
          peer.drop();
          return;
        case UserOperationType.UnregisterUser:
          if (peer.userId === undefined) return peer.sendError(15, 'should login first.');
          peer.send(ComMsgType.MsgTUserOpRet, {
            userOpRet: {
              operation: UserOperationType.UnregisterUser,
              result: 'ok',
              status: 'unregok',
              users: [{}],
              params: { status: 'unregok' },
            },
          });
          users.delete(peer.userId);
          peer.sendText('unregok');
          peer.drop();
          return;
        case UserOperationType.SetUserInfo:
          if (peer.userId === undefined) return peer.sendError(15, 'should login first.');
          peer.send(ComMsgType.MsgTUserOpRet, {
            userOpRet: {
              operation: UserOperationType.SetUserInfo,
              result: 'ok',
              status: 'ok',
              users: [{ userId: peer.userId }],
              params: { status: 'ok' },
            },
          });
          return;
        default:
          if (peer.userId === undefined) peer.sendError(15, 'should login first.');
      }
    }

    return peer;
  }

  return server;
}
