import { describe, expect, it } from 'vitest';
import * as client from './index.js';
import * as node from './node.js';
import * as testing from './testing.js';

describe('the public API', () => {
  it('names the core exports of the main entry', () => {
    const core = [
      'ClientErrorCode',
      'DEFAULT_CLIENT_OPTIONS',
      'DEVICE_ID_KEY',
      'P2P_STREAM',
      'createClient',
      'createFetchHttpGet',
      'createMemoryStore',
      'dedupKeys',
      'deserializeOutboxEntry',
      'fileContent',
      'group',
      'groupStream',
      'httpBaseUrlOf',
      'imageContent',
      'p2p',
      'parseDrafty',
      'positiveId',
      'readContent',
      'serializeOutboxEntry',
      'targetId',
      'targetKey',
      'textContent',
      'toChatMessage',
      'voiceContent',
    ];
    expect(Object.keys(client)).toEqual(expect.arrayContaining(core));
    // The feature modules come through the seam.
    expect(Object.keys(client)).toEqual(expect.arrayContaining(['createUsersApi', 'createGroupsApi']));
  });

  it('keeps Node-only pieces out of the main entry', () => {
    expect(Object.keys(client)).not.toContain('createFileStore');
    expect(Object.keys(node)).toEqual(
      expect.arrayContaining(['createNodeClient', 'createFileStore', 'defaultStateDir', 'nodeFilesDeps']),
    );
    expect(Object.keys(testing)).toEqual(['storeContract']);
  });
});
