import type { UserRecord } from './users.js';

/**
 * The user document as MongoDB holds it, as far as SetUserInfo's `$set` can reach it. The real server writes
 * every SetUserInfo key it does not know as a `$set` of the lower-cased key, so the client chooses field
 * paths in the stored document; MongoDB refuses some of them, and the server exits on the refusal.
 */

/** A value MongoDB holds for a field a SetUserInfo key of the client's choosing wrote. */
export type ExtraValue = string | { [name: string]: ExtraValue };

/** What a path component meets in the stored document. */
type Node = 'text' | 'number' | 'null' | 'id' | { readonly [name: string]: Node } | undefined;

/** The fields of every stored user that hold a text or a number (the Go driver's lower-cased struct fields). */
const TEXT_FIELDS = ['username', 'nickname', 'email', 'phone', 'gender', 'region', 'icon', 'intro'];
const NUMBER_FIELDS = ['userid', 'age', 'follows', 'fans'];

function fromExtra(value: ExtraValue): Node {
  if (typeof value === 'string') return 'text';
  return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, fromExtra(child)]));
}

/** A string map, whose keys written by `$set params.a.b` hold the nested path `a` → `b`. */
function fromMap(map: Readonly<Record<string, string>> | undefined): Node {
  if (map === undefined) return 'null';
  const root: Record<string, Node> = {};
  for (const key of Object.keys(map)) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (typeof next !== 'object') node[part] = {};
      node = node[part] as Record<string, Node>;
    }
    node[parts[parts.length - 1]!] = 'text';
  }
  return root;
}

/** The stored node of a top-level field. */
function topLevel(doc: UserRecord, name: string): Node {
  const extra = doc.extra?.[name];
  if (extra !== undefined) return fromExtra(extra);
  if (name === '_id') return 'id';
  if (TEXT_FIELDS.includes(name)) return 'text';
  if (NUMBER_FIELDS.includes(name)) return 'number';
  if (name === 'params') return fromMap(doc.params);
  if (name === 'privacy') return fromMap(doc.privacy);
  return undefined;
}

/** Why MongoDB refuses to `$set` this one path in `doc`, or `undefined` when it accepts it. */
function refusalOfPath(doc: UserRecord, path: string): string | undefined {
  if (path.includes('\u0000')) return `"${path}": a BSON key cannot hold a NUL character`;
  const parts = path.split('.');
  if (parts.some((part) => part === '')) return `"${path}": an empty field name`;
  const dollar = parts.find((part) => part.startsWith('$'));
  if (dollar !== undefined) return `"${path}": the $-prefixed field "${dollar}"`;
  if (parts[0] === '_id') return `"${path}": the immutable field _id`;
  let node = topLevel(doc, parts[0]!);
  for (let i = 1; i < parts.length; i += 1) {
    if (node === undefined) return undefined;
    if (typeof node !== 'object') {
      return `"${path}": cannot create a field inside ${parts.slice(0, i).join('.')}, which holds ${node === 'null' ? 'null' : `a ${node}`}`;
    }
    node = node[parts[i]!];
  }
  return undefined;
}

/**
 * Why MongoDB refuses a `$set` of these paths (lower-cased SetUserInfo keys) in `doc`, or `undefined`: an empty
 * name, a `$`-prefixed or NUL-holding name, `_id`, a path through a field that holds text, a number or null,
 * or two paths of which one lies inside the other ("would create a conflict").
 */
export function setRefusal(doc: UserRecord, paths: readonly string[]): string | undefined {
  for (const path of paths) {
    const refusal = refusalOfPath(doc, path);
    if (refusal !== undefined) return refusal;
  }
  const unique = [...new Set(paths)];
  for (const outer of unique) {
    const inner = unique.find((path) => path.startsWith(`${outer}.`));
    if (inner !== undefined) return `"${inner}" and "${outer}" conflict`;
  }
  return undefined;
}

/** Whether `$inc` of a counter fails: SetUserInfo stored it as text. */
export function counterIsText(doc: UserRecord, field: 'follows' | 'fans'): boolean {
  return doc.extra?.[field] !== undefined;
}

/**
 * Applies a `$set` of a custom path that MongoDB accepted: `params.<name>` and `privacy.<name>` (nested names
 * included) go to their map, anything else to the fields the typed record does not hold.
 */
export function setCustomPath(doc: UserRecord, path: string, value: string): void {
  const parts = path.split('.');
  const mapField = parts[0] === 'params' || parts[0] === 'privacy' ? parts[0] : undefined;
  if (mapField !== undefined && parts.length > 1 && doc.extra?.[mapField] === undefined) {
    const name = parts.slice(1).join('.');
    const map = doc[mapField] ?? {};
    // Setting a.b replaces whatever a.b held, a document included.
    for (const key of Object.keys(map)) if (key.startsWith(`${name}.`)) delete map[key];
    map[name] = value;
    doc[mapField] = map;
    return;
  }
  const extra: Record<string, ExtraValue> = doc.extra ?? {};
  let node: Record<string, ExtraValue> = extra;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object') node[part] = {};
    node = node[part] as Record<string, ExtraValue>;
  }
  node[parts[parts.length - 1]!] = value;
  doc.extra = extra;
}
