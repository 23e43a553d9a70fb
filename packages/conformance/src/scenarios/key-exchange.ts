import { fastRelogin } from './fast-relogin.js';
import type { Scenario } from './scenario.js';

/** Key exchange and fast re-login. */
export const keyExchangeScenarios: readonly Scenario[] = [
  {
    name: 'kex_aes_ctr',
    description: 'Hello and AES-CTR stages 1–4 (stage 2 verified by the runner) end in "needlogin".',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.handshake('AES-CTR');
    },
  },
  {
    name: 'kex_unknown_enctype',
    description: 'Stage 1 with an unknown encType is error 9 "create key pair error: …".',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.hello();
      await ctx.settle();
      const key = await ctx.crypto.newKey();
      await a.send({
        keyEx: { stage: 1, pubKey: new TextEncoder().encode(key.publicKeyPem), encType: 'rot13' },
      });
    },
  },
  {
    name: 'kex_short_pubkey',
    description: 'Stage 1 with a pubKey shorter than 65 bytes is error 11 with an empty detail.',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.hello();
      await ctx.settle();
      await a.send({
        keyEx: {
          stage: 1,
          pubKey: new TextEncoder().encode('-----BEGIN PUBLIC KEY-----'),
          encType: 'AES-CTR',
        },
      });
    },
  },
  {
    name: 'fast_relogin_ok',
    description: 'After a key exchange and registration, a Hello with keyPrint and check token logs in.',
    async run(ctx) {
      const a = await ctx.user('A', 'frl_alice', 'pw-frl-alice', { handshake: true });
      await fastRelogin(ctx, a, 'B');
    },
  },
  {
    name: 'fast_relogin_unknown_print',
    description: 'A Hello with a keyPrint the server never issued is error 2 "key print is not exist".',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.handshake();
      await fastRelogin(ctx, a, 'B', {
        closeFirst: false,
        keyPrint: (issued) => (BigInt(issued) ^ 0x5a5a5an).toString(),
      });
    },
  },
];
