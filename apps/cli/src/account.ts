import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createFileKeyStore } from '@birdtalk/crypto/file-store';
import type { UserInfo } from '@birdtalk/proto';
import type { Credentials } from '@birdtalk/session';
import { open, resolveServer, tlsOptions } from './connect.js';
import type { CommandContext } from './context.js';
import {
  accountDir,
  adoptStateDir,
  type HomeConfig,
  loadConfig,
  newDeviceId,
  pendingDir,
  saveConfig,
} from './home.js';

/** The outcome of a password login or a registration. */
export interface LoginOutcome {
  readonly user: UserInfo;
  readonly server: string;
}

/**
 * Logs in with a password (or registers), keeps the key of the key exchange in the account's state directory
 * for password-less logins, and remembers server, pin and account in the home directory. The password itself
 * is never written anywhere.
 */
export async function loginAndRemember(
  ctx: CommandContext,
  credentials: Credentials,
  options: { readonly allowServerCrashingRequests?: boolean } = {},
): Promise<LoginOutcome> {
  const config = await loadConfig(ctx.home);
  const server = resolveServer(ctx, config);
  const deviceId = config.deviceId ?? newDeviceId();
  // The account's directory is named by its user id; logins by e-mail and registrations learn it at the end.
  const knownId = credentials.method === 'id' ? String(credentials.userId) : undefined;
  const stateDir = knownId === undefined ? pendingDir(ctx.home) : accountDir(ctx.home, server, knownId);
  // A failed first login leaves nothing behind; an existing account's state is kept.
  const fresh = knownId === undefined || !(await exists(stateDir));
  let user: UserInfo;
  try {
    const connection = await open(ctx, config, {
      server,
      credentials,
      keyOnly: false,
      stateDir,
      store: 'file',
      autoReceipts: false,
      deviceId,
      ...(options.allowServerCrashingRequests === true ? { allowServerCrashingRequests: true } : {}),
    });
    user = connection.user;
    await connection.close();
    if (knownId === undefined) {
      await rekey(stateDir, server, credentials, user.userId);
      await adoptStateDir(stateDir, accountDir(ctx.home, server, user.userId));
    }
  } catch (error) {
    if (fresh) await rm(stateDir, { recursive: true, force: true });
    throw error;
  }
  const pin = tlsOptions(ctx, config, server).pinSha256;
  const next: HomeConfig = {
    server,
    ...(typeof pin === 'string' ? { pin } : {}),
    account: { userId: user.userId, userName: user.userName },
    deviceId,
  };
  await saveConfig(ctx.home, next);
  return { user, server };
}

/** Files the key of an e-mail login under the user id, where password-less logins look for it. */
async function rekey(
  stateDir: string,
  server: string,
  credentials: Credentials,
  userId: string,
): Promise<void> {
  if (credentials.method !== 'email' && credentials.method !== 'email-code') return;
  const keys = createFileKeyStore({ directory: join(stateDir, 'keys') });
  for (const account of new Set([credentials.email, credentials.email.toLowerCase()])) {
    const key = await keys.load(server, account);
    if (key === undefined) continue;
    await keys.save({ ...key, account: userId });
    await keys.remove(server, account);
    return;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
