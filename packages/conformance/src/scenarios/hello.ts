import type { Scenario } from './scenario.js';

/** Hello, heartbeat labelling and text frames. */
export const helloScenarios: readonly Scenario[] = [
  {
    name: 'hello_waitlogin',
    description: 'Hello with keyPrint 0 is answered by Hello stage "waitlogin".',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.hello();
    },
  },
  {
    name: 'hello_version_error',
    description: 'Msg.version 2 on a Hello is error 1 "version is too high"; version 1 then works.',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.hello({ version: 2 });
      await ctx.settle();
      await a.hello();
    },
  },
  {
    name: 'hello_envelope_keyprint',
    description: 'A non-zero Msg.keyPrint on any message is error 14 and the message is dropped.',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.hello({ envelopeKeyPrint: 42 });
      await ctx.settle();
      await a.hello();
    },
  },
  {
    name: 'heartbeat_label',
    description: 'The heartbeat reply carries heartBeat under msgType MsgTHello, before and after login.',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.hello();
      await ctx.settle();
      await a.send({ heartBeat: { tm: ctx.nowMs() } });
      await ctx.settle();
      await a.register('hb_alice', 'pw-hb-alice');
      await ctx.settle();
      await a.send({ heartBeat: { tm: ctx.nowMs(), userId: a.uid } });
    },
  },
  {
    name: 'text_echo',
    description: 'A text frame is echoed as the text "recv msg:<text>".',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.sendText('ping?');
      await ctx.settle();
      await a.hello();
      await ctx.settle();
      await a.sendText('second text');
    },
  },
];
