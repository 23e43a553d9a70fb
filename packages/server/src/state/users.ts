import type { ExtraValue } from './user-document.js';

/**
 * A user as the server stores it. The same shape holds the database document and the in-memory copy the real
 * server caches: the two drift apart in the ways the real server lets them (see {@link UserStore}).
 */
export interface UserRecord {
  userId: bigint;
  userName: string;
  nickName: string;
  email: string;
  phone: string;
  gender: string;
  age: number;
  region: string;
  icon: string;
  intro: string;
  follows: bigint;
  fans: bigint;
  /** `undefined` models a document stored without any params (a nil map on the real server). */
  params: Record<string, string> | undefined;
  privacy: Record<string, string> | undefined;
  /**
   * Stored fields SetUserInfo wrote under names the typed fields do not cover (a custom top-level key, or a
   * `follows`/`fans`/`params` value stored as text): what MongoDB holds, which later updates can trip on.
   * Only the database document carries them; the cache shows the value under `params` instead.
   */
  extra?: Record<string, ExtraValue>;
}

/** The in-memory state the real server keeps for a user it has loaded. */
export interface CachedUser {
  /** The cached profile: the database document as loaded, then changed in memory. */
  info: UserRecord;
  /** Connection ids bound to this user, live or not: the real server never prunes ids of switched accounts. */
  sessions: bigint[];
  /** The most live connections the user had logged in at once since it was loaded (for tests of fleets). */
  peakLiveSessions: number;
  /** Lazily populated relationship flags, used only for online/offline notices (mutual = following ∩ fans). */
  following: Map<bigint, boolean>;
  fans: Map<bigint, boolean>;
  /** Groups joined (true) or left (false) since the user was loaded. */
  groups: Map<bigint, boolean>;
}

/** An empty user record with the given id. */
export function emptyUser(userId: bigint): UserRecord {
  return {
    userId,
    userName: '',
    nickName: '',
    email: '',
    phone: '',
    gender: '',
    age: 0,
    region: '',
    icon: '',
    intro: '',
    follows: 0n,
    fans: 0n,
    params: undefined,
    privacy: undefined,
  };
}

/** A deep copy. */
export function cloneUser(user: UserRecord): UserRecord {
  return {
    ...user,
    params: user.params === undefined ? undefined : { ...user.params },
    privacy: user.privacy === undefined ? undefined : { ...user.privacy },
    ...(user.extra === undefined ? {} : { extra: structuredClone(user.extra) }),
  };
}

/** Params the server never sends back. */
const HIDDEN_PARAMS = ['pwd', 'friendaddmode', 'friendaddanswer'];

/** The server's `GetUserInfo`: a copy without the password and the friend-approval settings. */
export function publicUser(user: UserRecord): UserRecord {
  const copy = cloneUser(user);
  if (copy.params !== undefined) for (const key of HIDDEN_PARAMS) delete copy.params[key];
  return copy;
}

/** The server's `filterUserInfo1`: {@link publicUser}, plus e-mail and phone masked unless searched by. */
export function filteredUser(user: UserRecord, mode: string): UserRecord {
  const copy = publicUser(user);
  if (mode !== 'phone') copy.phone = '*';
  if (mode !== 'email') copy.email = '*';
  return copy;
}

/** Users: the database documents, the id counter and the in-memory cache. */
export class UserStore {
  readonly docs = new Map<bigint, UserRecord>();
  readonly cache = new Map<bigint, CachedUser>();
  /** The last id handed out (Redis `birds_uid` starts at 10000). */
  lastId = 10000n;

  /** The next free id, as Redis INCR gives it (skipping ids taken by seeds). */
  allocateId(): bigint {
    do {
      this.lastId += 1n;
    } while (this.docs.has(this.lastId));
    return this.lastId;
  }

  /** Stores a new document. */
  insert(user: UserRecord): void {
    this.docs.set(user.userId, cloneUser(user));
  }

  /** Database lookup by id. */
  doc(userId: bigint): UserRecord | undefined {
    return this.docs.get(userId);
  }

  /** Database lookup by an exact field value: at most 100 documents, ascending id, as the Mongo queries. */
  findBy(field: 'userName' | 'nickName' | 'email' | 'phone', value: string): UserRecord[] {
    const found: UserRecord[] = [];
    for (const doc of this.sortedDocs()) {
      if (doc[field] === value) found.push(doc);
      if (found.length >= 100) break;
    }
    return found;
  }

  /** Every document, ascending id. */
  sortedDocs(): UserRecord[] {
    return [...this.docs.values()].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  }

  /** The cached user, without loading. */
  cached(userId: bigint): CachedUser | undefined {
    return this.cache.get(userId);
  }

  /**
   * The server's `findUser`: the cached user, or the document loaded into the cache. `wasCached` tells which,
   * because some operations (initial group members) only accept users that were already cached.
   */
  load(userId: bigint): { user: CachedUser; wasCached: boolean } | undefined {
    const cached = this.cache.get(userId);
    if (cached !== undefined) return { user: cached, wasCached: true };
    const doc = this.docs.get(userId);
    if (doc === undefined) return undefined;
    const user: CachedUser = {
      info: cloneUser(doc),
      sessions: [],
      peakLiveSessions: 0,
      following: new Map(),
      fans: new Map(),
      groups: new Map(),
    };
    this.cache.set(userId, user);
    return { user, wasCached: false };
  }

  /** Adds `delta` to a counter in the database and in the cache, as `$inc` plus the in-memory update. */
  addCount(userId: bigint, field: 'follows' | 'fans', delta: bigint): void {
    const doc = this.docs.get(userId);
    if (doc !== undefined) doc[field] += delta;
    const cached = this.cache.get(userId);
    if (cached !== undefined) cached.info[field] += delta;
  }
}
