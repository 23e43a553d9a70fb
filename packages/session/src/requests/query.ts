import type { MsgQueryInit, MsgQueryResult } from '@birdtalk/proto';
import { type RequestCore, type RequestOptions, request } from './core.js';

/** A history, receipt or log query; results are matched in order. */
export function query(
  core: RequestCore,
  msgQuery: MsgQueryInit,
  options: RequestOptions = {},
): Promise<MsgQueryResult> {
  return request<MsgQueryResult>(
    core,
    { kind: 'query', query: msgQuery },
    {
      label: `query.${msgQuery?.queryType ?? 0}`,
      // Query results carry no id and go only to the asking session: the oldest waiting query gets the next one.
      match: (inbound) => (inbound.kind === 'query-result' ? { value: inbound.result } : undefined),
      whenSilent: 'reject',
    },
    options,
  );
}
