import packageJson from '../package.json' with { type: 'json' };

/** This SDK's version, read from its package.json when the package is built. */
export const SDK_VERSION: string = packageJson.version;

/** What a client says about itself in `MsgHello`: the platform and the descriptive params. */
export interface HelloInfo {
  /** `MsgHello.platform`: the operating system (`linux`, `darwin`, `win32`, …) or `browser`. */
  readonly platform: string;
  /** `MsgHello.version`: this SDK's version. */
  readonly version: string;
  /**
   * `MsgHello.params`: `Lang`, `CountryCode`, `TimeZone`, `OsVersion`, `Hardware`, `Sdk` and `Runtime`. The
   * server copies capitalised keys into its session; keys that cannot be determined are left
   * out rather than sent empty.
   */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * The globals {@link collectHelloInfo} looks at, all optional. Passing a stand-in object lets tests describe a
 * browser, Deno or Bun without running in one.
 */
export interface RuntimeGlobals {
  readonly process?: unknown;
  readonly navigator?: unknown;
  readonly Deno?: unknown;
  readonly Bun?: unknown;
  readonly window?: unknown;
  readonly document?: unknown;
  readonly Intl?: unknown;
}

type Dict = Record<string, unknown>;

/** The os module's functions we read, each possibly missing. */
interface OsLike {
  type?: () => string;
  release?: () => string;
  arch?: () => string;
  cpus?: () => ReadonlyArray<{ model?: string }>;
  totalmem?: () => number;
}

/**
 * Describes the running platform for `MsgHello`, in Node, Deno, Bun and browsers. It never throws: every global
 * is probed defensively, and whatever cannot be read is left out.
 */
export function collectHelloInfo(globals: RuntimeGlobals = globalThis as RuntimeGlobals): HelloInfo {
  const runtime = detectRuntime(globals);
  const params: Record<string, string> = {};
  const put = (key: string, read: () => string | undefined): void => {
    const value = attempt(read);
    if (value !== undefined && value !== '') params[key] = value;
  };
  const locale = attempt(() => readLocale(globals, runtime.kind));
  put('Lang', () => locale);
  put('CountryCode', () => (locale === undefined ? undefined : regionOf(globals, locale)));
  put('TimeZone', () => readTimeZone(globals));
  put('OsVersion', () => readOsVersion(globals, runtime.kind));
  put('Hardware', () => readHardware(globals, runtime.kind));
  params.Sdk = `birdtalk-ts/${SDK_VERSION}`;
  params.Runtime = runtime.label;
  return {
    platform: attempt(() => readPlatform(globals, runtime.kind)) ?? 'unknown',
    version: SDK_VERSION,
    params,
  };
}

type RuntimeKind = 'node' | 'deno' | 'bun' | 'browser' | 'unknown';

/** Which runtime this is. Deno and Bun also define `process.versions.node`, so they are tested first. */
function detectRuntime(globals: RuntimeGlobals): { kind: RuntimeKind; label: string } {
  const denoVersion = attempt(() => str(dict(dict(globals.Deno)?.version)?.deno));
  if (denoVersion !== undefined) return { kind: 'deno', label: `deno/${denoVersion}` };
  const bunVersion =
    attempt(() => str(dict(globals.Bun)?.version)) ??
    attempt(() => str(dict(dict(globals.process)?.versions)?.bun));
  if (bunVersion !== undefined) return { kind: 'bun', label: `bun/${bunVersion}` };
  const nodeVersion = attempt(() => str(dict(dict(globals.process)?.versions)?.node));
  if (nodeVersion !== undefined) return { kind: 'node', label: `node/${nodeVersion}` };
  if (globals.navigator !== undefined && (globals.window !== undefined || globals.document !== undefined)) {
    return { kind: 'browser', label: 'browser' };
  }
  return { kind: 'unknown', label: 'unknown' };
}

function readPlatform(globals: RuntimeGlobals, kind: RuntimeKind): string | undefined {
  if (kind === 'browser') return 'browser';
  if (kind === 'deno') {
    const os = str(dict(dict(globals.Deno)?.build)?.os);
    // Deno says "windows" where Node and Bun say "win32"; one spelling keeps server-side statistics simple.
    return os === 'windows' ? 'win32' : os;
  }
  return str(dict(globals.process)?.platform);
}

function readLocale(globals: RuntimeGlobals, kind: RuntimeKind): string | undefined {
  // A browser's navigator.language is the user's choice; elsewhere ICU's default follows LANG / LC_ALL.
  if (kind === 'browser') {
    const language = str(dict(globals.navigator)?.language);
    if (language !== undefined) return language;
  }
  const intl = intlOf(globals);
  const format = intl?.DateTimeFormat;
  if (typeof format !== 'function') return undefined;
  const resolved = (new (format as typeof Intl.DateTimeFormat)() as Intl.DateTimeFormat).resolvedOptions();
  return resolved.locale;
}

function regionOf(globals: RuntimeGlobals, locale: string): string | undefined {
  const LocaleClass = intlOf(globals)?.Locale;
  if (typeof LocaleClass !== 'function') return undefined;
  const parsed = new (LocaleClass as typeof Intl.Locale)(locale);
  // "en" alone has no region; maximize() adds the likely one ("en-Latn-US").
  return parsed.region ?? parsed.maximize().region;
}

function readTimeZone(globals: RuntimeGlobals): string | undefined {
  const format = intlOf(globals)?.DateTimeFormat;
  if (typeof format !== 'function') return undefined;
  return (new (format as typeof Intl.DateTimeFormat)() as Intl.DateTimeFormat).resolvedOptions().timeZone;
}

function readOsVersion(globals: RuntimeGlobals, kind: RuntimeKind): string | undefined {
  if (kind === 'browser') {
    const navigator = dict(globals.navigator);
    return str(dict(navigator?.userAgentData)?.platform) ?? str(navigator?.platform);
  }
  if (kind === 'deno') {
    const deno = dict(globals.Deno);
    const os = str(dict(deno?.build)?.os);
    const release =
      typeof deno?.osRelease === 'function' ? str((deno.osRelease as () => unknown)()) : undefined;
    return [os, release].filter((part) => part !== undefined).join(' ') || undefined;
  }
  const os = osModule(globals);
  if (os === undefined) return undefined;
  const parts = [attempt(() => os.type?.()), attempt(() => os.release?.())];
  return parts.filter((part) => part !== undefined && part !== '').join(' ') || undefined;
}

function readHardware(globals: RuntimeGlobals, kind: RuntimeKind): string | undefined {
  if (kind === 'browser') return str(dict(globals.navigator)?.userAgent);
  const parts: string[] = [];
  if (kind === 'deno') {
    const deno = dict(globals.Deno);
    const arch = str(dict(deno?.build)?.arch);
    if (arch !== undefined) parts.push(arch);
    const cores = num(dict(globals.navigator)?.hardwareConcurrency);
    if (cores !== undefined) parts.push(`${cores} cpus`);
    const memory = attempt(() =>
      typeof deno?.systemMemoryInfo === 'function'
        ? num(dict((deno.systemMemoryInfo as () => unknown)())?.total)
        : undefined,
    );
    if (memory !== undefined) parts.push(`${Math.round(memory / 1_048_576)} MiB`);
    return parts.join('; ') || undefined;
  }
  const os = osModule(globals);
  const arch = attempt(() => os?.arch?.()) ?? str(dict(globals.process)?.arch);
  if (arch !== undefined) parts.push(arch);
  const cpus = attempt(() => os?.cpus?.());
  if (cpus !== undefined && cpus.length > 0) {
    const model = cpus[0]?.model?.trim();
    parts.push(model === undefined || model === '' ? `${cpus.length} cpus` : `${model} x${cpus.length}`);
  }
  const memory = attempt(() => os?.totalmem?.());
  if (memory !== undefined && Number.isFinite(memory)) parts.push(`${Math.round(memory / 1_048_576)} MiB`);
  return parts.join('; ') || undefined;
}

/**
 * Node's (and Bun's) os module, reached through `process.getBuiltinModule` so that importing this package in a
 * browser never pulls in a Node built-in.
 */
function osModule(globals: RuntimeGlobals): OsLike | undefined {
  const process = dict(globals.process);
  const load = process?.getBuiltinModule;
  if (typeof load !== 'function') return undefined;
  const os = attempt(() => (load as (id: string) => unknown).call(process, 'node:os'));
  return typeof os === 'object' && os !== null ? (os as OsLike) : undefined;
}

function intlOf(globals: RuntimeGlobals): Dict | undefined {
  return dict(globals.Intl ?? (globalThis as { Intl?: unknown }).Intl);
}

function attempt<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function dict(value: unknown): Dict | undefined {
  return (typeof value === 'object' || typeof value === 'function') && value !== null
    ? (value as Dict)
    : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
