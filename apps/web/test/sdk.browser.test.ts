// The SDK in a real browser: the published browser entry points, built (dist, not source) and bundled by Vite
// into a page that headless Chromium runs against the reference server. The page registers, exchanges keys
// with WebCrypto, talks to a Node peer in private and in a group, uploads and downloads a file, survives the
// server dropping its connection, and after a reload logs in again with the key it kept in localStorage.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@birdtalk/client';
import { type ChatMessage, group, p2p } from '@birdtalk/client';
import type { createBrowserClient } from '@birdtalk/client/browser';
import { createNodeClient } from '@birdtalk/client/node';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumForTests, launchChromium } from '../dev/chromium.js';
import { buildAndServe, type ServedPage } from '../dev/serve.js';

const executablePath = chromiumForTests();
const root = fileURLToPath(new URL('./sdk-page/', import.meta.url));
const PASSWORD = 'browser-secret';

/** What the page puts on `window` (see sdk-page/main.ts), as the steps below see it. */
interface PageWindow {
  readonly sdk: typeof import('@birdtalk/client') & {
    readonly createBrowserClient: typeof createBrowserClient;
    readonly webCryptoCalls: { deriveBits: number; generateKey: number };
  };
  /** What the steps keep between calls. */
  state: { client: Client; inbox: ChatMessage[]; ready: Array<{ fastLogin: boolean }> };
}

describe.skipIf(executablePath === undefined)('the SDK in Chromium', () => {
  let server: BirdTalkServer;
  let served: ServedPage;
  let browser: Browser;
  let page: Page;
  let stateDir: string;
  let bob: Client;
  let bobId: string;
  let annId: string;
  let groupId: string;
  const bobInbox: ChatMessage[] = [];

  beforeAll(async () => {
    server = await createServer({ port: 0, host: '127.0.0.1', strict: true });
    bobId = await server.createUser({ userName: 'bob', password: PASSWORD });
    stateDir = await mkdtemp(join(tmpdir(), 'birdtalk-browser-'));
    served = await buildAndServe({
      root,
      outDir: join(stateDir, 'page'),
      server: server.url,
      // No `@birdtalk/source` condition: the packages resolve to their built `dist`, as for any consumer.
      config: { build: { minify: false } },
    });
    bob = createNodeClient({
      server: server.url,
      credentials: { method: 'id', userId: bobId, password: PASSWORD },
      stateDir: join(stateDir, 'bob'),
      receiptDelayMs: 0,
    });
    bob.on('message', (message) => {
      bobInbox.push(message);
    });
    await bob.start();
    browser = await launchChromium(executablePath!);
    page = await browser.newPage();
    await page.goto(served.url);
    await page.waitForFunction(() => document.title === 'ready');
  });

  afterAll(async () => {
    await page
      ?.evaluate(async () => {
        await (window as unknown as PageWindow).state?.client.stop({ drainTimeoutMs: 1_000 });
      })
      .catch(() => undefined);
    await browser?.close();
    await bob?.stop({ drainTimeoutMs: 1_000 });
    await served?.close();
    await server?.close();
    if (stateDir !== undefined) await rm(stateDir, { recursive: true, force: true });
  });

  /** Waits, on the Node side, for Bob to have received a message with this text. */
  async function bobReceives(text: string): Promise<ChatMessage> {
    await expect
      .poll(() => bobInbox.find((message) => message.text === text), { timeout: 15_000 })
      .toBeTruthy();
    return bobInbox.find((message) => message.text === text)!;
  }

  /** Waits, in the page, for the browser client to have received a message with this text. */
  function pageReceives(text: string): Promise<unknown> {
    return page.waitForFunction(
      (wanted) => (window as unknown as PageWindow).state.inbox.some((message) => message.text === wanted),
      text,
      { timeout: 15_000 },
    );
  }

  it('bundles the built browser entry points, not the sources', () => {
    const ours = served.modules.filter((id) => id.includes('/packages/'));
    expect(ours).toContainEqual(expect.stringMatching(/packages\/client\/dist\/browser\.js$/));
    expect(ours).toContainEqual(expect.stringMatching(/packages\/session\/dist\/index\.js$/));
    expect(ours.filter((id) => id.includes('/src/'))).toEqual([]);
  });

  it('registers, with the key exchange done by WebCrypto', async () => {
    const result = await page.evaluate(
      async ({ url, password }) => {
        const w = window as unknown as PageWindow;
        const client = w.sdk.createBrowserClient({
          server: url,
          credentials: { method: 'register', userName: 'ann', password },
          receiptDelayMs: 0,
        });
        w.state = { client, inbox: [], ready: [] };
        client.on('message', (message) => {
          w.state.inbox.push(message);
        });
        client.on('ready', ({ fastLogin }) => {
          w.state.ready.push({ fastLogin });
        });
        const user = await client.start();
        return { userId: user.userId, calls: { ...w.sdk.webCryptoCalls }, keys: localStorage.length };
      },
      { url: served.url.replace(/^http/, 'ws').replace(/\/$/, '/ws'), password: PASSWORD },
    );
    annId = result.userId;
    expect(annId).toMatch(/^[0-9]+$/);
    expect(result.calls.generateKey).toBeGreaterThanOrEqual(1);
    expect(result.calls.deriveBits).toBeGreaterThanOrEqual(1);
    // The key of the exchange is kept for the next page.
    expect(result.keys).toBe(1);
  });

  it('sends and receives private messages', async () => {
    // Private chat needs the receiver to follow the sender (reference §6.3): both ways here.
    await server.follow(bobId, annId);
    await page.evaluate(async (bobId) => {
      await (window as unknown as PageWindow).state.client.friends.follow(bobId);
    }, bobId);
    await page.evaluate(async (bobId) => {
      const { sdk, state } = window as unknown as PageWindow;
      await state.client.sendText(sdk.p2p(bobId), 'hello from Chromium');
    }, bobId);
    expect((await bobReceives('hello from Chromium')).from).toBe(annId);
    await bob.sendText(p2p(annId), 'hello from Node');
    await pageReceives('hello from Node');
  });

  it('creates a group and talks in it', async () => {
    groupId = await page.evaluate(async (bobId) => {
      const { state } = window as unknown as PageWindow;
      const created = await state.client.groups.create({ name: 'browsers', members: [bobId] });
      return created.groupId;
    }, bobId);
    await page.evaluate(async (groupId) => {
      const { sdk, state } = window as unknown as PageWindow;
      await state.client.sendText(sdk.group(groupId), 'group hello from Chromium');
    }, groupId);
    expect((await bobReceives('group hello from Chromium')).chat).toEqual(group(groupId));
    await bob.sendText(group(groupId), 'group hello from Node');
    await pageReceives('group hello from Node');
  });

  it('uploads a file from a Blob and downloads it again', async () => {
    const result = await page.evaluate(async () => {
      const { state } = window as unknown as PageWindow;
      const bytes = new Uint8Array(300_000).map((_, i) => (i * 31 + 7) % 251);
      const uploaded = await state.client.files.upload(
        new Blob([bytes], { type: 'application/octet-stream' }),
        {
          name: 'pattern.bin',
        },
      );
      const back = await state.client.files.downloadBytes(uploaded.storedName);
      return {
        storedName: uploaded.storedName,
        size: uploaded.size,
        same: back.length === bytes.length && back.every((byte, i) => byte === bytes[i]),
      };
    });
    expect(result.size).toBe(300_000);
    expect(result.same).toBe(true);
    expect(server.listFiles().map((file) => file.storedName)).toContain(result.storedName);
  });

  it('reconnects after the server drops the connection, and loses no message', async () => {
    server.faults.set({ dropProbability: 1 });
    const sending = page.evaluate(async (bobId) => {
      const { sdk, state } = window as unknown as PageWindow;
      await state.client.sendText(sdk.p2p(bobId), 'sent across a dropped connection');
    }, bobId);
    await expect.poll(() => server.sessionCount(annId), { timeout: 15_000 }).toBe(0);
    server.faults.clear();
    await sending;
    await bobReceives('sent across a dropped connection');
    const ready = await page.evaluate(() => (window as unknown as PageWindow).state.ready);
    expect(ready.length).toBeGreaterThanOrEqual(2);
    expect(bobInbox.filter((message) => message.text === 'sent across a dropped connection')).toHaveLength(1);
  });

  it('logs in again after a reload without the password, from the key kept in localStorage', async () => {
    await page.evaluate(async () => {
      await (window as unknown as PageWindow).state.client.stop();
    });
    await page.reload();
    await page.waitForFunction(() => document.title === 'ready');
    const fastLogin = await page.evaluate(
      async ({ url, annId }) => {
        const w = window as unknown as PageWindow;
        // A wrong password: only the stored key can log this client in.
        const client = w.sdk.createBrowserClient({
          server: url,
          credentials: { method: 'id', userId: annId, password: 'not-the-password' },
        });
        w.state = { client, inbox: [], ready: [] };
        const ready = client.once('ready');
        await client.start();
        return (await ready).fastLogin;
      },
      { url: served.url.replace(/^http/, 'ws').replace(/\/$/, '/ws'), annId },
    );
    expect(fastLogin).toBe(true);
  });
});
