// The web app in headless Chromium, against the reference server and the echo bot (what `pnpm web` runs): log
// in with the keyboard, ask the bot /ping, send an image, see receipts, take a screenshot, reload and find the
// history again.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { p2p } from '@birdtalk/client';
import { createNodeClient } from '@birdtalk/client/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appConfig } from '../dev/app-config.js';
import { chromiumForTests, launchChromium } from '../dev/chromium.js';
import { type DevWorld, startDevWorld } from '../dev/dev-world.js';
import { buildAndServe, type ServedPage } from '../dev/serve.js';

const executablePath = chromiumForTests();
/** Where the suite leaves its screenshots (not committed; the README's copy is taken from here). */
const ARTIFACTS = fileURLToPath(new URL('../test-results/', import.meta.url));

describe.skipIf(executablePath === undefined)('the web app in Chromium', () => {
  let world: DevWorld;
  let served: ServedPage;
  let browser: Browser;
  let page: Page;
  let outDir: string;

  beforeAll(async () => {
    world = await startDevWorld({ password: 'web-test-password' });
    outDir = await mkdtemp(join(tmpdir(), 'birdtalk-web-app-'));
    const { root, ...config } = appConfig();
    served = await buildAndServe({ root: root!, outDir, server: world.server.url, config });
    browser = await launchChromium(executablePath!);
    page = await browser.newPage({ viewport: { width: 1000, height: 640 } });
    await page.goto(served.url);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await world?.close();
    if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
  });

  const messages = (): ReturnType<Page['getByRole']> => page.getByRole('log');

  it('logs in with the keyboard alone, through labelled fields in a sensible order', async () => {
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('account');
    await page.keyboard.type(world.user.userId);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type(world.user.password);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 })
      .toBe('connected');
    for (const label of ['Message', 'Follow a user by id', 'New group', 'Join a group by id']) {
      expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
    }
  });

  it('asks the echo bot /ping with Enter and shows its pong, and the receipt of what was sent', async () => {
    await page.getByRole('button', { name: /Echo bot/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('message');
    await page.keyboard.type('/ping');
    await page.keyboard.press('Enter');
    await messages().getByText('pong', { exact: true }).waitFor({ timeout: 15_000 });
    const mine = messages().locator('li.own', { hasText: '/ping' });
    await mine.getByLabel(/delivered|read/).waitFor({ timeout: 15_000 });
    // The page tells the bot it read the pong, which is on screen.
    await expect
      .poll(
        () =>
          // The server stamps the sender's copy of the message.
          world.server
            .getMessages(world.botId)
            .some((stored) => stored.fromId === world.botId && stored.readTm > 0),
        { timeout: 15_000 },
      )
      .toBe(true);
  });

  it('sends an image, which both sides can download', async () => {
    const png = Buffer.from(
      await page.evaluate(async () => {
        const canvas = new OffscreenCanvas(160, 90);
        const context = canvas.getContext('2d')!;
        const gradient = context.createLinearGradient(0, 0, 160, 90);
        gradient.addColorStop(0, '#2a6df4');
        gradient.addColorStop(1, '#8f5cf7');
        context.fillStyle = gradient;
        context.fillRect(0, 0, 160, 90);
        context.fillStyle = '#fff';
        context.font = 'bold 22px sans-serif';
        context.fillText('BirdTalk', 30, 52);
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        return [...new Uint8Array(await blob.arrayBuffer())];
      }),
    );
    await page.setInputFiles('#attach', { name: 'banner.png', mimeType: 'image/png', buffer: png });
    const image = messages().getByRole('img', { name: 'banner.png' });
    await image.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth), {
        timeout: 15_000,
      })
      .toBe(160);
    expect(world.server.listFiles().some((file) => file.storedName.endsWith('.png'))).toBe(true);
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(join(ARTIFACTS, 'chat.png'), await page.screenshot());
  });

  it('uploads a file dropped on the chat, with a progress bar', async () => {
    await page.evaluate(() => {
      const seen: string[] = [];
      const bar = document.querySelector('progress.upload')!;
      new MutationObserver(() =>
        seen.push(bar.hasAttribute('hidden') ? 'hidden' : `shown ${(bar as HTMLProgressElement).value}`),
      ).observe(bar, {
        attributes: true,
      });
      Object.assign(window, { progressSeen: seen });
    });
    const drop = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      const bytes = new Uint8Array(2_500_000).map((_, i) => i % 253);
      transfer.items.add(new File([bytes], 'notes.bin', { type: 'application/octet-stream' }));
      return transfer;
    });
    await page.dispatchEvent('section.chat', 'drop', { dataTransfer: drop });
    await messages().getByRole('link', { name: 'Download notes.bin (2.4 MiB)' }).waitFor({ timeout: 20_000 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen[0]).toMatch(/^shown/);
    expect(seen.some((entry) => /^shown 0\.[1-9]/.test(entry))).toBe(true);
    expect(seen.at(-1)).toBe('hidden');
  });

  it('follows and unfollows a user, creates a group, joins another and writes in it', async () => {
    const carol = await world.server.createUser({
      userName: 'carol',
      nickName: 'Carol',
      password: 'carol-pw',
    });
    await page.getByLabel('Follow a user by id').fill(carol);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Carol/ }).waitFor({ timeout: 15_000 });
    expect(world.server.getUser(carol)?.fans).toBe('1');
    await page.getByRole('button', { name: 'Unfollow' }).click();
    await page.getByRole('alert').filter({ hasText: 'You no longer follow' }).waitFor({ timeout: 15_000 });
    expect(world.server.getUser(carol)?.fans).toBe('0');

    await page.getByLabel('New group').fill('Bot lab');
    await page.keyboard.press('Enter');
    await page
      .getByRole('list', { name: 'Groups' })
      .getByRole('button', { name: /Bot lab/ })
      .waitFor();
    const open = await world.server.createGroup({ owner: carol, groupName: 'Open house' });
    await page.getByLabel('Join a group by id').fill(open);
    await page.keyboard.press('Enter');
    await page
      .getByRole('list', { name: 'Groups' })
      .getByRole('button', { name: /Open house/ })
      .waitFor();
    expect(await page.locator('#chat-title').textContent()).toBe(`Open house (group ${open})`);
    await page.getByRole('textbox', { name: 'Message' }).fill('hello, group');
    await page.keyboard.press('Enter');
    await messages()
      .locator('li.own', { hasText: 'hello, group' })
      .getByLabel('sent')
      .waitFor({ timeout: 15_000 });
    expect(world.server.getGroupMessages(open).map((stored) => stored.fromId)).toEqual([world.user.userId]);
  });

  it('shows the connection state while the server drops the connection, and sends once it is back', async () => {
    await page.getByRole('button', { name: /Echo bot/ }).click();
    world.server.faults.set({ dropProbability: 1 });
    await page.keyboard.type('are you there?');
    await page.keyboard.press('Enter');
    const status = page.getByRole('status').first();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^(re)?connecting…$/);
    world.server.faults.clear();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('connected');
    await messages().locator('li:not(.own)', { hasText: 'are you there?' }).waitFor({ timeout: 15_000 });
  });

  it('gets 40 messages from another user while it is open', async () => {
    const dave = await world.server.createUser({ userName: 'dave', nickName: 'Dave', password: 'dave-pw' });
    // Dave may write to the developer once the developer follows him.
    await world.server.follow(world.user.userId, dave);
    const client = createNodeClient({
      server: world.server.url,
      credentials: { method: 'id', userId: dave, password: 'dave-pw' },
      stateDir: join(outDir, 'dave'),
    });
    await client.start();
    try {
      for (let n = 1; n <= 40; n += 1) await client.sendText(p2p(world.user.userId), `note ${n}`);
    } finally {
      await client.stop({ drainTimeoutMs: 1_000 });
    }
    await page.getByRole('button', { name: /Dave/ }).getByLabel('40 unread').waitFor({ timeout: 15_000 });
  });

  it('shows the history again after a reload, logged in with the key this browser kept', async () => {
    await page.reload();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 })
      .toBe('connected');
    await page.getByRole('button', { name: /Echo bot/ }).click();
    await messages().getByText('pong', { exact: true }).waitFor({ timeout: 15_000 });
    await messages().getByText('/ping', { exact: true }).waitFor();
    await messages().getByRole('img', { name: 'banner.png' }).waitFor();
    // Older history comes a page at a time.
    await page.getByRole('button', { name: /Dave/ }).click();
    await messages().getByText('note 40', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await messages().getByRole('listitem').count()).toBe(30);
    await page.getByRole('button', { name: 'Load older messages' }).click();
    await messages().getByText('note 1', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await messages().getByRole('listitem').count()).toBe(40);
    expect(await page.getByRole('button', { name: 'Load older messages' }).isHidden()).toBe(true);
    const kept = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(kept).toContain('birdtalk-key:');
    expect(kept).not.toContain(world.user.password);
  });

  it('logs out, and registers a new account from the login form', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('Register a new account').check();
    await page.getByLabel('New user name').fill('newcomer');
    await page.getByLabel('Password').fill('newcomer-password');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 })
      .toBe('connected');
    const me = await page.locator('.me').textContent();
    const id = /id ([0-9]+)/.exec(me ?? '')?.[1];
    expect(world.server.getUser(id!)?.userName).toBe('newcomer');
    expect(world.server.hazards()).toEqual([]);
  });
});
