import { InvalidArgumentError, isBirdTalkError } from '@birdtalk/errors';
import {
  ChatMsgType,
  ChatType,
  ComMsgType,
  encodeMsg,
  type FriendOpReqInit,
  GroupOperationType,
  type GroupOpReqInit,
  type Int64,
  type Int64Input,
  type MsgChatInit,
  type MsgChatReplyInit,
  type MsgDownloadReqInit,
  type MsgInit,
  type MsgPlainInit,
  type MsgQueryInit,
  type MsgUploadReqInit,
  QueryDataType,
  SynType,
  UserOperationType,
  type UserOpReqInit,
} from '@birdtalk/proto';
import {
  decodeBase64,
  int64,
  invalid,
  isP256SpkiPem,
  nonEmpty,
  nonZeroId,
  refused,
  storedFileNamePattern,
} from './frame-checks.js';

/**
 * The one place every outgoing frame is built.
 *
 * Several legal-looking requests crash the real BirdTalk server process or wedge a session. Every frame the session sends goes through
 * {@link buildFrame}, which fills in the parts the protocol fixes (envelope, `msgId = sendId`, receipt `gid`) and refuses — with a typed error, before any
 * byte is sent — every such request.
 */

/** What the builder needs to know about the connection a frame is for. */
export interface FrameContext {
  /** `Msg.tm` of this frame, in milliseconds. Handshake proofs must encrypt exactly this value. */
  readonly tm: number;
  /** Whether the server has logged this connection in (a `loginok` arrived on it). */
  readonly loggedIn: boolean;
  /** Whether key-exchange stage 2 arrived on this connection. */
  readonly stage2Received: boolean;
  /** The logged-in user's id, once known. */
  readonly selfId?: Int64 | undefined;
  /**
   * Lets through the requests the stock server cannot survive but a fixed server could (ApproveFriend,
   * GroupInviteAnswer, joining an `auth` group, the flows that make it mail a code). Requests that are malformed
   * for any server stay refused.
   */
  readonly allowServerCrashingRequests?: boolean | undefined;
}

/** `MsgHello` contents. */
export interface HelloSpec {
  readonly kind: 'hello';
  readonly clientId: string;
  readonly version: string;
  readonly platform: string;
  readonly params: Readonly<Record<string, string>>;
  /** The stored key's print for a token login; absent or 0 for a plain hello. */
  readonly keyPrint?: Int64Input;
  /** Standard padded base64 of `Enc(K, String(tm))`; required with a non-zero keyPrint. */
  readonly checkTokenData?: string;
}

/** Key exchange stage 1. */
export interface KeyExchange1Spec {
  readonly kind: 'key-exchange-1';
  /** The client's ephemeral public key as a PEM "PUBLIC KEY" block (SPKI, P-256). */
  readonly publicKeyPem: string;
  /** `"AES-CTR"` or `"chacha20"`. */
  readonly encType: string;
}

/** Key exchange stage 3. */
export interface KeyExchange3Spec {
  readonly kind: 'key-exchange-3';
  readonly keyPrint: Int64Input;
  /** `Enc(K, String(tm))`, IV or nonce first. */
  readonly tempKey: Uint8Array;
  readonly encType: string;
}

/** An application heartbeat, also used as a fence. */
export interface HeartbeatSpec {
  readonly kind: 'heartbeat';
}

/** A user operation. */
export interface UserOpSpec {
  readonly kind: 'user-op';
  readonly request: UserOpReqInit;
}

/** A chat message. `sendId` is required; `msgId` and `fromId` are filled in. */
export interface ChatSpec {
  readonly kind: 'chat';
  readonly chat: MsgChatInit;
}

/** A delivery or read receipt. `params.gid` is always set to "0". */
export interface ReceiptSpec {
  readonly kind: 'receipt';
  readonly receipt: MsgChatReplyInit;
}

/** A history, receipt or log query. */
export interface QuerySpec {
  readonly kind: 'query';
  readonly query: MsgQueryInit;
}

/** A friend operation. */
export interface FriendOpSpec {
  readonly kind: 'friend-op';
  readonly request: FriendOpReqInit;
}

/** A group operation. */
export interface GroupOpSpec {
  readonly kind: 'group-op';
  readonly request: GroupOpReqInit;
  /**
   * For `GroupJoinRequest` only: the target group's `params.jointype` as last seen (from a group search).
   * Required there, because joining an `auth` group crashes the server.
   */
  readonly groupJoinType?: string;
}

/** One chunk of an in-band upload. */
export interface UploadSpec {
  readonly kind: 'upload';
  readonly upload: MsgUploadReqInit;
}

/** An in-band download request. Prefer HTTP: the in-band path is unreliable. */
export interface DownloadSpec {
  readonly kind: 'download';
  readonly download: MsgDownloadReqInit;
}

/** Everything a client can send. */
export type FrameSpec =
  | HelloSpec
  | KeyExchange1Spec
  | KeyExchange3Spec
  | HeartbeatSpec
  | UserOpSpec
  | ChatSpec
  | ReceiptSpec
  | QuerySpec
  | FriendOpSpec
  | GroupOpSpec
  | UploadSpec
  | DownloadSpec;

/** A frame ready to go: the message as built (for logging and correlation) and its encoded bytes. */
export interface BuiltFrame {
  readonly kind: FrameSpec['kind'];
  readonly msg: MsgInit;
  readonly bytes: Uint8Array;
}

/** The largest signed 64-bit integer: an open upper bound for receipt queries. */
export const INT64_MAX: Int64 = '9223372036854775807';

/**
 * Builds and encodes one outgoing frame, refusing every request known to crash the real server.
 *
 * The envelope is always `{version: 1, keyPrint: 0, tm, msgType, plainMsg}` with the `msgType` that matches the
 * payload: callers cannot choose either.
 *
 * @throws RefusedError when the real server would crash on the frame, silently drop it, or log the session out.
 * @throws InvalidArgumentError when a value is missing or malformed (including invalid UTF-8).
 * @throws EncodeError when the frame cannot be encoded at all (for example larger than 10 MiB).
 */
export function buildFrame(spec: FrameSpec, context: FrameContext): BuiltFrame {
  if (typeof spec !== 'object' || spec === null)
    throw invalid('INVALID_ARGUMENT', 'a frame spec is required', '§3.3');
  const [msgType, plainMsg] = buildPayload(spec, context);
  const msg: MsgInit = { version: 1, keyPrint: 0, tm: context.tm, msgType, plainMsg };
  return { kind: spec.kind, msg, bytes: encode(msg) };
}

/**
 * Encodes, turning the codec's refusal of an ill-formed string into the caller's error: a string that is not
 * well-formed UTF-16 would go out as invalid UTF-8 and kill the server. The codec checks
 * every string as it writes it, so the frame is never walked twice.
 */
function encode(msg: MsgInit): Uint8Array {
  try {
    return encodeMsg(msg);
  } catch (error) {
    if (isBirdTalkError(error, 'ENCODE_INVALID_UTF8')) {
      throw new InvalidArgumentError(
        'INVALID_UTF8',
        'a string of the frame holds a lone surrogate, which the real server cannot decode',
        {
          cause: error,
          details: { section: '§14' },
        },
      );
    }
    throw error;
  }
}

function buildPayload(spec: FrameSpec, context: FrameContext): [ComMsgType, MsgPlainInit] {
  switch (spec.kind) {
    case 'hello':
      return [ComMsgType.MsgTHello, { hello: hello(spec, context) }];
    case 'key-exchange-1':
      return [ComMsgType.MsgTKeyExchange, { keyEx: keyExchange1(spec, context) }];
    case 'key-exchange-3':
      return [ComMsgType.MsgTKeyExchange, { keyEx: keyExchange3(spec, context) }];
    case 'heartbeat':
      // The payload must be present or the server answers "heart msg ping is null".
      return [ComMsgType.MsgTHeartBeat, { heartBeat: { tm: context.tm, userId: context.selfId ?? '0' } }];
    case 'user-op':
      return [ComMsgType.MsgTUserOp, { userOp: userOp(spec.request, context) }];
    case 'chat':
      return [ComMsgType.MsgTChatMsg, { chatData: chat(spec.chat, context) }];
    case 'receipt':
      return [ComMsgType.MsgTChatReply, { chatReply: receipt(spec.receipt, context) }];
    case 'query':
      return [ComMsgType.MsgTQuery, { commonQuery: query(spec.query) }];
    case 'friend-op':
      return [ComMsgType.MsgTFriendOp, { friendOp: friendOp(spec.request, context) }];
    case 'group-op':
      return [ComMsgType.MsgTGroupOp, { groupOp: groupOp(spec, context) }];
    case 'upload':
      return [ComMsgType.MsgTUpload, { uploadReq: upload(spec.upload) }];
    case 'download':
      return [ComMsgType.MsgTDownload, { downloadReq: download(spec.download) }];
    default:
      throw invalid(
        'INVALID_ARGUMENT',
        `unknown frame kind ${String((spec as { kind?: unknown }).kind)}`,
        '§3.3',
      );
  }
}

/** Hello and KeyExchange reset a logged-in server session to "not logged in". */
function beforeLoginOnly(context: FrameContext, what: string): void {
  if (context.loggedIn) {
    throw refused('REFUSED_AFTER_LOGIN', `${what} after login would log the session out`, '§3.5');
  }
}

function hello(spec: HelloSpec, context: FrameContext) {
  beforeLoginOnly(context, 'Hello');
  const keyPrint = int64(spec.keyPrint, 'keyPrint', '0');
  const params: Record<string, string> = { ...spec.params };
  delete params.checkTokenData;
  if (keyPrint !== '0') {
    // A token login proves the key with checkTokenData, standard padded base64.
    const token = nonEmpty(spec.checkTokenData, 'checkTokenData', '§4.4');
    if (decodeBase64(token) === undefined) {
      throw invalid('INVALID_ARGUMENT', 'checkTokenData must be standard padded base64', '§4.4');
    }
    params.checkTokenData = token;
  } else if (spec.checkTokenData !== undefined) {
    throw invalid('INVALID_ARGUMENT', 'checkTokenData belongs to a hello with a keyPrint', '§4.4');
  }
  return {
    clientId: spec.clientId,
    version: spec.version,
    platform: spec.platform,
    stage: 'clienthello',
    keyPrint,
    rsaPrint: 0,
    params,
  };
}

/** The encryption names the server implements correctly. */
function checkEncType(encType: string): string {
  const lower = typeof encType === 'string' ? encType.toLowerCase() : '';
  if (lower === 'aes-ctr' || lower === 'chacha20') return encType;
  if (lower.startsWith('twofish')) {
    // Twofish128 passes the server's check, then stage 2 fails silently (no reply at all).
    throw refused('REFUSED_TWOFISH', 'the server cannot complete a twofish key exchange', '§4.3');
  }
  throw invalid('INVALID_ENC_TYPE', `encType must be "AES-CTR" or "chacha20"`, '§4.3');
}

function keyExchange1(spec: KeyExchange1Spec, context: FrameContext) {
  beforeLoginOnly(context, 'KeyExchange');
  const encType = checkEncType(spec.encType);
  // Any curve but P-256 makes the server's P-256 ScalarMult panic.
  if (typeof spec.publicKeyPem !== 'string' || !isP256SpkiPem(spec.publicKeyPem)) {
    throw refused(
      'REFUSED_NOT_P256',
      'stage 1 needs a PEM SPKI holding an uncompressed P-256 key',
      '§4.3, §14',
    );
  }
  // RsaPrint must be 0 (RSA wrapping is not implemented).
  return { stage: 1, rsaPrint: 0, keyPrint: 0, pubKey: new TextEncoder().encode(spec.publicKeyPem), encType };
}

function keyExchange3(spec: KeyExchange3Spec, context: FrameContext) {
  beforeLoginOnly(context, 'KeyExchange');
  // Stage 3 on a connection without a stage-1/2 exchange dereferences nil in the server.
  if (!context.stage2Received) {
    throw refused('REFUSED_STAGE3_BEFORE_STAGE2', 'stage 3 needs stage 2 on this connection', '§4.3, §14');
  }
  const keyPrint = nonZeroId(spec.keyPrint, 'keyPrint');
  if (!(spec.tempKey instanceof Uint8Array) || spec.tempKey.byteLength <= 12) {
    throw invalid('INVALID_ARGUMENT', 'tempKey must hold an IV or nonce and a ciphertext', '§4.3');
  }
  return {
    stage: 3,
    keyPrint,
    rsaPrint: 0,
    tempKey: spec.tempKey,
    encType: checkEncType(spec.encType),
    status: 'ready',
  };
}

/** The user operations the server handles as `MsgTUserOp`. */
const userOperations: ReadonlySet<number> = new Set([
  UserOperationType.RegisterUser,
  UserOperationType.UnregisterUser,
  UserOperationType.DisableUser,
  UserOperationType.RecoverUser,
  UserOperationType.SetUserInfo,
  UserOperationType.RealNameVerification,
  UserOperationType.Login,
  UserOperationType.Logout,
]);

function userOp(request: UserOpReqInit, context: FrameContext): UserOpReqInit {
  if (typeof request !== 'object' || request === null)
    throw invalid('INVALID_ARGUMENT', 'a request is required', '§5');
  const operation = request.operation ?? UserOperationType.UserNoneAction;
  if (!userOperations.has(operation)) {
    // Other operations sent as a UserOp get no reply (or ErrTNotLogin): they belong to MsgTFriendOp.
    throw refused('REFUSED_USER_OPERATION', `operation ${operation} is not a user operation`, '§5.1, C5');
  }
  const params = request.params ?? {};
  switch (operation) {
    case UserOperationType.RegisterUser: {
      if (context.loggedIn)
        throw refused('REFUSED_REGISTER_LOGGED_IN', 'cannot register while logged in', '§5.2');
      if (request.user === undefined) throw invalid('INVALID_ARGUMENT', 'register needs a user', '§5.2');
      const mode = params.regmode ?? 'anonymous';
      if (mode !== 'anonymous' && mode !== 'email') {
        // "phone" is silently treated as anonymous.
        throw invalid('INVALID_ARGUMENT', 'regmode must be "anonymous" or "email"', '§5.2');
      }
      if (mode === 'email') {
        nonEmpty(request.user.email, 'user.email', '§5.2');
        mailsACode(context, 'REFUSED_EMAIL_REGISTRATION', 'an e-mail registration');
      }
      break;
    }
    case UserOperationType.Login: {
      const user = request.user;
      if (user === undefined) throw invalid('INVALID_ARGUMENT', 'login needs a user', '§5.4');
      const mode = params.loginmode ?? 'id';
      if (mode === 'id') {
        nonZeroId(user.userId, 'user.userId');
        if (user.params?.pwd === undefined)
          throw invalid('INVALID_ARGUMENT', 'an id login needs params.pwd', 'C6');
      } else if (mode === 'email') {
        nonEmpty(user.email, 'user.email', '§5.4');
        // An unknown e-mail is re-processed as an anonymous registration unless regmode says "email".
        if (params.regmode !== 'email') {
          throw refused(
            'REFUSED_EMAIL_LOGIN_WITHOUT_REGMODE',
            'an e-mail login must carry params.regmode "email", or an unknown address registers a new account',
            '§5.4',
          );
        }
        // Without a password the server mails a login code; with one, an unknown address (which the client
        // cannot tell beforehand) takes the e-mail registration path, which mails a code too.
        mailsACode(context, 'REFUSED_EMAIL_LOGIN', 'an e-mail login');
      } else {
        throw refused('REFUSED_LOGIN_MODE', `login mode "${mode}" is not available`, '§5.4');
      }
      break;
    }
    case UserOperationType.RealNameVerification:
      nonEmpty(params.code, 'params.code', '§5.3');
      break;
    case UserOperationType.SetUserInfo:
      for (const key of Object.keys(params)) {
        const lower = key.toLowerCase();
        // No code is ever generated for a phone change, and the session stays logged out meanwhile. (With a
        // code left from an e-mail change, it is also the one way to make the server accept a code with
        // nothing to change, on which it exits.)
        if (lower === 'phone') {
          throw refused('REFUSED_PHONE_CHANGE', 'a phone change can never be completed', '§5.6');
        }
        if (lower === 'email') mailsACode(context, 'REFUSED_EMAIL_CHANGE', 'an e-mail change');
        const refusal = userInfoKeyRefusal(lower);
        if (refusal !== undefined) {
          throw refused('REFUSED_USER_INFO_KEY', `SetUserInfo key "${key}" ${refusal}`, '§5.6, §14');
        }
      }
      break;
    case UserOperationType.DisableUser:
    case UserOperationType.RecoverUser:
      if (request.user === undefined) throw invalid('INVALID_ARGUMENT', 'the target user is required', 'C7');
      nonZeroId(request.user.userId, 'user.userId');
      break;
    default:
      break;
  }
  return { ...request, operation, params };
}

/**
 * The stock server mails verification codes from a worker whose template path only exists on Windows: on
 * Linux the worker dies right after the server answered `waitcode`, and takes the whole process with it.
 */
function mailsACode(context: FrameContext, code: string, what: string): void {
  if (context.allowServerCrashingRequests === true) return;
  throw refused(
    code,
    `${what} makes the server mail a code, and the stock server's mail worker then kills the process`,
    '§14, §18.2',
  );
}

/** SetUserInfo keys the server handles itself; every other key becomes a MongoDB `$set` of the lower-cased key. */
const handledUserInfoKeys: ReadonlySet<string> = new Set([
  'username',
  'nickname',
  'age',
  'region',
  'gender',
  'icon',
  'intro',
  'email',
  'phone',
  'params.status',
]);

/** Counters and maps that a `$set` of a text would leave in a state later requests die on. */
const textPoisonedFields: Readonly<Record<string, string>> = {
  follows: 'would store the follows counter as text, and the next follow or unfollow kills the server',
  fans: 'would store the fans counter as text, and the next follow or unfollow kills the server',
  params: 'would replace the params map with a text, and the next params update kills the server',
};

/**
 * Why a lower-cased SetUserInfo key must not be sent, or `undefined`. The server writes it as a `$set` path, and
 * exits when MongoDB refuses the update: an empty name, `$`-prefixed names, NUL, `_id`, and paths through a field
 * that holds text, a number or null. Only `params.<name>` (a new or replaced entry of a map every account has)
 * and single new top-level names are sure not to be such a path: whether `foo.bar` or `params.a.b` lies inside
 * a text depends on what earlier updates stored, which the client cannot see, so every deeper path is refused.
 */
function userInfoKeyRefusal(path: string): string | undefined {
  if (handledUserInfoKeys.has(path)) return undefined;
  if (path.includes('\u0000')) return 'holds a NUL character, which no BSON key can';
  const parts = path.split('.');
  if (parts.some((part) => part === '')) return 'has an empty field name, which MongoDB refuses';
  if (parts.some((part) => part.startsWith('$'))) return 'has a $-prefixed field name, which MongoDB refuses';
  if (parts[0] === '_id') return 'names the immutable _id, which MongoDB refuses to change';
  if (parts.length === 1)
    return Object.hasOwn(textPoisonedFields, path) ? textPoisonedFields[path] : undefined;
  if (parts.length === 2 && parts[0] === 'params') return undefined;
  return 'is a path inside a stored field that may hold text, a number or null, which MongoDB refuses to extend';
}

function chat(input: MsgChatInit, context: FrameContext): MsgChatInit {
  // A MsgTChatMsg without chatData crashes the server.
  if (typeof input !== 'object' || input === null)
    throw invalid('INVALID_ARGUMENT', 'a chat message is required', '§14');
  // Chat has no login check on the server, and an unknown session user can crash it.
  if (!context.loggedIn || context.selfId === undefined) {
    throw refused('REFUSED_NOT_LOGGED_IN', 'chat messages need a logged-in session', '§3.3, C25');
  }
  const sendId = nonZeroId(input.sendId, 'sendId');
  // MsgId must equal sendId or the server answers "fail".
  if (input.msgId !== undefined && int64(input.msgId, 'msgId') !== sendId) {
    throw invalid('INVALID_MSG_ID', 'msgId must equal sendId', '§6.1');
  }
  // FromId must be the session's user.
  if (input.fromId !== undefined && int64(input.fromId, 'fromId') !== context.selfId) {
    throw invalid('INVALID_FROM_ID', 'fromId must be the logged-in user', '§6.1');
  }
  const chatType = input.chatType;
  // Any chatType other than P2P or group gets no reply at all and is not stored.
  if (chatType !== ChatType.ChatTypeP2P && chatType !== ChatType.ChatTypeGroup) {
    throw invalid('INVALID_CHAT_TYPE', 'chatType must be P2P (1) or group (2)', '§6.1, C8');
  }
  const toId = nonZeroId(input.toId, 'toId');
  if (input.data !== undefined && !(input.data instanceof Uint8Array)) {
    throw invalid('INVALID_ARGUMENT', 'data must be a Uint8Array', '§6.1');
  }
  // A recall names its target.
  if (input.msgType === ChatMsgType.DELETE) nonZeroId(input.refMessageId, 'refMessageId');
  // Every field written out: an object spread here cost more than encoding the whole frame.
  return {
    msgId: sendId,
    userId: input.userId ?? context.selfId,
    fromId: context.selfId,
    toId,
    tm: input.tm ?? context.tm,
    devId: input.devId,
    sendId,
    msgType: input.msgType,
    data: input.data ?? new Uint8Array(0),
    priority: input.priority,
    refMessageId: input.refMessageId,
    status: input.status,
    sendReply: input.sendReply,
    recvReply: input.recvReply,
    readReply: input.readReply,
    encType: input.encType,
    chatType,
    subMsgType: input.subMsgType,
    keyPrint: input.keyPrint,
    params: input.params,
  };
}

/**
 * A batch of ids every one of which is plainly a valid non-zero id: canonical decimals of at most 18 digits, or
 * 19 digits starting with 1-8, all below 2^63. A receipt carries up to a hundred of them, so the usual batch is
 * checked with this one expression; anything else goes through {@link checkedIdList}, which names the culprit.
 */
const plainIdList = /^-?(?:[1-9][0-9]{0,17}|[1-8][0-9]{18})(?:,-?(?:[1-9][0-9]{0,17}|[1-8][0-9]{18}))*$/;

/** A batch's ids checked one by one: their exact decimal texts, comma-separated, or a typed error. */
function checkedIdList(batch: string): string {
  const ids = batch.split(',');
  if (ids.length === 0 || ids.some((id) => !/^-?[0-9]+$/.test(id) || /^-?0+$/.test(id))) {
    throw invalid('INVALID_ARGUMENT', 'params.batch must be comma-separated non-zero ids', '§6.7, §12');
  }
  return ids.map((id, index) => nonZeroId(id, `params.batch[${index}]`)).join(',');
}

function receipt(input: MsgChatReplyInit, context: FrameContext): MsgChatReplyInit {
  if (typeof input !== 'object' || input === null)
    throw invalid('INVALID_ARGUMENT', 'a receipt is required', '§6.7');
  const params: Record<string, string> = { ...(input.params ?? {}) };
  // An empty params map crashes the server; group receipts are not supported, gid is always "0".
  if (params.gid !== undefined && params.gid !== '0') {
    throw invalid('INVALID_ARGUMENT', 'receipts exist for P2P chats only (gid "0")', '§6.7');
  }
  params.gid = '0';
  if (params.batch !== undefined) {
    // A batch receipt on a session without a cached user crashes the server.
    if (!context.loggedIn)
      throw refused('REFUSED_BATCH_BEFORE_LOGIN', 'batch receipts need a logged-in session', 'O8');
    // An empty batch is refused; a non-numeric item silently becomes 0.
    if (!plainIdList.test(params.batch)) params.batch = checkedIdList(params.batch);
  }
  const recvOk = int64(input.recvOk, 'recvOk', '0');
  const readOk = int64(input.readOk, 'readOk', '0');
  if (recvOk === '0' && readOk === '0') {
    throw invalid('INVALID_ARGUMENT', 'a receipt needs recvOk or readOk', '§6.7');
  }
  return {
    ...input,
    msgId: nonZeroId(input.msgId, 'msgId'),
    sendId: int64(input.sendId, 'sendId', '0'),
    userId: nonZeroId(input.userId, 'userId'),
    fromId: input.fromId ?? context.selfId ?? '0',
    recvOk,
    readOk,
    params,
  };
}

function query(input: MsgQueryInit): MsgQueryInit {
  if (typeof input !== 'object' || input === null)
    throw invalid('INVALID_ARGUMENT', 'a query is required', '§7');
  const queryType = input.queryType ?? QueryDataType.QueryDataTypeChatData;
  const synType = input.synType ?? SynType.SynTypeForward;
  const out: MsgQueryInit = { ...input, queryType, synType };
  switch (queryType) {
    case QueryDataType.QueryDataTypeChatData:
      // A ChatData query with chatType None gets no reply at all.
      if (input.chatType !== ChatType.ChatTypeP2P && input.chatType !== ChatType.ChatTypeGroup) {
        throw invalid('INVALID_CHAT_TYPE', 'a ChatData query needs chatType P2P or group', '§7, §13.23');
      }
      if (input.chatType === ChatType.ChatTypeGroup) nonZeroId(input.groupId, 'groupId');
      break;
    case QueryDataType.QueryDataTypeChatReply:
      // BigId is not defaulted for receipt queries, so 0 would return nothing.
      if (synType !== SynType.SynTypeForward && int64(input.bigId, 'bigId', '0') === '0') {
        return { ...out, bigId: INT64_MAX, chatType: ChatType.ChatTypeP2P };
      }
      return { ...out, chatType: ChatType.ChatTypeP2P };
    case QueryDataType.QueryDataTypeFriendOP:
    case QueryDataType.QueryDataTypeGroupOP:
      // Operation logs are only paged forward.
      if (synType !== SynType.SynTypeForward) {
        throw invalid('INVALID_ARGUMENT', 'operation-log queries only page forward', '§7');
      }
      if (queryType === QueryDataType.QueryDataTypeGroupOP) nonZeroId(input.groupId, 'groupId');
      break;
    default:
      throw invalid('INVALID_ARGUMENT', `unknown queryType ${String(queryType)}`, '§7');
  }
  return out;
}

/** Friend operations the server dispatches; ApproveFriend is handled separately. */
const friendOperations: ReadonlySet<number> = new Set([
  UserOperationType.FindUser,
  UserOperationType.AddFriend,
  UserOperationType.RemoveFriend,
  UserOperationType.BlockFriend,
  UserOperationType.UnBlockFriend,
  UserOperationType.SetFriendPermission,
  UserOperationType.SetFriendMemo,
  UserOperationType.ListFriends,
]);

function friendOp(request: FriendOpReqInit, context: FrameContext): FriendOpReqInit {
  if (typeof request !== 'object' || request === null)
    throw invalid('INVALID_ARGUMENT', 'a request is required', '§8');
  const operation = request.operation ?? UserOperationType.UserNoneAction;
  // ApproveFriend reads a nil payload and crashes the server.
  if (operation === UserOperationType.ApproveFriend) {
    if (context.allowServerCrashingRequests === true) return request;
    throw refused('REFUSED_APPROVE_FRIEND', 'ApproveFriend crashes the server', '§8, §14');
  }
  if (!friendOperations.has(operation)) {
    throw invalid('INVALID_OPERATION', `operation ${operation} is not a friend operation`, '§8');
  }
  const params = request.params ?? {};
  switch (operation) {
    case UserOperationType.FindUser:
      if (!['id', 'name', 'email', 'phone'].includes(params.mode ?? '')) {
        throw invalid('INVALID_ARGUMENT', 'params.mode must be id, name, email or phone', '§8');
      }
      nonEmpty(params.value, 'params.value', '§8');
      break;
    case UserOperationType.ListFriends:
      break;
    case UserOperationType.SetFriendMemo:
      nonZeroId(request.user?.userId, 'user.userId');
      // An empty memo gets no reply at all.
      nonEmpty(request.user?.nickName, 'user.nickName', '§8');
      break;
    case UserOperationType.SetFriendPermission: {
      nonZeroId(request.user?.userId, 'user.userId');
      const permission = params.permission ?? '';
      // Parsed as a decimal int16.
      if (!/^-?[0-9]{1,5}$/.test(permission) || Number(permission) > 32_767 || Number(permission) < -32_768) {
        throw invalid('INVALID_ARGUMENT', 'params.permission must be a decimal int16', '§8');
      }
      break;
    }
    default:
      nonZeroId(request.user?.userId, 'user.userId');
      break;
  }
  return { ...request, operation, params };
}

/** Group operations that do not name an existing group. */
const groupOpsWithoutGroupId: ReadonlySet<number> = new Set([
  GroupOperationType.GroupCreate,
  GroupOperationType.GroupSearch,
  GroupOperationType.GroupListIn,
]);
/** Group operations that list target members. */
const groupOpsWithMembers: ReadonlySet<number> = new Set([
  GroupOperationType.GroupKickMember,
  GroupOperationType.GroupInviteRequest,
  GroupOperationType.GroupAddAdmin,
  GroupOperationType.GroupDelAdmin,
  GroupOperationType.GroupTransferOwner,
]);

function groupOp(spec: GroupOpSpec, context: FrameContext): GroupOpReqInit {
  const request = spec.request;
  if (typeof request !== 'object' || request === null)
    throw invalid('INVALID_ARGUMENT', 'a request is required', '§9');
  const operation = request.operation ?? GroupOperationType.GroupNoneAction;
  // GroupInviteAnswer reads a nil payload and crashes the server.
  if (operation === GroupOperationType.GroupInviteAnswer) {
    if (context.allowServerCrashingRequests === true) return request;
    throw refused('REFUSED_INVITE_ANSWER', 'GroupInviteAnswer crashes the server', '§9, §14');
  }
  // As a GroupOp, JoinAnswer always fails; admin approval is impossible on this server.
  if (operation === GroupOperationType.GroupJoinAnswer) {
    throw refused('REFUSED_JOIN_ANSWER', 'the server cannot approve join requests', '§9');
  }
  // Operation 0 or above 16 gets no reply at all.
  if (operation < GroupOperationType.GroupCreate || operation > GroupOperationType.GroupListIn) {
    throw invalid('INVALID_OPERATION', `operation ${operation} is not a group operation`, '§9, O14');
  }
  const params = request.params ?? {};
  if (!groupOpsWithoutGroupId.has(operation)) nonZeroId(request.group?.groupId, 'group.groupId');
  if (groupOpsWithMembers.has(operation) && (request.members ?? []).length === 0) {
    throw invalid('INVALID_ARGUMENT', 'this operation needs members', '§9');
  }
  for (const [index, member] of (request.members ?? []).entries())
    nonZeroId(member.userId, `members[${index}].userId`);
  switch (operation) {
    case GroupOperationType.GroupCreate: {
      if (request.group === undefined) throw invalid('INVALID_ARGUMENT', 'create needs group info', '§9');
      // Listing yourself re-inserts you as a plain member and demotes the owner after a reload.
      const self = context.selfId;
      if (
        self !== undefined &&
        (request.members ?? []).some((member) => int64(member.userId, 'userId') === self)
      ) {
        throw invalid('INVALID_ARGUMENT', 'the creator must not be listed among the members', 'O3');
      }
      break;
    }
    case GroupOperationType.GroupJoinRequest: {
      // Joining an "auth" group forwards the request to the admins and then crashes the server.
      const joinType = spec.groupJoinType;
      if (context.allowServerCrashingRequests === true) break;
      if (joinType === undefined) {
        throw refused(
          'REFUSED_JOIN_TYPE_UNKNOWN',
          "a join request needs the group's jointype (auth crashes)",
          '§9, §14',
        );
      }
      if (joinType.toLowerCase() === 'auth') {
        throw refused('REFUSED_JOIN_AUTH', 'joining an "auth" group crashes the server', '§9, §14');
      }
      break;
    }
    case GroupOperationType.GroupSetMemberInfo:
      nonEmpty(params.nick, 'params.nick', '§9');
      break;
    case GroupOperationType.GroupSearch:
      nonEmpty(params.keyword, 'params.keyword', '§9');
      break;
    default:
      break;
  }
  return { ...request, operation, params };
}

function upload(input: MsgUploadReqInit): MsgUploadReqInit {
  // A MsgTUpload without uploadReq crashes the server.
  if (typeof input !== 'object' || input === null)
    throw invalid('INVALID_ARGUMENT', 'an upload chunk is required', '§14');
  nonEmpty(input.fileName, 'fileName', '§10.1');
  if (!(input.fileData instanceof Uint8Array) || input.fileData.byteLength === 0) {
    throw invalid('INVALID_ARGUMENT', 'fileData must be non-empty', '§10.1');
  }
  // Only MD5 is computed by the server; "sha1" passes the check and then always fails.
  if (input.hashType !== 'md5') throw invalid('INVALID_ARGUMENT', 'hashType must be "md5"', '§10.1');
  if (typeof input.hashCode !== 'string' || !/^[0-9a-f]{32}$/.test(input.hashCode)) {
    throw invalid('INVALID_ARGUMENT', 'hashCode must be the lower-case hex MD5 of the file', '§10.1');
  }
  // A wrong fileSize poisons the server's dedupe record and crashes a later upload.
  const fileSize = nonZeroId(input.fileSize, 'fileSize');
  if (fileSize.startsWith('-')) throw invalid('INVALID_ARGUMENT', 'fileSize must be positive', '§10.1');
  const chunkCount = input.chunkCount ?? 0;
  const chunkIndex = input.chunkIndex ?? 0;
  // ChunkCount is read from every chunk; 0 never finishes.
  if (!Number.isInteger(chunkCount) || chunkCount < 1)
    throw invalid('INVALID_ARGUMENT', 'chunkCount must be ≥ 1', 'O6');
  if (!Number.isInteger(chunkIndex) || chunkIndex < 0 || chunkIndex >= chunkCount) {
    throw invalid('INVALID_ARGUMENT', 'chunkIndex must be in [0, chunkCount)', 'O6');
  }
  return { ...input, fileSize, sendId: nonZeroId(input.sendId, 'sendId'), chunkCount, chunkIndex };
}

function download(input: MsgDownloadReqInit): MsgDownloadReqInit {
  if (typeof input !== 'object' || input === null)
    throw invalid('INVALID_ARGUMENT', 'a download request is required', '§10.2');
  // Only names the server produced; others can crash its os.Stat handling.
  if (typeof input.fileName !== 'string' || !storedFileNamePattern.test(input.fileName)) {
    throw refused(
      'REFUSED_DOWNLOAD_NAME',
      'only stored file names (YYYYMMDD_<id>.<ext>) can be downloaded',
      'C21, C25',
    );
  }
  return { ...input };
}
