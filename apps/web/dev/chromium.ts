// Finding and starting the system's Chromium for the browser suites. Nothing here downloads a browser: the
// suites drive Debian's `chromium` (CI installs it), and a machine without one skips them loudly — except under
// CI, where a missing browser must fail the run instead of passing it with nothing tested.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Chromium is looked for, in order, after `$CHROMIUM_PATH`. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** What the browser suites do on this machine. */
export type BrowserDecision =
  | { readonly kind: 'run'; readonly executablePath: string }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'fail'; readonly reason: string };

/** What {@link decideBrowser} looks at; injected so the rule is tested without touching the machine. */
export interface BrowserProbe {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly exists: (path: string) => boolean;
}

const missing =
  'no Chromium found (set CHROMIUM_PATH, or install it: apt-get install -y chromium); the browser suites did not run';

/**
 * Decides whether the browser suites run: with the first Chromium found; skipped when there is none; failed
 * when there is none and `CI` is set to `true` or `1` (a CI run must not pass with its browser suites skipped).
 * `CHROMIUM_PATH`, when set, is the only place looked at.
 */
export function decideBrowser(probe: BrowserProbe): BrowserDecision {
  const explicit = probe.env.CHROMIUM_PATH;
  const candidates = explicit === undefined || explicit === '' ? CHROMIUM_CANDIDATES : [explicit];
  const found = candidates.find((path) => probe.exists(path));
  if (found !== undefined) return { kind: 'run', executablePath: found };
  const ci = probe.env.CI;
  if (ci === 'true' || ci === '1') return { kind: 'fail', reason: `CI=${ci} and ${missing}` };
  return { kind: 'skip', reason: missing };
}

/**
 * The Chromium the suites of this file use, or `undefined` to skip them — after saying so in a way nobody
 * misses. Throws under CI without a browser, which fails the test file.
 */
export function chromiumForTests(
  probe: BrowserProbe = { env: process.env, exists: existsSync },
  warn: (text: string) => void = (text) => process.stderr.write(text),
): string | undefined {
  const decision = decideBrowser(probe);
  if (decision.kind === 'fail') throw new Error(decision.reason);
  if (decision.kind === 'skip') {
    const line = '!'.repeat(100);
    warn(`\n${line}\n!!! SKIPPED: ${decision.reason}\n${line}\n\n`);
    return undefined;
  }
  return decision.executablePath;
}

/**
 * Flags for a headless Chromium on a machine whose network only reaches itself: without the background
 * networking switches Chromium keeps trying Google's services, and on a closed network those attempts get
 * its connections refused.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts headless Chromium (a fresh temporary profile every time). */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}
