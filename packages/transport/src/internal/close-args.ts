/**
 * Which close codes a transport may send.
 *
 * - `'wire'`: every code RFC 6455 allows on the wire (1000–1003, 1007–1014, 3000–4999), for Node sockets and
 *   the memory pair, so that a server can say 1001 (going away) or 1008 (policy violation).
 * - `'application'`: what the WHATWG `WebSocket.close()` accepts (1000 and 3000–4999); anything else makes
 *   browsers throw.
 */
export type CloseCodeRange = 'wire' | 'application';

/** The longest close reason the protocol allows: a control frame carries 125 bytes, two of them the code. */
const MAX_REASON_BYTES = 123;

const encoder = new TextEncoder();

function isAllowed(code: number, range: CloseCodeRange): boolean {
  if (!Number.isInteger(code)) return false;
  if (code >= 3000 && code <= 4999) return true;
  if (range === 'application') return code === 1000;
  // 1004 is reserved; 1005 and 1006 only ever describe a close, they are never sent.
  return code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006;
}

/**
 * Checks the arguments of `Transport.close()`.
 *
 * @throws RangeError when the code cannot be sent or the reason is longer than 123 UTF-8 bytes.
 */
export function assertCloseArgs(code: number, reason: string, range: CloseCodeRange): void {
  if (!isAllowed(code, range)) {
    const allowed = range === 'application' ? '1000 or 3000–4999' : '1000–1003, 1007–1014 or 3000–4999';
    throw new RangeError(`Invalid close code ${code}: use ${allowed}`);
  }
  if (encoder.encode(reason).byteLength > MAX_REASON_BYTES) {
    throw new RangeError(`The close reason must not exceed ${MAX_REASON_BYTES} UTF-8 bytes`);
  }
}

/** The longest ping payload: control frames carry at most 125 bytes. */
export const MAX_PING_BYTES = 125;
