import { UserOperationType } from '@birdtalk/proto';
import type { Scenario } from './scenario.js';

/** Registration, login, logout, user info. */
export const accountScenarios: readonly Scenario[] = [
  {
    name: 'register_anonymous',
    description: 'Anonymous registration is RegisterUser "loginok" with the new user (the password echoed).',
    async run(ctx) {
      const a = await ctx.connect('A');
      await a.hello();
      await a.register('reg_alice', 'pw-reg-alice');
      await ctx.settle();
      const b = await ctx.connect('B');
      await b.hello();
      await b.register('reg_bob', 'pw-reg-bob');
    },
  },
  {
    name: 'login_by_id_ok',
    description: 'Register, reconnect, Login by id and password is Login "loginok" (password stripped).',
    async run(ctx) {
      const a = await ctx.user('A', 'login_alice', 'pw-login-alice');
      const uid = a.uid;
      await ctx.settle();
      await a.close();
      await ctx.settle();
      const b = await ctx.connect('B');
      await b.hello();
      await b.login(uid, 'pw-login-alice');
    },
  },
  {
    name: 'login_wrong_password',
    description: 'Login by id with a wrong password is error 14 "pwd is not correct" (the password echoed).',
    async run(ctx) {
      const a = await ctx.user('A', 'lwp_alice', 'pw-lwp-alice');
      const uid = a.uid;
      await ctx.settle();
      const b = await ctx.connect('B');
      await b.hello();
      ctx.secret('pw-lwp-wrong');
      await b.login(uid, 'pw-lwp-wrong');
    },
  },
  {
    name: 'logout',
    description: 'Logout is the text frame "logout", then the server closes the socket.',
    async run(ctx) {
      const a = await ctx.user('A', 'logout_alice', 'pw-logout-alice');
      await ctx.settle();
      await a.userOp(UserOperationType.Logout, { wait: null });
    },
  },
  {
    name: 'setuserinfo_nick',
    description: 'SetUserInfo of the nickname is SetUserInfo "ok" with the updated user.',
    async run(ctx) {
      const a = await ctx.user('A', 'sui_alice', 'pw-sui-alice');
      await ctx.settle();
      await a.userOp(UserOperationType.SetUserInfo, { params: { NickName: 'Alice In Chains' } });
    },
  },
  {
    name: 'finduser_by_id',
    description: 'FindUser by id returns the filtered user; an unknown id an empty result.',
    async run(ctx) {
      const a = await ctx.user('A', 'fid_alice', 'pw-fid-alice');
      const b = await ctx.user('B', 'fid_bob', 'pw-fid-bob');
      await ctx.settle();
      await b.friend(UserOperationType.FindUser, { sendId: 3, params: { mode: 'id', value: a.uid } });
      await ctx.settle();
      await b.friend(UserOperationType.FindUser, { sendId: 4, params: { mode: 'id', value: '987654' } });
    },
  },
];
