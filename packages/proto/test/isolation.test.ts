import protobuf from 'protobufjs/minimal.js';
import { describe, expect, it } from 'vitest';
import { decodeMsg, encodeMsg } from '../src/index.js';

describe('isolation from other protobufjs code in the same process', () => {
  it('keeps decoding exactly when another static module takes over protobufjs roots.default', () => {
    const frame = encodeMsg({
      version: 1,
      plainMsg: { chatReply: { msgId: '544649789237002240', params: { gid: '0' } } },
    });
    // What any other pbjs static module does when it loads: put its own `com` namespace on the shared root.
    const roots = protobuf.roots as unknown as Record<string, Record<string, unknown> | undefined>;
    const shared = roots.default ?? {};
    roots.default = shared;
    const previous = shared.com;
    shared.com = { bird2fish: { birdtalksdk: { pbmodel: {} } } };
    try {
      const reply = decodeMsg(frame).plainMsg?.chatReply;
      expect(reply?.msgId).toBe('544649789237002240');
      expect(reply?.recvOk).toBe('0');
    } finally {
      shared.com = previous;
    }
  });
});
