/**
 * Runs before every test file of the workspace (see vitest.shared.ts). It installs the reference server's
 * process-wide registry, so every `createServer()` of a test registers itself, and fails a test after which
 * some server holds a hazard — a request that would have crashed the real server — that the test neither
 * cleared nor declared (`expectedHazards`). A lenient server (`strict: false`) must declare the hazards it is
 * there for; started by accident it would hide the crashes strict mode reports.
 *
 * The registry is found through a registered symbol, so this file needs no import of `@birdtalk/server`
 * (most packages do not depend on it).
 */
import { afterAll, afterEach } from 'vitest';

/** The part of `@birdtalk/server`'s TrackedServer this check reads. */
interface TrackedServer {
  readonly url: string;
  readonly strict: boolean;
  readonly expectedHazards: readonly string[];
  readonly closed: boolean;
  hazards(): ReadonlyArray<{ readonly name: string; readonly detail: string }>;
  clearHazards(): void;
}

const servers = new Set<TrackedServer>();
(globalThis as unknown as Record<symbol, unknown>)[Symbol.for('@birdtalk/server/registry')] = {
  register(server: TrackedServer) {
    servers.add(server);
  },
};

function check(when: string): void {
  const problems: string[] = [];
  for (const server of servers) {
    if (!server.strict && server.expectedHazards.length === 0) {
      problems.push(
        `a lenient reference server (${server.url}) was started without declaring expectedHazards`,
      );
    }
    const unexpected = server.hazards().filter((hazard) => !server.expectedHazards.includes(hazard.name));
    if (unexpected.length > 0) {
      problems.push(
        `the reference server ${server.url} recorded hazards nobody expected: ${unexpected
          .map((hazard) => `${hazard.name} (${hazard.detail})`)
          .join('; ')}`,
      );
      // Reported once: the next test starts clean.
      server.clearHazards();
    }
    if (server.closed || !server.strict) servers.delete(server);
  }
  if (problems.length > 0) throw new Error(`${when}: ${problems.join('\n')}`);
}

afterEach(() => check('after this test'));
afterAll(() => check('after the last test of this file'));
