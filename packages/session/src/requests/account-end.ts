import { UserOperationType, type UserOpResult } from '@birdtalk/proto';
import type { CloseReason } from '../types.js';
import { type RequestCore, type RequestOptions, request } from './core.js';

/** What ending the account's session needs beyond the request core. */
export interface AccountEndCore extends RequestCore {
  /** Marks the end the session is heading for, so the server hanging up closes it with that reason. */
  setEnding(ending: 'logged-out' | 'unregistered' | undefined): void;
  /** Forgets the stored key of this account. */
  forgetKey(): Promise<void>;
  /** Closes the session for good with `reason`. */
  shutdown(reason: CloseReason): void;
}

/** Logs out; the server hangs up and the session closes with reason `logged-out`. */
export async function logout(core: AccountEndCore, options: RequestOptions = {}): Promise<void> {
  core.setEnding('logged-out');
  try {
    await request<void>(
      core,
      { kind: 'user-op', request: { operation: UserOperationType.Logout } },
      { label: 'logout', whenSilent: 'resolve', whenConnectionLost: 'resolve' },
      options,
    );
  } catch (error) {
    core.setEnding(undefined);
    throw error;
  }
  // The server answers by hanging up; should it not, the session ends here anyway.
  core.shutdown('logged-out');
}

/** Deletes the account; the stored key is forgotten and the session closes with reason `unregistered`. */
export async function unregister(core: AccountEndCore, options: RequestOptions = {}): Promise<void> {
  await request<UserOpResult>(
    core,
    { kind: 'user-op', request: { operation: UserOperationType.UnregisterUser } },
    {
      label: 'unregister',
      match: (inbound) => {
        if (
          inbound.kind !== 'user-op-result' ||
          inbound.result.operation !== UserOperationType.UnregisterUser
        ) {
          return undefined;
        }
        if (inbound.result.status === 'unregok') core.setEnding('unregistered');
        return { value: inbound.result };
      },
      whenSilent: 'reject',
    },
    options,
  );
  // A deleted account can still log in with an old token: never use this key again.
  await core.forgetKey();
  core.shutdown('unregistered');
}
