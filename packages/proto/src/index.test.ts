import { expect, it } from 'vitest';
import * as api from './index.js';

it('exports exactly the reviewed runtime API', () => {
  const runtimeExports = Object.keys(api).sort();
  expect(runtimeExports).toEqual([
    'ChatMsgStatus',
    'ChatMsgType',
    'ChatType',
    'ComMsgType',
    'DEFAULT_MAX_FRAME_BYTES',
    'EncryptType',
    'ErrorMsgType',
    'GroupOperationResultType',
    'GroupOperationType',
    'MsgCases',
    'MsgPlainCases',
    'MsgPriority',
    'QueryDataType',
    'SynType',
    'UserOperationType',
    'decodeMessage',
    'decodeMsg',
    'encodeMessage',
    'encodeMsg',
    'int64ToBigInt',
    'isInt64String',
    'isWellFormed',
    'messageNames',
    'toInt64',
  ]);
});
