/**
 * The part of a URL that is safe to put in error details: scheme, host, port and path. User info and the query
 * string are left out, since either may carry credentials.
 */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}
