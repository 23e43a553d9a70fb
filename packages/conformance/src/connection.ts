import type { EncType, EphemeralKeyPair } from '@birdtalk/crypto';
import {
  ChatMsgType,
  ChatType,
  decodeMsg,
  encodeMsg,
  GroupOperationType,
  type Msg,
  type MsgChatInit,
  type MsgInit,
  type MsgPlainCase,
  type MsgPlainInit,
  type QueryDataType,
  type SynType,
  type UserInfoInit,
  UserOperationType,
} from '@birdtalk/proto';
import type { Clock } from '@birdtalk/runtime';
import type { ScenarioCrypto } from './crypto.js';
import { caseOf, type EnvelopeOptions, envelope } from './envelope.js';
import type { RawSocket } from './socket.js';
import type { TranscriptEvent } from './transcript.js';

/** A frame a scenario waits for: a payload case, `'text'` or `'close'`. */
export type Want = MsgPlainCase | 'text';

/** What a connection needs from the scenario that owns it. */
export interface ConnectionHost {
  readonly clock: Clock;
  readonly crypto: ScenarioCrypto;
  /** Milliseconds a scenario waits for an awaited reply. */
  readonly timeoutMs: number;
  /** The transcript step events are recorded in. */
  readonly step: number;
  /** Called whenever any connection receives a frame (settle waits for quiet). */
  received(): void;
  /** Masks a string in the transcript. */
  secret(value: string): void;
  /** Records that `id` is the user or group the scenario calls `name`. */
  name(kind: 'U' | 'G', id: string, name: string): void;
}

const replyCases: readonly Want[] = ['hello', 'errorMsg', 'userOpRet'];

/**
 * One WebSocket connection of a scenario: everything sent and received is recorded for the transcript, except
 * the heartbeats the runner itself sends while settling and their replies.
 */
export class Connection {
  readonly label: string;
  readonly events: TranscriptEvent[] = [];
  /** The user id once registered or logged in ('0' before). */
  uid = '0';
  /** The shared key of the last completed key exchange, with its print and cipher. */
  secret: Uint8Array | undefined;
  keyPrint = '0';
  enc: EncType = 'AES-CTR';

  readonly #host: ConnectionHost;
  #socket: RawSocket | undefined;
  readonly #frames: Array<Msg | string> = [];
  #mark = 0;
  readonly #heartbeats: Array<'settle' | 'scenario'> = [];
  readonly #settleWaiters: Array<(answered: boolean) => void> = [];
  readonly #changeWaiters: Array<() => void> = [];
  #open = false;
  #closing = false;

  constructor(host: ConnectionHost, label: string) {
    this.#host = host;
    this.label = label;
  }

  /** Whether the socket is open and the scenario has not closed it. */
  get isOpen(): boolean {
    return this.#open && !this.#closing;
  }

  /** Attaches an opened socket (once). */
  attach(socket: RawSocket): void {
    this.#socket = socket;
    this.#open = true;
    socket.onFrame((frame) => this.#onFrame(frame));
    socket.onClose((code) => this.#onClose(code));
  }

  /** Adds a connection note (`X! text`) to the transcript. */
  note(text: string): void {
    this.#add({ step: this.#host.step, kind: 'note', text });
  }

  #add(event: TranscriptEvent): void {
    this.events.push(event);
  }

  #changed(): void {
    for (const wake of this.#changeWaiters.splice(0)) wake();
  }

  #onFrame(frame: Uint8Array | string): void {
    this.#host.received();
    if (this.#closing) return;
    const step = this.#host.step;
    if (typeof frame === 'string') {
      this.#add({ step, kind: 'text', text: frame });
      this.#frames.push(frame);
    } else {
      let msg: Msg;
      try {
        msg = decodeMsg(frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER });
      } catch {
        this.note(`undecodable binary frame of ${frame.byteLength} bytes`);
        return;
      }
      if (caseOf(msg) === 'heartBeat' && this.#heartbeats.length > 0) {
        const who = this.#heartbeats.shift();
        if (who === 'settle') {
          this.#settleWaiters.shift()?.(true);
          return;
        }
      }
      this.#add({ step, kind: 'recv', frame: msg });
      this.#frames.push(msg);
    }
    this.#changed();
  }

  #onClose(code: number | null): void {
    this.#open = false;
    if (!this.#closing) this.#add({ step: this.#host.step, kind: 'close', code });
    for (const wake of this.#settleWaiters.splice(0)) wake(false);
    this.#changed();
  }

  /** Sends a whole envelope. */
  async sendMsg(message: MsgInit): Promise<Msg> {
    // What is recorded is what went on the wire, read back through the same decoder as received frames.
    const bytes = encodeMsg(message);
    const sent = decodeMsg(bytes);
    if (caseOf(sent) === 'heartBeat') this.#heartbeats.push('scenario');
    this.#add({ step: this.#host.step, kind: 'send', frame: sent });
    this.#mark = this.#frames.length;
    if (!this.#open || this.#socket === undefined) {
      this.note('send on a closed connection');
      return sent;
    }
    try {
      await this.#socket.send(bytes);
    } catch {
      this.note('send on a closed connection');
    }
    return sent;
  }

  /** Sends a payload in its envelope (`msgType` from the payload). */
  send(payload: MsgPlainInit, options: EnvelopeOptions = {}): Promise<Msg> {
    return this.sendMsg(envelope(payload, this.#host.clock.now(), options));
  }

  /** Sends a text frame. */
  async sendText(text: string): Promise<void> {
    this.#add({ step: this.#host.step, kind: 'send', frame: text });
    this.#mark = this.#frames.length;
    try {
      if (this.#socket === undefined || !this.#open) throw new Error('closed');
      await this.#socket.send(text);
    } catch {
      this.note('send on a closed connection');
    }
  }

  /** Closes the connection; nothing received after this is recorded. */
  async close(): Promise<void> {
    this.#add({ step: this.#host.step, kind: 'send', frame: 'close' });
    this.#closing = true;
    await this.#socket?.close(3_000);
    this.#open = false;
  }

  /** Stops recording and closes the socket (end of the scenario). */
  async finish(): Promise<void> {
    this.#closing = true;
    if (this.#open) await this.#socket?.close(2_000);
    this.#open = false;
  }

  /**
   * The next frame received after the last send (or after frame index `since`) whose payload case is in
   * `want` (any frame when absent); undefined after `timeoutMs` or when the connection closed.
   */
  async expect(want?: readonly Want[], timeoutMs = this.#host.timeoutMs): Promise<Msg | string | undefined> {
    const clock = this.#host.clock;
    const end = clock.now() + timeoutMs;
    let index = this.#mark;
    for (;;) {
      while (index < this.#frames.length) {
        const frame = this.#frames[index] as Msg | string;
        index += 1;
        const kind = caseOf(frame);
        if (want === undefined || (kind !== undefined && want.includes(kind))) {
          this.#mark = index;
          return frame;
        }
      }
      if (!this.#open) return undefined;
      const left = end - clock.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const timer = clock.setTimeout(resolve, left);
        this.#changeWaiters.push(() => {
          clock.clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends a payload and waits for the reply (see {@link expect}). */
  async request(
    payload: MsgPlainInit,
    want: readonly Want[],
    options: EnvelopeOptions = {},
  ): Promise<Msg | undefined> {
    await this.send(payload, options);
    return asMsg(await this.expect(want));
  }

  /**
   * One runner heartbeat and its reply, neither recorded. Resolves false after `timeoutMs` without a reply
   * (and notes it), true otherwise (or when the connection is closed).
   */
  async settleRoundTrip(timeoutMs: number): Promise<boolean> {
    if (!this.#open || this.#closing || this.#socket === undefined) return true;
    const clock = this.#host.clock;
    const answered = new Promise<boolean>((resolve) => this.#settleWaiters.push(resolve));
    this.#heartbeats.push('settle');
    const bytes = encodeMsg(envelope({ heartBeat: { tm: clock.now(), userId: this.uid } }, clock.now()));
    try {
      await this.#socket.send(bytes);
    } catch {
      return true;
    }
    let timer: ReturnType<Clock['setTimeout']> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = clock.setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([answered, timedOut]);
    clock.clearTimeout(timer);
    if (outcome === 'timeout') {
      this.note('no reply to the runner heartbeat');
      this.#heartbeats.length = 0;
      this.#settleWaiters.length = 0;
      return false;
    }
    return outcome;
  }

  // ------------------------------------------------------------------ protocol helpers

  /** The client Hello (keyPrint and a check token for a fast re-login). */
  helloPayload(keyPrint: string | number = 0, token?: string): MsgPlainInit {
    const params: Record<string, string> = {};
    if (token !== undefined) {
      params.checkTokenData = token;
      this.#host.secret(token);
    }
    return {
      hello: {
        clientId: 'conformance',
        version: '1.0',
        platform: 'linux',
        stage: 'clienthello',
        keyPrint,
        params,
      },
    };
  }

  /** Sends a Hello and waits for the Hello, error or login reply. */
  async hello(
    options: {
      keyPrint?: string | number;
      token?: string;
      tm?: string | number;
      version?: number;
      envelopeKeyPrint?: string | number;
    } = {},
  ): Promise<Msg | undefined> {
    return this.request(this.helloPayload(options.keyPrint ?? 0, options.token), replyCases, {
      ...(options.tm === undefined ? {} : { tm: options.tm }),
      version: options.version ?? 1,
      keyPrint: options.envelopeKeyPrint ?? 0,
    });
  }

  /**
   * Key exchange stages 1–4. The server's "share key less than 32 bytes" refusal depends on the random keys
   * only, so it is retried with a new pair and left out of the transcript. Returns the stage-4 (or error) reply.
   */
  async keyExchange(enc: EncType = 'AES-CTR', stage3PrintDelta = 0n): Promise<Msg | undefined> {
    const crypto = this.#host.crypto;
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const eventStart = this.events.length;
      const frameStart = this.#frames.length;
      const mine: EphemeralKeyPair = await crypto.newKey();
      const reply = await this.request(
        { keyEx: { stage: 1, pubKey: new TextEncoder().encode(mine.publicKeyPem), encType: enc } },
        ['keyEx', 'errorMsg'],
      );
      const error = reply?.plainMsg?.errorMsg;
      if (error !== undefined && error.code === 11 && error.detail.includes('less than 32')) {
        this.events.splice(eventStart);
        this.#frames.splice(frameStart);
        this.#mark = this.#frames.length;
        continue;
      }
      const stage2 = reply?.plainMsg?.keyEx;
      if (reply === undefined || stage2 === undefined) return reply;
      let secret: Uint8Array | undefined;
      try {
        secret = await crypto.shared(mine, stage2.pubKey);
        const verified =
          stage2.keyPrint === crypto.keyPrint(secret) &&
          crypto.openTempKey(enc, secret, stage2.tempKey) === reply.tm;
        if (!verified) secret = undefined;
      } catch {
        secret = undefined;
      }
      if (secret === undefined) {
        this.note('stage 2 does not verify (keyPrint / tempKey == Msg.tm)');
        return reply;
      }
      this.secret = secret;
      this.keyPrint = crypto.keyPrint(secret);
      this.enc = enc;
      this.#host.secret(Buffer.from(secret).toString('base64'));
      const tm = String(this.#host.clock.now());
      return this.request(
        {
          keyEx: {
            stage: 3,
            keyPrint: (BigInt(this.keyPrint) + stage3PrintDelta).toString(),
            tempKey: crypto.tempKey(enc, secret, tm),
            encType: enc,
            status: 'ready',
          },
        },
        ['keyEx', 'errorMsg'],
        { tm },
      );
    }
    this.note('eight key exchanges refused');
    return undefined;
  }

  /** Hello (keyPrint 0) and a key exchange to stage 4. */
  async handshake(enc: EncType = 'AES-CTR'): Promise<Msg | undefined> {
    await this.hello();
    return this.keyExchange(enc);
  }

  /** Anonymous registration; returns the new user id ('0' when refused). */
  async register(
    name: string,
    password: string,
    asName?: string,
    extra: Record<string, string> = {},
  ): Promise<string> {
    this.#host.secret(password);
    const reply = await this.request(
      {
        userOp: {
          operation: UserOperationType.RegisterUser,
          user: { userName: name, params: { pwd: password } },
          params: { regmode: 'anonymous', ...extra },
        },
      },
      ['userOpRet', 'errorMsg'],
    );
    const user = reply?.plainMsg?.userOpRet?.users[0];
    if (user === undefined) return '0';
    this.uid = user.userId;
    this.#host.name('U', user.userId, asName ?? name);
    return this.uid;
  }

  /** Login by id (or e-mail) and password. */
  async login(id: string, password: string, mode: 'id' | 'email' = 'id'): Promise<Msg | undefined> {
    this.#host.secret(password);
    const user: UserInfoInit =
      mode === 'id' ? { userId: id, params: { pwd: password } } : { email: id, params: { pwd: password } };
    const reply = await this.request(
      { userOp: { operation: UserOperationType.Login, user, params: { loginmode: mode } } },
      ['userOpRet', 'errorMsg'],
    );
    const loggedIn = reply?.plainMsg?.userOpRet?.users[0];
    if (loggedIn !== undefined) this.uid = loggedIn.userId;
    return reply;
  }

  /** A UserOp; waits for its reply unless `wait` is null. */
  async userOp(
    operation: UserOperationType,
    options: { user?: UserInfoInit; params?: Record<string, string>; wait?: readonly Want[] | null } = {},
  ): Promise<Msg | undefined> {
    const payload: MsgPlainInit = {
      userOp: { operation, ...(options.user ? { user: options.user } : {}), params: options.params ?? {} },
    };
    const wait = options.wait === undefined ? (['userOpRet', 'errorMsg'] as const) : options.wait;
    if (wait === null) {
      await this.send(payload);
      return undefined;
    }
    return this.request(payload, wait);
  }

  /** A FriendOp on `uid` (none when '0' and no nick); waits for its reply unless `wait` is null. */
  async friend(
    operation: UserOperationType,
    options: {
      uid?: string;
      sendId?: number;
      nick?: string;
      params?: Record<string, string>;
      wait?: readonly Want[] | null;
    } = {},
  ): Promise<Msg | undefined> {
    const uid = options.uid ?? '0';
    const user: UserInfoInit | undefined =
      uid !== '0' || options.nick !== undefined
        ? { userId: uid, ...(options.nick === undefined ? {} : { nickName: options.nick }) }
        : undefined;
    const payload: MsgPlainInit = {
      friendOp: {
        operation,
        sendId: options.sendId ?? 0,
        ...(user ? { user } : {}),
        params: options.params ?? {},
      },
    };
    const wait = options.wait === undefined ? (['friendOpRet', 'errorMsg'] as const) : options.wait;
    if (wait === null) {
      await this.send(payload);
      return undefined;
    }
    return this.request(payload, wait);
  }

  /** A GroupOp; waits for its reply unless `wait` is null. */
  async group(
    operation: GroupOperationType,
    options: {
      gid?: string;
      sendId?: number;
      members?: readonly string[];
      name?: string;
      groupParams?: Record<string, string>;
      tags?: readonly string[];
      groupType?: string;
      params?: Record<string, string>;
      wait?: readonly Want[] | null;
    } = {},
  ): Promise<Msg | undefined> {
    const gid = options.gid ?? '0';
    const hasGroup =
      gid !== '0' ||
      options.name !== undefined ||
      options.groupParams !== undefined ||
      (options.tags?.length ?? 0) > 0 ||
      (options.groupType ?? '') !== '';
    const payload: MsgPlainInit = {
      groupOp: {
        operation,
        sendId: options.sendId ?? 0,
        ...(hasGroup
          ? {
              group: {
                groupId: gid,
                ...(options.name === undefined ? {} : { groupName: options.name }),
                ...(options.groupType ? { groupType: options.groupType } : {}),
                tags: [...(options.tags ?? [])],
                params: options.groupParams ?? {},
              },
            }
          : {}),
        members: (options.members ?? []).map((userId) => ({ userId, groupId: gid })),
        params: options.params ?? {},
      },
    };
    const wait = options.wait === undefined ? (['groupOpRet', 'errorMsg'] as const) : options.wait;
    if (wait === null) {
      await this.send(payload);
      return undefined;
    }
    return this.request(payload, wait);
  }

  /** Creates a group and names it for the transcript; returns its id ('0' when refused). */
  async createGroup(
    name: string,
    options: Omit<Parameters<Connection['group']>[1] & object, 'name' | 'gid'> & { asName?: string } = {},
  ): Promise<string> {
    const { asName, ...rest } = options;
    const reply = await this.group(GroupOperationType.GroupCreate, { sendId: 1, ...rest, name });
    const gid = reply?.plainMsg?.groupOpRet?.group?.groupId ?? '0';
    if (gid !== '0') this.#host.name('G', gid, asName ?? name);
    return gid;
  }

  /** A chat message (msgId = sendId unless given); waits for the chat reply unless `wait` is null. */
  async chat(
    to: string,
    text: string | Uint8Array,
    sendId: number,
    options: {
      chatType?: ChatType;
      msgType?: ChatMsgType;
      ref?: string;
      fromId?: string;
      msgId?: string | number;
      wait?: readonly Want[] | null;
    } = {},
  ): Promise<Msg | undefined> {
    const chat: MsgChatInit = {
      msgId: options.msgId ?? sendId,
      sendId,
      fromId: options.fromId ?? this.uid,
      toId: to,
      chatType: options.chatType ?? ChatType.ChatTypeP2P,
      msgType: options.msgType ?? ChatMsgType.TEXT,
      data: typeof text === 'string' ? new TextEncoder().encode(text) : text,
      refMessageId: options.ref ?? 0,
      tm: this.#host.clock.now(),
      devId: 'conformance',
    };
    const wait = options.wait === undefined ? (['chatReply'] as const) : options.wait;
    if (wait === null) {
      await this.send({ chatData: chat });
      return undefined;
    }
    return this.request({ chatData: chat }, wait);
  }

  /** A receipt for a message from `sender` (params.gid is never empty: an empty map crashes the server). */
  async receipt(
    msgId: string,
    sendId: string,
    sender: string,
    options: { recv?: boolean; read?: boolean; batch?: string; gid?: string } = {},
  ): Promise<Msg> {
    const now = this.#host.clock.now();
    const params: Record<string, string> = { gid: options.gid ?? '0' };
    if (options.batch !== undefined) params.batch = options.batch;
    return this.send({
      chatReply: {
        msgId,
        sendId,
        userId: sender,
        fromId: this.uid,
        recvOk: (options.recv ?? true) ? now : 0,
        readOk: options.read ? now : 0,
        params,
      },
    });
  }

  /** A history query; waits for its result or error. */
  async query(
    queryType: QueryDataType,
    chatType: ChatType,
    synType: SynType,
    options: { userId?: string; groupId?: string; little?: string; big?: string } = {},
  ): Promise<Msg | undefined> {
    return this.request(
      {
        commonQuery: {
          queryType,
          chatType,
          synType,
          userId: options.userId ?? 0,
          groupId: options.groupId ?? 0,
          littleId: options.little ?? 0,
          bigId: options.big ?? 0,
          tm: this.#host.clock.now(),
        },
      },
      ['commonQueryRet', 'errorMsg'],
    );
  }
}

/** A frame as a Msg (undefined for text frames and timeouts). */
export function asMsg(frame: Msg | string | undefined): Msg | undefined {
  return typeof frame === 'string' ? undefined : frame;
}
