import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as features from './features.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The relative modules `entry` imports, transitively, and every bare specifier among them. */
function importGraph(entry: string): { files: string[]; bare: Set<string> } {
  const files: string[] = [];
  const bare = new Set<string>();
  const visit = (file: string): void => {
    if (files.includes(file)) return;
    files.push(file);
    const source = readFileSync(join(here, file), 'utf8');
    for (const [, specifier] of source.matchAll(/^(?:import|export)[^'"]*?from '([^']+)'/gm)) {
      if (specifier!.startsWith('.')) visit(join(dirname(file), specifier!).replace(/\.js$/, '.ts'));
      else bare.add(specifier!);
    }
  };
  visit(entry);
  return { files, bare };
}

describe('the feature seam', () => {
  it('exports the factories and converters the core wires', () => {
    for (const name of [
      'createUsersApi',
      'createFriendsApi',
      'createGroupsApi',
      'createFilesApi',
      'createMediaApi',
      'friendEventFrom',
      'friendRequestFrom',
      'groupEventFrom',
      'groupJoinRequestFrom',
    ]) {
      expect(typeof (features as Record<string, unknown>)[name]).toBe('function');
    }
  });

  it('stays free of Node built-ins, so the main entry runs in browsers', () => {
    const { files, bare } = importGraph('features.ts');
    expect(files.length).toBeGreaterThan(10);
    expect(files).not.toContain('files/node.ts');
    expect([...bare].filter((specifier) => specifier.startsWith('node:'))).toEqual([]);
    expect(
      [...bare].every((specifier) => specifier.startsWith('@birdtalk/') || specifier.startsWith('@noble/')),
    ).toBe(true);
  });
});
