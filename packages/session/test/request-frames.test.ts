import * as proto from '@birdtalk/proto';
import { ChatType, QueryDataType, UserOperationType } from '@birdtalk/proto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { harness } from './helpers.js';

// Counts the frames the session encodes, leaving the codec as it is.
vi.mock('@birdtalk/proto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@birdtalk/proto')>();
  return { ...actual, encodeMsg: vi.fn(actual.encodeMsg) };
});

let hazards: () => string[] = () => [];
afterEach(() => {
  expect(hazards()).toEqual([]);
});

/** How many times a frame carrying `payload` was encoded since the last `mockClear`. */
function encodesOf(payload: string): number {
  return vi
    .mocked(proto.encodeMsg)
    .mock.calls.filter(
      ([msg]) => (msg.plainMsg as Record<string, unknown> | undefined)?.[payload] !== undefined,
    ).length;
}

describe('request frames', () => {
  it('encodes a request once: the frame built by the early check is the one sent', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    vi.mocked(proto.encodeMsg).mockClear();
    await session.friendOp({ operation: UserOperationType.AddFriend, user: { userId: '10002' } });
    await session.query({ queryType: QueryDataType.QueryDataTypeChatData, chatType: ChatType.ChatTypeP2P });
    expect(encodesOf('friendOp')).toBe(1);
    expect(encodesOf('commonQuery')).toBe(1);
    await session.close();
  });

  it('builds a request made before any login when its connection has logged in', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    vi.mocked(proto.encodeMsg).mockClear();
    const answered = session.friendOp({ operation: UserOperationType.AddFriend, user: { userId: '10002' } });
    await session.start();
    await answered;
    expect(encodesOf('friendOp')).toBe(1);
    await session.close();
  });
});
