import type { Hazard } from './hazards.js';

/**
 * The global key under which a test runner may install a {@link ServerRegistry}. It is a registered symbol
 * (`Symbol.for`), so a setup file can install the registry without importing this package, and every copy of
 * the package in the process finds the same one.
 */
export const SERVER_REGISTRY_KEY: symbol = Symbol.for('@birdtalk/server/registry');

/**
 * The environment variable that turns the registry on without a test hook: when it is `1` and no registry is
 * installed yet, the first server created installs an empty one (read it with {@link trackedServers}).
 */
export const SERVER_REGISTRY_ENV = 'BIRDTALK_TRACK_SERVERS';

/** What a {@link ServerRegistry} learns about each server created in the process. */
export interface TrackedServer {
  /** The WebSocket URL (a placeholder without a socket), for messages. */
  readonly url: string;
  /** Whether hazards drop the connection (strict) or are answered with an error (lenient). */
  readonly strict: boolean;
  /** Hazard names the creator declared it expects (`ServerOptions.expectedHazards`). */
  readonly expectedHazards: readonly string[];
  /** Whether `close()` was called. */
  readonly closed: boolean;
  /** The hazards recorded and not cleared. */
  hazards(): readonly Hazard[];
  /** Forgets the recorded hazards. */
  clearHazards(): void;
}

/**
 * A process-wide list of reference servers, installed by a test runner (for instance in a setup file that
 * fails every test after which some server holds a hazard nobody expected). Servers register themselves only
 * when one is installed, or when {@link SERVER_REGISTRY_ENV} is `1`.
 */
export interface ServerRegistry {
  register(server: TrackedServer): void;
}

type RegistryHost = { [key: symbol]: ServerRegistry | undefined };

function installedRegistry(): ServerRegistry | undefined {
  const host = globalThis as unknown as RegistryHost;
  const installed = host[SERVER_REGISTRY_KEY];
  if (installed !== undefined) return installed;
  if (typeof process === 'undefined' || process.env?.[SERVER_REGISTRY_ENV] !== '1') return undefined;
  const servers = new Set<TrackedServer>();
  const registry: ServerRegistry & { readonly servers: Set<TrackedServer> } = {
    servers,
    register: (server) => {
      servers.add(server);
    },
  };
  host[SERVER_REGISTRY_KEY] = registry;
  return registry;
}

/** Registers a server with the installed registry, if there is one. */
export function trackServer(server: TrackedServer): void {
  installedRegistry()?.register(server);
}

/**
 * The servers registered so far when the registry was turned on by {@link SERVER_REGISTRY_ENV}; an empty list
 * when no registry is installed or a test runner installed its own (which keeps its own list).
 */
export function trackedServers(): readonly TrackedServer[] {
  const registry = (globalThis as unknown as RegistryHost)[SERVER_REGISTRY_KEY] as
    | (ServerRegistry & { readonly servers?: Set<TrackedServer> })
    | undefined;
  return registry?.servers === undefined ? [] : [...registry.servers];
}
