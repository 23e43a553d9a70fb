import { isBirdTalkError, StateError } from '@birdtalk/errors';
import { type Int64Input, UserOperationType, type UserOpResult } from '@birdtalk/proto';
import type { RequestOptions } from '@birdtalk/session';
import { positiveId } from './chat-target.js';
import type { ClientContext } from './context.js';
import { FeatureErrorCode, invalidArgument, refusal, serverAnswer } from './feature-errors.js';
import { createFilesApi, type FilesApi, type UploadOptions, type UploadResult } from './files/api.js';
import type { FileSource } from './files/source.js';
import { toUserProfile, type UserProfile } from './user-profile.js';

/** Profile fields to change; absent fields stay as they are. */
export interface ProfileChanges {
  readonly userName?: string;
  readonly nickName?: string;
  /** A whole number of years (the server parses it as a 32-bit integer). */
  readonly age?: number;
  readonly gender?: string;
  /**
   * Kept in the reply, but the real server overwrites the stored region with its GeoIP guess (or "-") when it
   * knows the client's address.
   */
  readonly region?: string;
  readonly intro?: string;
  /** Usually the stored name of an uploaded image; see {@link UsersApi.setAvatar}. */
  readonly icon?: string;
  /**
   * Custom attributes, sent as `Params.<name>` like the Android client does. Names are letters, digits, `_`
   * and `-`; the server stores them lower-cased, and its in-memory copy strips leading characters of
   * "params." from the name until it reloads the user (`sex` reads `ex` in the reply).
   * `pwd` (use {@link UsersApi.setPassword}) and `status` (ignored by the server) are refused.
   */
  readonly params?: Readonly<Record<string, string>>;
}

/** Whom to look for: exactly one of id, user name (then nick name), e-mail or phone. */
export type UserQuery =
  | { readonly id: Int64Input }
  | { readonly name: string }
  | { readonly email: string }
  | { readonly phone: string };

/** What an e-mail change asks the code callback for. */
export interface EmailCodeRequest {
  /** The new address, where the server mailed the code. */
  readonly email: string;
  /** 1 for the first code, 2 after the server refused the first, and so on. */
  readonly attempt: number;
  readonly signal: AbortSignal | undefined;
}

/** Options of {@link UsersApi.changeEmail}. */
export interface ChangeEmailOptions extends RequestOptions {
  /** Codes asked for before giving up. @defaultValue 3 */
  readonly maxCodeAttempts?: number;
}

/** Profile operations of the logged-in user, and user search. */
export interface UsersApi {
  /**
   * The logged-in user's profile as the session last saw it (at login, or after a change).
   * @throws StateError `NOT_LOGGED_IN` before the first login.
   */
  me(): UserProfile;
  /**
   * Changes profile fields and custom attributes in one SetUserInfo; resolves with the
   * profile the server answered.
   * @throws InvalidArgumentError when there is nothing to change or a value is invalid.
   */
  update(changes: ProfileChanges, options?: RequestOptions): Promise<UserProfile>;
  /**
   * Changes the password (`Params.pwd`, which is what the server's login compares). The session keeps the
   * credentials it was created with: a later reconnect without a stored key needs the new password there.
   */
  setPassword(password: string, options?: RequestOptions): Promise<void>;
  /**
   * Changes the e-mail address: the server mails a code to the new address, `code` supplies it (a string, or a
   * callback asked again after a wrong code), and the change is confirmed. The server keeps the session logged
   * out from the first step on, so the session reconnects and logs in again afterwards (on its own).
   * @throws RefusedError `REFUSED_EMAIL_CHANGE`, with nothing sent, unless `policy.allowServerCrashingRequests`:
   * the stock server's mail worker dies after mailing the code, and takes the server with it.
   * @throws ProtocolError `SERVER_MSG_CONTENT` for an invalid or used address; `EMAIL_CODE_REJECTED` after
   * `maxCodeAttempts` wrong codes.
   */
  changeEmail(
    email: string,
    code: string | ((request: EmailCodeRequest) => Promise<string>),
    options?: ChangeEmailOptions,
  ): Promise<UserProfile>;
  /**
   * Always refused: the real server never generates the code a phone change needs, and keeps the session
   * logged out while it waits for it.
   * @throws RefusedError `REFUSED_PHONE_CHANGE`, without sending anything.
   */
  changePhone(phone: string): Promise<never>;
  /** Uploads an image and makes its stored name the user's icon (there is no avatar endpoint). */
  setAvatar(
    source: FileSource,
    options?: UploadOptions,
  ): Promise<{ readonly profile: UserProfile; readonly upload: UploadResult }>;
  /**
   * Looks users up (FindUser): by id, by exact user name then nick name, by e-mail or phone;
   * at most 100 results. Note the real server's id search masks the found user's e-mail and phone as `"*"` in
   * its memory from then on, even in that user's own login reply.
   */
  find(query: UserQuery, options?: RequestOptions): Promise<UserProfile[]>;
  /** The user with this id, or `undefined`. */
  get(userId: Int64Input, options?: RequestOptions): Promise<UserProfile | undefined>;
}

/** The server's SetUserInfo keys (matched case-insensitively), spelled as the Android client spells them. */
const profileKeys = {
  userName: 'UserName',
  nickName: 'NickName',
  gender: 'Gender',
  region: 'Region',
  intro: 'Intro',
  icon: 'Icon',
} as const;

const customName = /^[A-Za-z0-9_-]{1,64}$/;
const reservedCustom: ReadonlySet<string> = new Set(['pwd', 'status']);

/** Builds `UserOpReq.params` for SetUserInfo from profile changes. */
export function profileParams(changes: ProfileChanges): Record<string, string> {
  if (typeof changes !== 'object' || changes === null) {
    throw invalidArgument('changes', 'profile changes are required');
  }
  const params: Record<string, string> = {};
  for (const [field, key] of Object.entries(profileKeys)) {
    const value = changes[field as keyof typeof profileKeys];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw invalidArgument(field, `${field} must be a string`);
    params[key] = value;
  }
  if (changes.age !== undefined) {
    if (!Number.isInteger(changes.age) || changes.age < 0 || changes.age > 2_147_483_647) {
      throw invalidArgument('age', 'age must be a whole number ≥ 0');
    }
    params.Age = String(changes.age);
  }
  for (const [name, value] of Object.entries(changes.params ?? {})) {
    if (!customName.test(name) || reservedCustom.has(name.toLowerCase())) {
      throw invalidArgument('params', `"${name}" cannot be a custom attribute name`);
    }
    if (typeof value !== 'string') throw invalidArgument('params', `params.${name} must be a string`);
    params[`Params.${name}`] = value;
  }
  if (Object.keys(params).length === 0) throw invalidArgument('changes', 'nothing to change');
  return params;
}

/**
 * Creates the users API over a client context; `files` serves {@link UsersApi.setAvatar} (a files API of its
 * own by default: uploads of one session coordinate through the session either way).
 */
export function createUsersApi(ctx: ClientContext, files: FilesApi = createFilesApi(ctx)): UsersApi {
  const { session } = ctx;

  const setUserInfo = async (params: Record<string, string>, options?: RequestOptions) =>
    session.userOp({ operation: UserOperationType.SetUserInfo, params }, options);

  const profileOf = (result: UserOpResult): UserProfile => {
    const user = result.users[0];
    if (user === undefined || user.userId === '0') return api.me();
    return toUserProfile(user);
  };

  const api: UsersApi = {
    me() {
      const user = session.user;
      if (user === undefined) throw new StateError('NOT_LOGGED_IN', 'no user has logged in yet');
      return toUserProfile(user);
    },

    async update(changes, options) {
      return profileOf(await setUserInfo(profileParams(changes), options));
    },

    async setPassword(password, options) {
      if (typeof password !== 'string' || password === '') {
        throw invalidArgument('password', 'a password is required');
      }
      // The reply echoes the new password (as params "wd"); it is dropped here, never returned or logged.
      await setUserInfo({ 'Params.pwd': password }, options);
    },

    async changeEmail(email, code, options = {}) {
      if (typeof email !== 'string' || email === '') throw invalidArgument('email', 'an address is required');
      if (typeof code !== 'string' && typeof code !== 'function') {
        throw invalidArgument('code', 'a code or a code callback is required');
      }
      const maxAttempts = options.maxCodeAttempts ?? 3;
      if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
        throw invalidArgument('maxCodeAttempts', 'maxCodeAttempts must be a whole number ≥ 1');
      }
      const started = await setUserInfo({ Email: email }, options);
      if (started.status !== 'waitcode') return profileOf(started);
      for (let attempt = 1; ; attempt += 1) {
        const value =
          typeof code === 'string' ? code : await code({ email, attempt, signal: options.signal });
        try {
          const done = await session.userOp(
            { operation: UserOperationType.RealNameVerification, params: { code: value } },
            options,
          );
          return profileOf(done);
        } catch (error) {
          // A wrong code is ErrTMsgContent; retries are unlimited on the server.
          const wrongCode = isBirdTalkError(error, 'SERVER_MSG_CONTENT');
          if (!wrongCode) throw error;
          if (typeof code === 'string' || attempt >= maxAttempts) {
            throw serverAnswer(
              FeatureErrorCode.EMAIL_CODE_REJECTED,
              `the server refused the e-mail change code ${attempt} time(s)`,
              'users.changeEmail',
              (error as { serverDetail?: string }).serverDetail,
              { attempts: attempt },
            );
          }
        }
      }
    },

    async changePhone() {
      throw refusal(
        FeatureErrorCode.REFUSED_PHONE_CHANGE,
        'a phone change can never complete: the server never generates its code and keeps the session logged out while waiting for it',
        '§5.6',
      );
    },

    async setAvatar(source, options) {
      const upload = await files.upload(source, { ...options, groupId: 0 });
      const profile = await api.update({ icon: upload.storedName }, options);
      return { profile, upload };
    },

    async find(query, options) {
      const [mode, value] = queryParams(query);
      const result = await session.friendOp(
        { operation: UserOperationType.FindUser, params: { mode, value } },
        options,
      );
      return result.users.filter((user) => user.userId !== '0').map(toUserProfile);
    },

    async get(userId, options) {
      const id = positiveId(userId, 'userId');
      const found = await api.find({ id }, options);
      return found.find((user) => user.userId === id);
    },
  };
  return api;
}

function queryParams(query: UserQuery): [string, string] {
  if (typeof query !== 'object' || query === null) throw invalidArgument('query', 'a query is required');
  const keys = Object.keys(query).filter((key) => (query as Record<string, unknown>)[key] !== undefined);
  if (keys.length !== 1) throw invalidArgument('query', 'give exactly one of id, name, email or phone');
  if ('id' in query && query.id !== undefined) return ['id', positiveId(query.id, 'id')];
  const [key] = keys as ['name' | 'email' | 'phone'];
  const value = (query as Record<string, unknown>)[key];
  if (!['name', 'email', 'phone'].includes(key) || typeof value !== 'string' || value === '') {
    throw invalidArgument('query', 'give exactly one of id, name, email or phone, non-empty');
  }
  return [key, value];
}
