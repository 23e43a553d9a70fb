import type { Int64, UserInfo } from '@birdtalk/proto';

/**
 * A user as the server describes them, cleaned up: masked (`"*"`) or empty e-mail and phone become
 * `undefined`, counters are numbers, and secret params never appear.
 */
export interface UserProfile {
  readonly userId: Int64;
  readonly userName: string;
  readonly nickName: string;
  /** Absent when the server masked it (`"*"`, the usual case for other users) or it is not set. */
  readonly email: string | undefined;
  /** Absent when the server masked it or it is not set. */
  readonly phone: string | undefined;
  readonly gender: string;
  readonly age: number;
  readonly region: string;
  /** Free-form; usually the stored name of an uploaded image. */
  readonly icon: string;
  readonly intro: string;
  /** How many users this user follows, as far as the server counts (it can go negative). */
  readonly follows: number;
  /** How many users follow this user. */
  readonly fans: number;
  /** Custom attributes (see `UsersApi.update`); the password and friend settings are removed. */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Params that must never reach the application: the password (`pwd`, and `wd`, the name the server's memory
 * gives `Params.pwd` after stripping characters of "params.") and the friend-mode settings.
 */
const hiddenParams: ReadonlySet<string> = new Set(['pwd', 'wd', 'friendaddmode', 'friendaddanswer']);

/** Converts the wire `UserInfo` into a {@link UserProfile}. */
export function toUserProfile(user: UserInfo): UserProfile {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(user.params ?? {})) {
    if (!hiddenParams.has(key.toLowerCase())) params[key] = value;
  }
  return {
    userId: user.userId,
    userName: user.userName,
    nickName: user.nickName,
    email: unmasked(user.email),
    phone: unmasked(user.phone),
    gender: user.gender,
    age: user.age,
    region: user.region,
    icon: user.icon,
    intro: user.intro,
    follows: Number(user.follows),
    fans: Number(user.fans),
    params,
  };
}

function unmasked(value: string): string | undefined {
  return value === '' || value === '*' ? undefined : value;
}
