/**
 * The lines of a byte or text stream (`\n` or `\r\n`), without their line ends; a last line without a line end
 * counts too. The stream is read only as fast as the lines are consumed, so a slow consumer slows the reading
 * down instead of buffering the input.
 */
export async function* lines(
  input: AsyncIterable<string | Uint8Array>,
): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let end = pending.indexOf('\n');
    while (end >= 0) {
      yield stripCr(pending.slice(0, end));
      pending = pending.slice(end + 1);
      end = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
  if (pending !== '') yield stripCr(pending);
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
