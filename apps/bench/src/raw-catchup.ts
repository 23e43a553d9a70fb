import WebSocket from 'ws';
import type { PristineCodec } from './pristine-codec.js';

/** What a raw catch-up fetched. */
export interface RawCatchUpResult {
  readonly messages: number;
  readonly pages: number;
}

// Wire numbers from the schema (proto/msg.proto, proto/user.proto).
const MSG_T_HELLO = 1;
const MSG_T_QUERY = 13;
const MSG_T_USER_OP = 31;
const USER_OP_LOGIN = 7;
const PAGE_SIZE = 100;

interface DecodedMsg {
  readonly plainMsg?: {
    readonly hello?: object | null;
    readonly errorMsg?: { readonly code?: number; readonly detail?: string } | null;
    readonly userOpRet?: { readonly status?: string } | null;
    readonly commonQueryRet?: {
      readonly chatDataList?: readonly unknown[];
      readonly bigId?: { add(n: number): { toString(): string } } | null;
    } | null;
  };
}

/**
 * The least a client can do to fetch a backlog: plain `ws` and plain protobufjs, a Hello, a password login, then
 * forward P2P page queries from the first id until a short page, each page decoded. No key exchange, no
 * validation, no deduplication, no receipts, no state: the floor our client's catch-up is measured against.
 */
export async function rawCatchUp(
  url: string,
  codec: PristineCodec,
  userId: string,
  password: string,
): Promise<RawCatchUpResult> {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  const frames: DecodedMsg[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) return;
    frames.push(codec.decode(data) as DecodedMsg);
    wake?.();
  });
  socket.once('close', () => {
    failure ??= new Error('the server closed the connection');
    wake?.();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const send = (msgType: number, plainMsg: object): void => {
    socket.send(codec.encode({ version: 1, tm: Date.now(), msgType, plainMsg }).finish());
  };
  /** The next frame whose payload satisfies `pick`; server errors end the run. */
  const next = async <T>(pick: (frame: DecodedMsg) => T | null | undefined): Promise<T> => {
    for (;;) {
      const frame = frames.shift();
      if (frame !== undefined) {
        const error = frame.plainMsg?.errorMsg;
        // Plain protobufjs leaves unset message fields null.
        if (error != null) throw new Error(`server error ${error.code}: ${error.detail}`);
        const picked = pick(frame);
        if (picked != null) return picked;
        continue;
      }
      if (failure !== undefined) throw failure;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  };
  try {
    send(MSG_T_HELLO, {
      hello: { clientId: 'raw-catchup', version: '1', platform: 'bench', stage: 'clienthello' },
    });
    await next((frame) => frame.plainMsg?.hello);
    send(MSG_T_USER_OP, {
      userOp: {
        operation: USER_OP_LOGIN,
        user: { userId, params: { pwd: password } },
        params: { loginmode: 'id' },
      },
    });
    await next((frame) => (frame.plainMsg?.userOpRet?.status === 'loginok' ? true : undefined));
    let littleId = '1';
    let messages = 0;
    let pages = 0;
    for (;;) {
      send(MSG_T_QUERY, {
        commonQuery: { userId: '0', littleId, queryType: 0, chatType: 1, synType: 0 },
      });
      const page = await next((frame) => frame.plainMsg?.commonQueryRet);
      pages += 1;
      const count = page.chatDataList?.length ?? 0;
      messages += count;
      if (count < PAGE_SIZE || page.bigId == null) break;
      littleId = page.bigId.add(1).toString();
    }
    return { messages, pages };
  } finally {
    socket.close();
  }
}
