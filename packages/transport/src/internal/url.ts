/**
 * The part of a URL that is safe to put in error details: scheme, host, port and path. User info and the query
 * string are left out, since either may carry credentials.
 */
export function describeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(unparsable URL)';
  }
  return describeParsedUrl(parsed);
}

/** {@link describeUrl} of a URL already parsed, without parsing it a second time. */
export function describeParsedUrl(parsed: URL): string {
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}
