// Serving a page next to a BirdTalk server. The page and the server must share an origin: the server's file
// downloads (`/filestore/…`) send no CORS headers, so a page on another origin could not fetch them. The Vite
// server in front of the page therefore forwards `/ws` and `/filestore` to the BirdTalk server, and the page
// connects to `ws(s)://<its own host>/ws`.
import type { Agent } from 'node:https';
import {
  build,
  type InlineConfig,
  type PreviewServer,
  type ProxyOptions,
  preview,
  type UserConfig,
} from 'vite';

/** How the forwarding reaches a `wss://` server whose certificate the machine does not trust. */
export interface UpstreamTrust {
  /** An HTTPS agent that checks the server's certificate (a pin, a CA); see `pinnedAgent`. */
  readonly agent?: Agent;
  /** Accept any certificate (a local experiment only). */
  readonly insecure?: boolean;
}

/** The HTTP origin of a BirdTalk WebSocket URL: `wss://host:7817/ws` → `https://host:7817`. */
export function originOf(server: string): string {
  const url = new URL(server);
  const protocol = { 'ws:': 'http:', 'wss:': 'https:', 'http:': 'http:', 'https:': 'https:' }[url.protocol];
  if (protocol === undefined) throw new Error(`${server} is not a ws:// or wss:// URL`);
  return `${protocol}//${url.host}`;
}

/** Vite's `server.proxy` / `preview.proxy` entries that put a BirdTalk server behind the page's origin. */
export function birdtalkProxy(server: string, trust: UpstreamTrust = {}): Record<string, ProxyOptions> {
  const common: ProxyOptions = {
    target: originOf(server),
    changeOrigin: true,
    secure: trust.insecure !== true,
    ...(trust.agent === undefined ? {} : { agent: trust.agent }),
  };
  return { '/ws': { ...common, ws: true }, '/filestore': common };
}

/** A built page served by `vite preview`, with the BirdTalk server behind its origin. */
export interface ServedPage {
  /** The page's URL, `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** The modules that went into the build (absolute paths), to check what was bundled. */
  readonly modules: readonly string[];
  close(): Promise<void>;
}

/**
 * Builds the page in `root` into `outDir` and serves it on a free port of 127.0.0.1 with `server` behind it.
 * `config` adds to the build (resolve conditions, defines).
 */
export async function buildAndServe(options: {
  readonly root: string;
  readonly outDir: string;
  readonly server: string;
  readonly config?: UserConfig;
}): Promise<ServedPage> {
  const base: InlineConfig = {
    root: options.root,
    configFile: false,
    logLevel: 'warn',
    ...options.config,
    build: { outDir: options.outDir, emptyOutDir: true, ...options.config?.build },
  };
  const output = await build(base);
  const outputs = Array.isArray(output) ? output : [output];
  const modules = outputs.flatMap((result) =>
    'output' in result ? result.output.flatMap((chunk) => ('moduleIds' in chunk ? chunk.moduleIds : [])) : [],
  );
  const served: PreviewServer = await preview({
    ...base,
    preview: { host: '127.0.0.1', port: 0, proxy: birdtalkProxy(options.server) },
  });
  const url = served.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview did not say where it listens');
  return {
    url,
    modules,
    close: () => served.close(),
  };
}
