import { isBirdTalkError } from '@birdtalk/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFilesApi } from '../../src/files/api.js';
import { createUsersApi } from '../../src/users.js';
import { type Harness, harness, PASSWORD, until } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.finish();
});

describe('users against the reference server', () => {
  it('changes profile fields and custom attributes', async () => {
    const ada = await h.user('ada');
    const { ctx } = await h.connect(ada);
    const users = createUsersApi(ctx);
    const profile = await users.update({
      nickName: 'Ada L.',
      age: 36,
      gender: 'f',
      region: 'London',
      intro: 'first programmer',
      icon: 'none',
      params: { color: 'teal' },
    });
    expect(profile).toMatchObject({
      userId: ada,
      nickName: 'Ada L.',
      age: 36,
      gender: 'f',
      region: 'London',
      intro: 'first programmer',
      icon: 'none',
    });
    // The server's memory strips characters of "params." from the front: "color" stays "color".
    expect(profile.params.color).toBe('teal');
    expect(h.server.getUser(ada)).toMatchObject({ nickName: 'Ada L.', age: 36, params: { color: 'teal' } });
    await users.update({ userName: 'ada2' });
    expect(h.server.getUser(ada)?.userName).toBe('ada2');
  });

  it('changes the password: the next login needs the new one', async () => {
    const ada = await h.user('ada');
    const { ctx } = await h.connect(ada);
    await createUsersApi(ctx).setPassword('a-new-password');
    expect(h.server.getUser(ada)?.params.pwd).toBe('a-new-password');
    const again = await h.connect(ada, { password: 'a-new-password' });
    expect(again.session.user?.userId).toBe(ada);
  });

  it('refuses an e-mail change by default: the stock server mails the code and its mail worker kills it', async () => {
    const ada = await h.user('ada', { email: 'ada@old.example' });
    const { ctx, session } = await h.connect(ada);
    const error = await createUsersApi(ctx)
      .changeEmail('ada@new.example', '12345')
      .catch((e: unknown) => e);
    expect(isBirdTalkError(error, 'REFUSED_EMAIL_CHANGE')).toBe(true);
    expect(session.state).toBe('ready');
    expect(h.server.getUser(ada)?.email).toBe('ada@old.example');
    expect(h.server.hazards()).toEqual([]);
  });

  it('changes the e-mail address with the mailed code; the session logs in again by itself', async () => {
    // A server whose mail works, and a client told so.
    await h.finish();
    h = await harness({ mailWorks: true });
    const ada = await h.user('ada', { email: 'ada@old.example' });
    const { ctx, record } = await h.connect(ada, {
      policy: { allowServerCrashingRequests: true },
      sessionAllowsServerCrashingRequests: true,
    });
    const ready = record('ready');
    const asked: number[] = [];
    const profile = await createUsersApi(ctx).changeEmail('ada@new.example', async ({ attempt }) => {
      asked.push(attempt);
      return attempt === 1 ? '99999' : '12345';
    });
    expect(asked).toEqual([1, 2]);
    expect(profile.email).toBe('ada@new.example');
    expect(h.server.getUser(ada)?.email).toBe('ada@new.example');
    await until(() => ready.length === 1, 'the login after the change');
    expect(ready[0]?.user.userId).toBe(ada);
    // Requests work again on the new connection.
    expect((await createUsersApi(ctx).update({ intro: 'back' })).intro).toBe('back');
  });

  it('refuses a phone change with nothing sent', async () => {
    const ada = await h.user('ada');
    const { ctx, session } = await h.connect(ada);
    const error = await createUsersApi(ctx)
      .changePhone('+441234')
      .catch((e: unknown) => e);
    expect(isBirdTalkError(error, 'REFUSED_PHONE_CHANGE')).toBe(true);
    expect(session.state).toBe('ready');
    expect(await createUsersApi(ctx).update({ intro: 'still logged in' })).toMatchObject({
      intro: 'still logged in',
    });
  });

  it('sets an avatar from bytes: upload, then the icon', async () => {
    const ada = await h.user('ada');
    const { ctx } = await h.connect(ada);
    const image = new Uint8Array(5000).map((_, i) => i % 251);
    const { profile, upload } = await createUsersApi(ctx, createFilesApi(ctx)).setAvatar(image, {
      name: 'me.png',
    });
    expect(upload.storedName).toMatch(/^\d{8}_[0-9a-z]+\.png$/);
    expect(profile.icon).toBe(upload.storedName);
    expect(h.server.getUser(ada)?.icon).toBe(upload.storedName);
    const stored = h.server.listFiles().find((file) => file.storedName === upload.storedName);
    expect([stored?.fileSize, stored?.content?.byteLength]).toEqual(['5000', 5000]);
  });

  it('finds users by id, name, e-mail and phone', async () => {
    const ada = await h.user('ada');
    const bob = await h.user('bob', { email: 'bob@example.com', phone: '5550100' });
    const users = createUsersApi((await h.connect(ada)).ctx);
    expect((await users.find({ name: 'bob' })).map((u) => u.userId)).toEqual([bob]);
    expect((await users.find({ email: 'bob@example.com' }))[0]).toMatchObject({
      userId: bob,
      email: 'bob@example.com',
    });
    expect((await users.find({ phone: '5550100' }))[0]).toMatchObject({ userId: bob, phone: '5550100' });
    expect(await users.get(bob)).toMatchObject({ userId: bob, userName: 'bob' });
    expect(await users.find({ name: 'nobody' })).toEqual([]);
    expect(await users.get('99999')).toBeUndefined();
    expect(users.me().userId).toBe(ada);
    expect(JSON.stringify(await users.find({ name: 'bob' }))).not.toContain(PASSWORD);
  });
});
