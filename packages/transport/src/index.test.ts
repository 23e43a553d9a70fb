import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sourceDir = dirname(fileURLToPath(import.meta.url));

/** Every import specifier of `entry` and the modules it reaches through relative imports. */
function importGraph(entry: string): { files: string[]; bare: Set<string> } {
  const files: string[] = [];
  const bare = new Set<string>();
  const pending = [resolve(sourceDir, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    const source = readFileSync(file, 'utf8');
    // Statements start a line; examples inside doc comments start with ' * ' and are skipped.
    for (const match of source.matchAll(/^(?:import|export)\b[^;]*?from\s+'([^']+)'/gm)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else bare.add(specifier);
    }
  }
  return { files, bare };
}

describe('public API', () => {
  // A change to these lists is an API change: review it as one.
  it('exports exactly these values from each entry point', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual([
      'DEFAULT_WEBSOCKET_CONNECTOR_OPTIONS',
      'TransportErrorCode',
      'createWebSocketConnector',
    ]);
    expect(Object.keys(await import('./node.js')).sort()).toEqual([
      'DEFAULT_NODE_CONNECTOR_OPTIONS',
      'createNodeConnector',
      'createNodeHttpGet',
      'createWriteBatcher',
      'wrapNodeWebSocket',
    ]);
    expect(Object.keys(await import('./testing.js')).sort()).toEqual([
      'createMemoryConnector',
      'createMemoryTransportPair',
    ]);
  });

  it('keeps the main and testing entry points free of Node built-ins and of ws, so they run in browsers', () => {
    for (const entry of ['index.ts', 'testing.ts']) {
      const { files, bare } = importGraph(entry);
      expect(files.length).toBeGreaterThan(3);
      expect([...bare].sort()).toEqual(['@birdtalk/errors']);
    }
  });

  it('never imports @birdtalk/proto', () => {
    const { bare } = importGraph('node.ts');
    expect([...bare].some((specifier) => specifier.startsWith('@birdtalk/proto'))).toBe(false);
  });

  it('has stable error codes', async () => {
    const { TransportErrorCode } = await import('./index.js');
    expect(Object.values(TransportErrorCode).every((code) => /^TRANSPORT_[A-Z_]+$/.test(code))).toBe(true);
  });
});
