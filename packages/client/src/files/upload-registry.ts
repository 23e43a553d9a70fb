import type { Session } from '@birdtalk/session';

/**
 * What the uploads of one session must agree on, because the server keys an upload in progress by its
 * `fileName` per connection:
 *
 * - two uploads of the same name at once clobber each other, so every upload gets a name no other upload
 *   uses on the connection;
 * - an upload abandoned midway (cancelled, timed out) stays pending on the server until the connection ends,
 *   and a new chunk 0 under its name would delete the new file, so that name stays taken until the next
 *   connection;
 * - two uploads of the same content write the same stored path, so they run one after the other.
 *
 * One registry exists per session, shared by every files API made for it.
 */
export class UploadRegistry {
  /** Counts the session's connections (`ready` events) since the registry was made. */
  #connection = 0;
  readonly #active = new Set<string>();
  readonly #abandoned = new Set<string>();
  readonly #byHash = new Map<string, Promise<void>>();

  constructor(session: Session) {
    session.on('ready', () => {
      this.#connection += 1;
      // A new connection has no pending uploads: abandoned names are free again.
      this.#abandoned.clear();
    });
  }

  /** Identifies the current connection; compare two readings to detect a reconnect. */
  get connection(): number {
    return this.#connection;
  }

  /** Reserves a wire name for an upload: `name` itself, or `stem-2.ext`, `stem-3.ext`, … when it is taken. */
  reserve(name: string): string {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let n = 2; this.#active.has(candidate) || this.#abandoned.has(candidate); n += 1) {
      candidate = `${stem}-${n}${ext}`;
    }
    this.#active.add(candidate);
    return candidate;
  }

  /** Frees a wire name; `abandoned` keeps it taken until the next connection. */
  release(name: string, abandoned: boolean): void {
    this.#active.delete(name);
    if (abandoned) this.#abandoned.add(name);
  }

  /** Runs `task` after every earlier task with the same hash has settled. */
  async serialize<T>(hash: string, task: () => Promise<T>): Promise<T> {
    const before = this.#byHash.get(hash) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((resolve) => {
      done = resolve;
    });
    const chain = before.then(() => mine);
    this.#byHash.set(hash, chain);
    try {
      await before;
      return await task();
    } finally {
      done();
      if (this.#byHash.get(hash) === chain) this.#byHash.delete(hash);
    }
  }
}

const registries = new WeakMap<Session, UploadRegistry>();

/** The registry of `session`, made on first use. */
export function uploadRegistryOf(session: Session): UploadRegistry {
  let registry = registries.get(session);
  if (registry === undefined) {
    registry = new UploadRegistry(session);
    registries.set(session, registry);
  }
  return registry;
}
