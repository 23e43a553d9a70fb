import { ComMsgType, ErrorMsgType, type Msg } from '@birdtalk/proto';
import type { ServerContext } from '../context.js';
import { decryptProof, encryptProof, md5 } from '../crypto/ciphers.js';
import { generateServerKeyPair, parsePeerPublicKey } from '../crypto/ecdh.js';
import { HazardSignal } from '../hazards.js';
import { big } from '../ids.js';
import { type KeyExchangeState, type Session, SessionStatus } from '../session.js';
import { envelope, send, sendError } from '../wire.js';

/** The algorithms stage 1 accepts (case-insensitively); twofish128 is accepted but can never finish. */
const ALGORITHMS = ['chacha20', 'twofish128', 'aes-ctr'];

/** KeyExchange (4): stages 1 and 3 from the client, 2 and 4 from the server. */
export function handleKeyExchange(ctx: ServerContext, session: Session, msg: Msg): void {
  if (msg.version !== 1) {
    sendError(ctx, session, ErrorMsgType.ErrTVersion, 'version is too high');
    return;
  }
  const ex = msg.plainMsg?.keyEx;
  if (ex === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'key exchange part is null');
    return;
  }
  if (ex.stage === 1) stage1(ctx, session, ex.encType, big(ex.rsaPrint), ex.pubKey);
  else if (ex.stage === 3) stage3(ctx, session, big(ex.keyPrint), ex.tempKey, msg.tm);
  else sendError(ctx, session, ErrorMsgType.ErrTServerInside, '');
}

function stage1(
  ctx: ServerContext,
  session: Session,
  requested: string,
  rsaPrint: bigint,
  pubKey: Uint8Array,
): void {
  const encType = requested === '' ? 'AES-CTR' : requested;
  if (!ALGORITHMS.includes(encType.toLowerCase())) {
    sendError(
      ctx,
      session,
      ErrorMsgType.ErrTServerInside,
      'create key pair error: encrypt algorithm is unknown',
    );
    return;
  }
  const pair = generateServerKeyPair(ctx.random);
  // The exchange object replaces the old one before the public key is even looked at.
  const state: KeyExchangeState = { encType, sharedKey: undefined, keyHash: undefined, keyPrint: 0n };
  session.keyEx = state;
  if (rsaPrint !== 0n) {
    sendError(ctx, session, ErrorMsgType.ErrTRsaPrint, '');
    return;
  }
  if (pubKey.length < 65) {
    sendError(ctx, session, ErrorMsgType.ErrTPublicKey, '');
    return;
  }
  const peer = parsePeerPublicKey(pubKey);
  if (peer.kind === 'other-curve')
    throw new HazardSignal('non-p256-public-key', `public key on ${peer.curve}`);
  if (peer.kind === 'error') {
    sendError(ctx, session, ErrorMsgType.ErrTPublicKey, `calculate share key error: ${peer.error}`);
    return;
  }
  const secret = pair.sharedSecret(peer.point);
  // The server takes big.Int.Bytes() of X, which drops leading zero bytes, and then refuses the short key.
  if (secret[0] === 0) {
    sendError(
      ctx,
      session,
      ErrorMsgType.ErrTPublicKey,
      'calculate share key error: share key less than 32 bytes',
    );
    return;
  }
  state.sharedKey = secret;
  state.keyHash = encType.toLowerCase() === 'twofish128' ? md5(secret) : secret;
  state.keyPrint = Buffer.from(state.keyHash).readBigInt64LE(0);
  const tm = ctx.clock.now();
  const proof = encryptProof(encType, state.keyHash, Buffer.from(String(tm), 'latin1'), ctx.random);
  // twofish128 fails here without any reply, as on the real server.
  if (proof.ok) {
    send(
      ctx,
      session,
      envelope(
        ctx,
        ComMsgType.MsgTKeyExchange,
        {
          keyEx: {
            keyPrint: state.keyPrint,
            rsaPrint: 0,
            stage: 2,
            tempKey: proof.bytes,
            pubKey: Buffer.from(pair.publicKeyPem, 'latin1'),
            encType,
            status: 'ready',
            detail: 'reply public key and key print',
          },
        },
        tm,
      ),
    );
  }
  session.setStatus(SessionStatus.Exchange);
}

function stage3(
  ctx: ServerContext,
  session: Session,
  keyPrint: bigint,
  tempKey: Uint8Array,
  tm: string,
): void {
  const state = session.keyEx;
  if (state === undefined) throw new HazardSignal('stage3-without-stage1');
  const plain = decryptProof(state.encType, state.keyHash ?? new Uint8Array(0), tempKey);
  // The real server reports a decryption failure and carries on with an empty plaintext.
  if (!plain.ok) sendError(ctx, session, ErrorMsgType.ErrTCheckData, `check data error: ${plain.error}`);
  const text = plain.ok ? Buffer.from(plain.bytes).toString('latin1') : '';
  if (keyPrint !== state.keyPrint) {
    sendError(ctx, session, ErrorMsgType.ErrTCheckData, 'check print error: key print not same');
    return;
  }
  if (text !== tm) {
    sendError(ctx, session, ErrorMsgType.ErrTCheckData, 'check data error:  data not same');
    return;
  }
  ctx.store.tokens.save(state.keyPrint, {
    key: state.sharedKey ?? new Uint8Array(0),
    keyHash: state.keyHash ?? new Uint8Array(0),
    uid: 0n,
    enc: state.encType,
  });
  send(
    ctx,
    session,
    envelope(ctx, ComMsgType.MsgTKeyExchange, {
      keyEx: {
        keyPrint: state.keyPrint,
        rsaPrint: 0,
        stage: 4,
        encType: state.encType,
        status: 'needlogin',
        detail: 'check data ok, key print ok',
      },
    }),
  );
  session.setStatus(SessionStatus.WaitLogin);
}
