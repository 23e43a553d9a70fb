import { createPureEcdh } from '@birdtalk/crypto';
import { hasErrorName, isBirdTalkError } from '@birdtalk/errors';
import {
  ChatMsgType,
  ChatType,
  ComMsgType,
  decodeMsg,
  GroupOperationType,
  QueryDataType,
  SynType,
  UserOperationType,
} from '@birdtalk/proto';
import { seededRandom } from '@birdtalk/runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isP256SpkiPem, storedFileNamePattern } from './frame-checks.js';
import { buildFrame, type FrameContext, type FrameSpec, INT64_MAX } from './frames.js';

const loggedIn: FrameContext = {
  tm: 1_750_000_000_000,
  loggedIn: true,
  stage2Received: false,
  selfId: '10001',
};
const fresh: FrameContext = { tm: 1_750_000_000_000, loggedIn: false, stage2Received: false };

const pem = (await createPureEcdh(seededRandom(1)).generateKeyPair()).publicKeyPem;
// A P-384 SPKI: the server would run P-256 arithmetic on it and panic.
const p384Pem = `-----BEGIN PUBLIC KEY-----
MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEJ0bMnGzRH1UChqPiHw0PMp8zlnXhpcr2
i8MXsFwLu+xqrZ6sqBzZ/vtm+3o0ZXdrzM4Dn0ZfnwP8mo0Ek0lY5e1bnoQ9T4Hn
UBhBrPFqn85d5HjyHUmaGSeY7TmGrZ1s
-----END PUBLIC KEY-----`;

function refusal(
  spec: FrameSpec,
  context: FrameContext = loggedIn,
): { name: string; code: string; section: unknown } {
  try {
    buildFrame(spec, context);
  } catch (error) {
    const e = error as { name: string; code: string; details: { section?: unknown } };
    return { name: e.name, code: e.code, section: e.details.section };
  }
  throw new Error('the frame was built');
}

const chat = (extra: object = {}): FrameSpec => ({
  kind: 'chat',
  chat: {
    sendId: '1750000000000001',
    toId: '10002',
    chatType: ChatType.ChatTypeP2P,
    data: new Uint8Array([104]),
    ...extra,
  },
});

describe('buildFrame: the envelope', () => {
  it('always sends version 1, keyPrint 0, the given tm and the msgType of the payload', () => {
    const built = buildFrame({ kind: 'heartbeat' }, loggedIn);
    const msg = decodeMsg(built.bytes);
    expect([msg.version, msg.keyPrint, msg.tm, msg.msgType]).toEqual([
      1,
      '0',
      '1750000000000',
      ComMsgType.MsgTHeartBeat,
    ]);
    expect(msg.plainMsg?.message).toBe('heartBeat');
    expect(msg.plainMsg?.heartBeat).toEqual({ tm: '1750000000000', userId: '10001' });
  });

  it('fills msgId = sendId and fromId = self on chats (§6.1)', () => {
    const msg = decodeMsg(buildFrame(chat(), loggedIn).bytes);
    expect(msg.msgType).toBe(ComMsgType.MsgTChatMsg);
    const data = msg.plainMsg?.chatData;
    expect([data?.msgId, data?.sendId, data?.fromId, data?.toId]).toEqual([
      '1750000000000001',
      '1750000000000001',
      '10001',
      '10002',
    ]);
  });

  it('always puts gid "0" into receipts (§6.7)', () => {
    const msg = decodeMsg(
      buildFrame(
        { kind: 'receipt', receipt: { msgId: '99', sendId: '5', userId: '10002', recvOk: 1 } },
        loggedIn,
      ).bytes,
    );
    expect(msg.plainMsg?.chatReply?.params).toEqual({ gid: '0' });
    expect(msg.plainMsg?.chatReply?.fromId).toBe('10001');
  });

  it('defaults the upper bound of backward receipt queries (C12)', () => {
    const msg = decodeMsg(
      buildFrame(
        {
          kind: 'query',
          query: { queryType: QueryDataType.QueryDataTypeChatReply, synType: SynType.SynTypeBackward },
        },
        loggedIn,
      ).bytes,
    );
    expect(msg.plainMsg?.commonQuery?.bigId).toBe(INT64_MAX);
  });

  it('builds a plain and a token hello', () => {
    const plain = decodeMsg(
      buildFrame(
        { kind: 'hello', clientId: 'c', version: '0.1.0', platform: 'linux', params: { Lang: 'en' } },
        fresh,
      ).bytes,
    );
    expect(plain.plainMsg?.hello).toMatchObject({
      stage: 'clienthello',
      keyPrint: '0',
      params: { Lang: 'en' },
    });
    const token = decodeMsg(
      buildFrame(
        {
          kind: 'hello',
          clientId: 'c',
          version: '0.1.0',
          platform: 'linux',
          params: {},
          keyPrint: '-5',
          checkTokenData: 'AAAA',
        },
        fresh,
      ).bytes,
    );
    expect(token.plainMsg?.hello).toMatchObject({ keyPrint: '-5', params: { checkTokenData: 'AAAA' } });
  });

  it('recognises stored file names', () => {
    expect(storedFileNamePattern.test('20250101_3k9xabc.jpg')).toBe(true);
    expect(storedFileNamePattern.test('20250101_1234567890123456789')).toBe(true);
    expect(isP256SpkiPem(pem)).toBe(true);
    expect(isP256SpkiPem(p384Pem)).toBe(false);
  });
});

/** Every rule of the crash list, with the error it must produce. */
const refusals: Array<[string, FrameSpec, FrameContext, string, string]> = [
  // §2, §14: invalid UTF-8 anywhere.
  [
    'a lone surrogate in chat params',
    chat({ params: { note: 'a\ud800' } }),
    loggedIn,
    'InvalidArgumentError',
    'INVALID_UTF8',
  ],
  [
    'a lone surrogate in a map key',
    {
      kind: 'friend-op',
      request: {
        operation: UserOperationType.FindUser,
        params: { mode: 'name', value: 'x', '\udc00': 'y' },
      },
    },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_UTF8',
  ],
  [
    'a lone surrogate in hello params',
    { kind: 'hello', clientId: 'c\ud800', version: '1', platform: 'p', params: {} },
    fresh,
    'InvalidArgumentError',
    'INVALID_UTF8',
  ],
  // §3.5: handshake frames after login.
  [
    'Hello after login',
    { kind: 'hello', clientId: 'c', version: '1', platform: 'p', params: {} },
    loggedIn,
    'RefusedError',
    'REFUSED_AFTER_LOGIN',
  ],
  [
    'KeyExchange after login',
    { kind: 'key-exchange-1', publicKeyPem: pem, encType: 'AES-CTR' },
    loggedIn,
    'RefusedError',
    'REFUSED_AFTER_LOGIN',
  ],
  // §4.4
  [
    'a token hello without checkTokenData',
    { kind: 'hello', clientId: 'c', version: '1', platform: 'p', params: {}, keyPrint: '7' },
    fresh,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'a checkTokenData that is not base64',
    {
      kind: 'hello',
      clientId: 'c',
      version: '1',
      platform: 'p',
      params: {},
      keyPrint: '7',
      checkTokenData: 'a b',
    },
    fresh,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  // §4.3, §14
  [
    'a non-P-256 key',
    { kind: 'key-exchange-1', publicKeyPem: p384Pem, encType: 'AES-CTR' },
    fresh,
    'RefusedError',
    'REFUSED_NOT_P256',
  ],
  [
    'a key that is not PEM',
    { kind: 'key-exchange-1', publicKeyPem: 'hello', encType: 'AES-CTR' },
    fresh,
    'RefusedError',
    'REFUSED_NOT_P256',
  ],
  [
    'twofish',
    { kind: 'key-exchange-1', publicKeyPem: pem, encType: 'twofish128' },
    fresh,
    'RefusedError',
    'REFUSED_TWOFISH',
  ],
  [
    'an unknown encType',
    { kind: 'key-exchange-1', publicKeyPem: pem, encType: 'rot13' },
    fresh,
    'InvalidArgumentError',
    'INVALID_ENC_TYPE',
  ],
  [
    'stage 3 before stage 2',
    { kind: 'key-exchange-3', keyPrint: '5', tempKey: new Uint8Array(20), encType: 'AES-CTR' },
    fresh,
    'RefusedError',
    'REFUSED_STAGE3_BEFORE_STAGE2',
  ],
  [
    'stage 3 without a ciphertext',
    { kind: 'key-exchange-3', keyPrint: '5', tempKey: new Uint8Array(12), encType: 'AES-CTR' },
    { ...fresh, stage2Received: true },
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  // §3.3, §14, C25, §6.1, C8
  [
    'a chat without its payload',
    { kind: 'chat', chat: undefined as never },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  ['a chat before login', chat(), fresh, 'RefusedError', 'REFUSED_NOT_LOGGED_IN'],
  ['msgId ≠ sendId', chat({ msgId: '3' }), loggedIn, 'InvalidArgumentError', 'INVALID_MSG_ID'],
  ['fromId ≠ self', chat({ fromId: '10009' }), loggedIn, 'InvalidArgumentError', 'INVALID_FROM_ID'],
  [
    'chatType 0',
    chat({ chatType: ChatType.ChatTypeNone }),
    loggedIn,
    'InvalidArgumentError',
    'INVALID_CHAT_TYPE',
  ],
  ['a chat without sendId', chat({ sendId: undefined }), loggedIn, 'InvalidArgumentError', 'INVALID_ID'],
  ['a chat to 0', chat({ toId: 0 }), loggedIn, 'InvalidArgumentError', 'INVALID_ID'],
  ['an inexact id', chat({ toId: 2 ** 60 }), loggedIn, 'InvalidArgumentError', 'INVALID_ID'],
  [
    'a recall without target',
    chat({ msgType: ChatMsgType.DELETE }),
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ID',
  ],
  // §6.7, §14, O8, §12
  [
    'a group receipt',
    { kind: 'receipt', receipt: { msgId: '9', userId: '2', recvOk: 1, params: { gid: '5' } } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'a batch receipt before login',
    { kind: 'receipt', receipt: { msgId: '9', userId: '2', recvOk: 1, params: { batch: '9,10' } } },
    fresh,
    'RefusedError',
    'REFUSED_BATCH_BEFORE_LOGIN',
  ],
  [
    'an empty batch',
    { kind: 'receipt', receipt: { msgId: '9', userId: '2', recvOk: 1, params: { batch: '' } } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'a non-numeric batch item',
    { kind: 'receipt', receipt: { msgId: '9', userId: '2', recvOk: 1, params: { batch: '9,x' } } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'a receipt without times',
    { kind: 'receipt', receipt: { msgId: '9', userId: '2' } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  // §5.1, C5, §5.2–5.6
  [
    'a friend op sent as a user op',
    { kind: 'user-op', request: { operation: UserOperationType.AddFriend } },
    loggedIn,
    'RefusedError',
    'REFUSED_USER_OPERATION',
  ],
  ['UserNoneAction', { kind: 'user-op', request: {} }, loggedIn, 'RefusedError', 'REFUSED_USER_OPERATION'],
  [
    'an e-mail login without regmode',
    {
      kind: 'user-op',
      request: {
        operation: UserOperationType.Login,
        user: { email: 'a@b.c', params: { pwd: 'x' } },
        params: { loginmode: 'email' },
      },
    },
    fresh,
    'RefusedError',
    'REFUSED_EMAIL_LOGIN_WITHOUT_REGMODE',
  ],
  [
    'a phone login',
    {
      kind: 'user-op',
      request: { operation: UserOperationType.Login, user: { phone: '1' }, params: { loginmode: 'phone' } },
    },
    fresh,
    'RefusedError',
    'REFUSED_LOGIN_MODE',
  ],
  [
    'an id login without password',
    { kind: 'user-op', request: { operation: UserOperationType.Login, user: { userId: '5' } } },
    fresh,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'registering while logged in',
    { kind: 'user-op', request: { operation: UserOperationType.RegisterUser, user: {} } },
    loggedIn,
    'RefusedError',
    'REFUSED_REGISTER_LOGGED_IN',
  ],
  [
    'a phone registration',
    {
      kind: 'user-op',
      request: { operation: UserOperationType.RegisterUser, user: {}, params: { regmode: 'phone' } },
    },
    fresh,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'a code without code',
    { kind: 'user-op', request: { operation: UserOperationType.RealNameVerification } },
    fresh,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'a phone change',
    { kind: 'user-op', request: { operation: UserOperationType.SetUserInfo, params: { Phone: '123' } } },
    loggedIn,
    'RefusedError',
    'REFUSED_PHONE_CHANGE',
  ],
  [
    'DisableUser without target',
    { kind: 'user-op', request: { operation: UserOperationType.DisableUser } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  // §7, §13.23
  [
    'a ChatData query without chatType',
    { kind: 'query', query: { queryType: QueryDataType.QueryDataTypeChatData } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_CHAT_TYPE',
  ],
  [
    'a backward op-log query',
    {
      kind: 'query',
      query: { queryType: QueryDataType.QueryDataTypeFriendOP, synType: SynType.SynTypeBackward },
    },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'a group history query without group',
    {
      kind: 'query',
      query: { queryType: QueryDataType.QueryDataTypeChatData, chatType: ChatType.ChatTypeGroup },
    },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ID',
  ],
  // §8, §14
  [
    'ApproveFriend',
    { kind: 'friend-op', request: { operation: UserOperationType.ApproveFriend, user: { userId: '5' } } },
    loggedIn,
    'RefusedError',
    'REFUSED_APPROVE_FRIEND',
  ],
  [
    'a user op sent as a friend op',
    { kind: 'friend-op', request: { operation: UserOperationType.Login } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_OPERATION',
  ],
  [
    'an empty memo',
    { kind: 'friend-op', request: { operation: UserOperationType.SetFriendMemo, user: { userId: '5' } } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'a permission beyond int16',
    {
      kind: 'friend-op',
      request: {
        operation: UserOperationType.SetFriendPermission,
        user: { userId: '5' },
        params: { permission: '40000' },
      },
    },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'a search without mode',
    { kind: 'friend-op', request: { operation: UserOperationType.FindUser, params: { value: 'x' } } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'AddFriend without target',
    { kind: 'friend-op', request: { operation: UserOperationType.AddFriend } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ID',
  ],
  // §9, §14, O3, O14
  [
    'GroupInviteAnswer',
    {
      kind: 'group-op',
      request: { operation: GroupOperationType.GroupInviteAnswer, group: { groupId: '1' } },
    },
    loggedIn,
    'RefusedError',
    'REFUSED_INVITE_ANSWER',
  ],
  [
    'GroupJoinAnswer',
    { kind: 'group-op', request: { operation: GroupOperationType.GroupJoinAnswer, group: { groupId: '1' } } },
    loggedIn,
    'RefusedError',
    'REFUSED_JOIN_ANSWER',
  ],
  [
    'joining an auth group',
    {
      kind: 'group-op',
      request: { operation: GroupOperationType.GroupJoinRequest, group: { groupId: '1' } },
      groupJoinType: 'Auth',
    },
    loggedIn,
    'RefusedError',
    'REFUSED_JOIN_AUTH',
  ],
  [
    'joining a group of unknown jointype',
    {
      kind: 'group-op',
      request: { operation: GroupOperationType.GroupJoinRequest, group: { groupId: '1' } },
    },
    loggedIn,
    'RefusedError',
    'REFUSED_JOIN_TYPE_UNKNOWN',
  ],
  [
    'group operation 0',
    { kind: 'group-op', request: { operation: GroupOperationType.GroupNoneAction } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_OPERATION',
  ],
  [
    'group operation 17',
    { kind: 'group-op', request: { operation: 17 as never } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_OPERATION',
  ],
  [
    'creating a group listing yourself',
    {
      kind: 'group-op',
      request: { operation: GroupOperationType.GroupCreate, group: {}, members: [{ userId: '10001' }] },
    },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'a kick without members',
    { kind: 'group-op', request: { operation: GroupOperationType.GroupKickMember, group: { groupId: '1' } } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'a group op without group id',
    { kind: 'group-op', request: { operation: GroupOperationType.GroupQuit } },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ID',
  ],
  // §10, §14, C19, C21, C25, O6
  [
    'an upload without its payload',
    { kind: 'upload', upload: undefined as never },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'an empty chunk',
    {
      kind: 'upload',
      upload: {
        fileName: 'a.txt',
        fileSize: 1,
        fileData: new Uint8Array(0),
        hashType: 'md5',
        hashCode: '0'.repeat(32),
        sendId: 1,
        chunkCount: 1,
      },
    },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'a sha1 upload',
    {
      kind: 'upload',
      upload: {
        fileName: 'a.txt',
        fileSize: 1,
        fileData: new Uint8Array(1),
        hashType: 'sha1',
        hashCode: '0'.repeat(32),
        sendId: 1,
        chunkCount: 1,
      },
    },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'an upper-case hash',
    {
      kind: 'upload',
      upload: {
        fileName: 'a.txt',
        fileSize: 1,
        fileData: new Uint8Array(1),
        hashType: 'md5',
        hashCode: 'A'.repeat(32),
        sendId: 1,
        chunkCount: 1,
      },
    },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'chunkCount 0',
    {
      kind: 'upload',
      upload: {
        fileName: 'a.txt',
        fileSize: 1,
        fileData: new Uint8Array(1),
        hashType: 'md5',
        hashCode: '0'.repeat(32),
        sendId: 1,
        chunkCount: 0,
      },
    },
    loggedIn,
    'InvalidArgumentError',
    'INVALID_ARGUMENT',
  ],
  [
    'a download of a path',
    { kind: 'download', download: { fileName: '../../etc/passwd' } },
    loggedIn,
    'RefusedError',
    'REFUSED_DOWNLOAD_NAME',
  ],
  [
    'a download of a long name',
    { kind: 'download', download: { fileName: `20250101_${'a'.repeat(300)}` } },
    loggedIn,
    'RefusedError',
    'REFUSED_DOWNLOAD_NAME',
  ],
  ['an unknown kind', { kind: 'nonsense' } as never, loggedIn, 'InvalidArgumentError', 'INVALID_ARGUMENT'],
];

describe('buildFrame: the crash list', () => {
  it.each(refusals)('refuses %s', (_name, spec, context, name, code) => {
    const result = refusal(spec, context);
    expect([result.name, result.code]).toEqual([name, code]);
    if (name === 'RefusedError') expect(typeof result.section).toBe('string');
  });

  it('throws typed errors a program can recognise', () => {
    try {
      buildFrame({ kind: 'friend-op', request: { operation: UserOperationType.ApproveFriend } }, loggedIn);
      expect.unreachable();
    } catch (error) {
      expect(hasErrorName(error, 'RefusedError')).toBe(true);
      expect(isBirdTalkError(error, 'REFUSED_APPROVE_FRIEND')).toBe(true);
      expect((error as Error).message).toBe('ApproveFriend crashes the server');
    }
  });

  it('lets the server-crashing requests through only when explicitly allowed', () => {
    const unsafe: FrameContext = { ...loggedIn, allowServerCrashingRequests: true };
    const specs: FrameSpec[] = [
      { kind: 'friend-op', request: { operation: UserOperationType.ApproveFriend, user: { userId: '5' } } },
      {
        kind: 'group-op',
        request: { operation: GroupOperationType.GroupInviteAnswer, group: { groupId: '1' } },
      },
      {
        kind: 'group-op',
        request: { operation: GroupOperationType.GroupJoinRequest, group: { groupId: '1' } },
        groupJoinType: 'auth',
      },
    ];
    for (const spec of specs) {
      expect(() => buildFrame(spec, loggedIn)).toThrow(expect.objectContaining({ name: 'RefusedError' }));
      expect(decodeMsg(buildFrame(spec, unsafe).bytes).plainMsg?.message).toMatch(/^(friendOp|groupOp)$/);
    }
    // Malformed requests stay refused whatever the setting.
    const stage3 = { kind: 'key-exchange-3', keyPrint: '1', tempKey: new Uint8Array(20) } as FrameSpec;
    expect(() => buildFrame(stage3, { ...fresh, allowServerCrashingRequests: true })).toThrow(
      expect.objectContaining({ code: 'REFUSED_STAGE3_BEFORE_STAGE2' }),
    );
  });

  it('accepts the legitimate forms of the same requests', () => {
    const ok: FrameSpec[] = [
      { kind: 'key-exchange-1', publicKeyPem: pem, encType: 'chacha20' },
      { kind: 'receipt', receipt: { msgId: '9', userId: '2', readOk: 1, params: { batch: '9,10,11' } } },
      {
        kind: 'group-op',
        request: { operation: GroupOperationType.GroupJoinRequest, group: { groupId: '1' } },
        groupJoinType: 'direct',
      },
      {
        kind: 'group-op',
        request: {
          operation: GroupOperationType.GroupCreate,
          group: { groupName: 'g' },
          members: [{ userId: '10002' }],
        },
      },
      { kind: 'download', download: { fileName: '20250101_3k9x.jpg' } },
      {
        kind: 'upload',
        upload: {
          fileName: 'a.txt',
          fileSize: 3,
          fileData: new Uint8Array(3),
          hashType: 'md5',
          hashCode: 'a'.repeat(32),
          sendId: 1,
          chunkCount: 2,
          chunkIndex: 1,
        },
      },
      chat({ params: { note: '😀 well-formed' }, chatType: ChatType.ChatTypeGroup }),
    ];
    for (const spec of ok) {
      expect(
        () => buildFrame(spec, spec.kind === 'user-op' || spec.kind === 'key-exchange-1' ? fresh : loggedIn),
        spec.kind,
      ).not.toThrow();
    }
  });
});

describe('buildFrame: flows that make the server mail a code', () => {
  const mailing: [string, FrameSpec, FrameContext, string][] = [
    [
      'an e-mail + password login (an unknown address registers by e-mail)',
      {
        kind: 'user-op',
        request: {
          operation: UserOperationType.Login,
          user: { email: 'a@b.c', params: { pwd: 'x' } },
          params: { loginmode: 'email', regmode: 'email' },
        },
      },
      fresh,
      'REFUSED_EMAIL_LOGIN',
    ],
    [
      'an e-mail code login',
      {
        kind: 'user-op',
        request: {
          operation: UserOperationType.Login,
          user: { email: 'a@b.c' },
          params: { loginmode: 'email', regmode: 'email' },
        },
      },
      fresh,
      'REFUSED_EMAIL_LOGIN',
    ],
    [
      'an e-mail registration',
      {
        kind: 'user-op',
        request: {
          operation: UserOperationType.RegisterUser,
          user: { email: 'a@b.c' },
          params: { regmode: 'email' },
        },
      },
      fresh,
      'REFUSED_EMAIL_REGISTRATION',
    ],
    [
      'an e-mail change',
      { kind: 'user-op', request: { operation: UserOperationType.SetUserInfo, params: { Email: 'a@b.c' } } },
      loggedIn,
      'REFUSED_EMAIL_CHANGE',
    ],
  ];

  it.each(mailing)('refuses %s by default, saying why', (_name, spec, context, code) => {
    try {
      buildFrame(spec, context);
      expect.unreachable();
    } catch (error) {
      expect(hasErrorName(error, 'RefusedError')).toBe(true);
      expect(isBirdTalkError(error, code)).toBe(true);
      expect((error as Error).message).toMatch(/mail a code.*kills the process/);
    }
  });

  it.each(mailing)('lets %s through when server-crashing requests are allowed', (_name, spec, context) => {
    expect(decodeMsg(buildFrame(spec, { ...context, allowServerCrashingRequests: true }).bytes).msgType).toBe(
      ComMsgType.MsgTUserOp,
    );
  });

  it('keeps the phone change refused when allowed, so no code is ever accepted with nothing to change', () => {
    const phone: FrameSpec = {
      kind: 'user-op',
      request: { operation: UserOperationType.SetUserInfo, params: { phone: '' } },
    };
    expect(refusal(phone, { ...loggedIn, allowServerCrashingRequests: true }).code).toBe(
      'REFUSED_PHONE_CHANGE',
    );
  });
});

describe("buildFrame: SetUserInfo keys MongoDB's $set refuses", () => {
  const setUserInfo = (params: Record<string, string>): FrameSpec => ({
    kind: 'user-op',
    request: { operation: UserOperationType.SetUserInfo, params },
  });

  it.each([
    ['an empty key', ''],
    ['an empty path component', 'Params..x'],
    ['a trailing dot', 'foo.'],
    ['_id', '_id'],
    ['a path under _id', '_id.x'],
    ['a $-prefixed key', '$x'],
    ['a $-prefixed component', 'Params.$x'],
    ['a NUL character', 'a\u0000b'],
    ['a path through a text field', 'email.x'],
    ['a path through a number field', 'Follows.x'],
    ['a path through the privacy map, null on every account', 'privacy.x'],
    ['a path through a param', 'Params.pwd.x'],
    ['a path inside a custom field', 'foo.bar'],
    ['follows, stored as text', 'Follows'],
    ['fans, stored as text', 'fans'],
    ['params, replaced by a text', 'Params'],
  ])('refuses %s, whatever the policy', (_name, key) => {
    for (const context of [loggedIn, { ...loggedIn, allowServerCrashingRequests: true }]) {
      const result = refusal(setUserInfo({ NickName: 'n', [key]: 'v' }), context);
      expect([result.name, result.code]).toEqual(['RefusedError', 'REFUSED_USER_INFO_KEY']);
    }
  });

  it('accepts profile keys, Params.<name> and new top-level names', () => {
    const params = {
      UserName: 'u',
      NickName: 'n',
      Age: '3',
      Gender: 'f',
      Region: 'r',
      Icon: 'i',
      Intro: 'hi',
      'Params.sex': 'f',
      'Params.pwd': 'new',
      'params.status': 'ignored by the server',
      title: 'boss',
      constructor: 'not a prototype key',
    };
    const sent = decodeMsg(buildFrame(setUserInfo(params), loggedIn).bytes).plainMsg?.userOp?.params;
    expect(sent).toEqual(params);
  });
});

describe('the batch of a receipt', () => {
  /** The rule, id by id: every item the exact decimal text of a non-zero signed 64-bit integer. */
  function definition(batch: string): string | undefined {
    const ids = batch.split(',');
    for (const id of ids) {
      if (!/^-?(?:0|[1-9][0-9]*)$/.test(id) || /^-?0$/.test(id)) return undefined;
      const value = BigInt(id);
      if (value < -(2n ** 63n) || value >= 2n ** 63n) return undefined;
    }
    return batch;
  }

  function built(batch: string): string | undefined {
    try {
      const frame = decodeMsg(
        buildFrame(
          { kind: 'receipt', receipt: { msgId: '9', userId: '2', recvOk: 1, params: { batch } } },
          loggedIn,
        ).bytes,
      );
      return frame.plainMsg?.chatReply?.params.batch;
    } catch (error) {
      if (hasErrorName(error, 'InvalidArgumentError')) return undefined;
      throw error;
    }
  }

  const idText = fc.oneof(
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
    fc.constantFrom(
      '0',
      '-0',
      '00',
      '007',
      '1',
      '-1',
      '999999999999999999',
      '1000000000000000000',
      '8999999999999999999',
      '9000000000000000000',
      '9223372036854775807',
      '9223372036854775808',
      '-9223372036854775808',
      '-9223372036854775809',
      '12345678901234567890',
      'x',
      '',
      ' 5',
      '5 ',
      '+5',
      '1e3',
    ),
  );

  it('is accepted exactly when every item is a non-zero 64-bit id, and sent as given (property)', () => {
    fc.assert(
      fc.property(fc.array(idText, { minLength: 1, maxLength: 120 }), (ids) => {
        const batch = ids.join(',');
        expect(built(batch)).toBe(definition(batch));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses separators out of place', () => {
    for (const batch of ['', ',', '5,', ',5', '5,,6', '5;6']) expect(built(batch)).toBeUndefined();
  });
});
