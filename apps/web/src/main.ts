// The web client's entry: resume the last session with the key kept in this browser, or show the login form.
import type { Client } from '@birdtalk/client';
import { createBrowserClient } from '@birdtalk/client/browser';
import { createWebStorageKeyStore } from '@birdtalk/crypto';
import { mountChat } from './chat-app.js';
import { h, replaceChildren } from './dom.js';
import { sameOriginServer } from './format.js';
import { type LoginRequest, loginView } from './login.js';
import './style.css';

/** Where the page remembers who was logged in last (never the password). */
const LAST_SESSION = 'birdtalk-web:last-session';

interface LastSession {
  readonly server: string;
  readonly userId: string;
}

const root = document.getElementById('app')!;

function readLast(): LastSession | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(LAST_SESSION) ?? 'null') as Partial<LastSession> | null;
    return typeof value?.server === 'string' && typeof value.userId === 'string'
      ? { server: value.server, userId: value.userId }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Starts a client; resolves once logged in and the chat screen is up. */
async function connect(request: LoginRequest): Promise<void> {
  const client: Client = createBrowserClient({
    server: request.server,
    credentials:
      request.mode === 'register'
        ? { method: 'register', userName: request.userName, password: request.password }
        : { method: 'id', userId: request.userId, password: request.password },
  });
  try {
    const user = await client.start();
    localStorage.setItem(LAST_SESSION, JSON.stringify({ server: request.server, userId: user.userId }));
  } catch (error) {
    await client.stop().catch(() => undefined);
    throw error;
  }
  mountChat(root, client, () => showLogin());
}

function showLogin(notice?: string): void {
  const last = readLast();
  replaceChildren(
    root,
    loginView(
      {
        server: last?.server ?? sameOriginServer(location),
        ...(last === undefined ? {} : { userId: last.userId }),
        ...(notice === undefined ? {} : { notice }),
      },
      connect,
    ),
  );
}

/** After a reload: log in again without the password when this browser kept the key of the last login. */
async function resume(): Promise<void> {
  const last = readLast();
  const key =
    last === undefined ? undefined : await createWebStorageKeyStore().load(last.server, last.userId);
  if (last === undefined || key === undefined) {
    showLogin();
    return;
  }
  replaceChildren(root, h('p', { class: 'resuming', role: 'status' }, `Logging in again as ${last.userId}…`));
  // No password: only the stored key can log in, and when the server forgot it the login form comes back.
  await connect({ mode: 'login', server: last.server, userId: last.userId, password: '' }).catch(() =>
    showLogin('Please log in again.'),
  );
}

void resume();
