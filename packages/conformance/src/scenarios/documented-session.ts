import { UserOperationType } from '@birdtalk/proto';
import { fastRelogin } from './fast-relogin.js';
import type { Scenario } from './scenario.js';

/**
 * Hello, key exchange, login and account rows of the reference's §16 that the 27 real-server scenarios do not
 * cover. Their expected transcripts were written from the reference and recorded from the reference server.
 */
export const documentedSessionScenarios: readonly Scenario[] = [
  {
    name: 'client_error_ignored',
    description: 'A client MsgTError is logged and not answered; the connection keeps working.',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.send({ errorMsg: { code: 3, detail: 'client side trouble' } });
      await ctx.settle();
      await a.hello();
    },
  },
  {
    name: 'other_type_ignored',
    description: 'MsgTOther (otherTypeMsg) is ignored: no reply.',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.hello();
      await ctx.settle();
      await a.send({ otherTypeMsg: new TextEncoder().encode('plugin data') });
    },
  },
  {
    name: 'kex_chacha20',
    description: 'Hello and chacha20 stages 1–4 (stage 2 verified by the runner) end in "needlogin".',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.handshake('chacha20');
    },
  },
  {
    name: 'kex_stage3_wrong_print',
    description:
      'Stage 3 with a keyPrint other than the shared one is error 13 "check print error: key print not same".',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.hello();
      await a.keyExchange('AES-CTR', 1n);
    },
  },
  {
    name: 'fast_relogin_needlogin',
    description: 'A Hello with the print of a key exchange that never logged in is Hello stage "needlogin".',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.handshake();
      await fastRelogin(ctx, a, 'B');
    },
  },
  {
    name: 'fast_relogin_wrong_token',
    description:
      'A Hello whose check token encrypts another time is error 13 "check data error: <token>" and no Hello reply.',
    async run(ctx) {
      const a = await ctx.user('A', 'frw_alice', 'pw-frw-alice', { handshake: true });
      const b = await fastRelogin(ctx, a, 'B', { tokenSkewMs: -1 });
      await ctx.settle();
      await b.hello();
    },
  },
  {
    name: 'login_unknown_id',
    description:
      'Login by an id nobody has is error 14 "can\'t find user by id" with {field: userid, value}.',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.hello();
      ctx.secret('pw-lui-nobody');
      await a.login('987650', 'pw-lui-nobody');
    },
  },
  {
    name: 'user_unregister',
    description:
      'UnregisterUser is UserOpRet "unregok", then the text frame "unregok", then the socket closes.',
    async run(ctx) {
      const a = await ctx.user('A', 'unr_alice', 'pw-unr-alice');
      await ctx.settle();
      await a.userOp(UserOperationType.UnregisterUser, { user: { userId: a.uid }, wait: null });
    },
  },
  {
    name: 'user_disable_not_admin',
    description: 'DisableUser and RecoverUser from a user id ≥ 100 are error 16 "permission error".',
    async run(ctx) {
      const a = await ctx.user('A', 'dna_alice', 'pw-dna-alice');
      const b = await ctx.user('B', 'dna_bob', 'pw-dna-bob');
      await ctx.settle();
      await a.userOp(UserOperationType.DisableUser, { user: { userId: b.uid } });
      await ctx.settle();
      await a.userOp(UserOperationType.RecoverUser, { user: { userId: b.uid } });
    },
  },
];
