import type { Dict, DictValue } from './to-dict.js';

/** Token kinds: users, groups, message and op ids, client send ids, stored file names. */
export type TokenKind = 'U' | 'G' | 'M' | 'S' | 'F';

/** What the normaliser needs to know about the scenario that produced a transcript. */
export interface NormaliserFacts {
  /** Names of the users and groups the scenario created, by `${kind}:${decimal id}`. */
  readonly names: ReadonlyMap<string, string>;
  /** Passwords, tokens and keys the scenario sent or derived, in the order it learnt them. */
  readonly secrets: ReadonlySet<string>;
}

const TIME_KEYS = new Set(['tm', 'sendOk', 'recvOk', 'readOk', 'sendReply', 'recvReply', 'readReply']);
const SECRET_KEYS = new Set([
  'pubKey',
  'tempKey',
  'keyPrint',
  'rsaPrint',
  'checkTokenData',
  'token',
  'key',
  'keyh',
  'sign',
]);
const USER_KEYS = new Set(['userId', 'fromId', 'uid']);
const GROUP_KEYS = new Set(['groupId', 'gid']);
const MESSAGE_KEYS = new Set(['msgId', 'refMessageId', 'littleId', 'bigId']);
// Python's `$` also matches before one final newline, and int() ignores surrounding whitespace.
const INT_RE = /^-?[0-9]+\n?$/;
const BIG_RE = /(?<![0-9])[0-9]{16,19}(?![0-9])/g;
const DATE_FILE_RE = /^[0-9]{8}_/;
const TIME_LOW = 10n ** 12n;
const TIME_HIGH = 10n ** 13n;

/** The integer a value stands for (as Python's `int()` reads a decimal string), or undefined. */
function integerOf(value: DictValue): bigint | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : undefined;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().replace(/(?<=[0-9])_(?=[0-9])/g, '');
  return /^[-+]?[0-9]+$/.test(trimmed) ? BigInt(trimmed) : undefined;
}

function isZeroish(value: DictValue): boolean {
  return value === '' || value === 0 || value === '0' || value === false;
}

/**
 * Rewrites one scenario's transcript so that two runs on two servers compare: ids become tokens numbered per
 * kind by first appearance (`<U:name>` for the scenario's own users and groups), times become `<t>`, keys and
 * secrets `<secret>`. One instance normalises one whole transcript, so an id keeps its token throughout.
 */
export class Normaliser {
  readonly #facts: NormaliserFacts;
  readonly #maps = new Map<TokenKind, Map<string, string>>();
  readonly #usedNames = new Set<string>();

  constructor(facts: NormaliserFacts) {
    this.#facts = facts;
  }

  #map(kind: TokenKind): Map<string, string> {
    let map = this.#maps.get(kind);
    if (map === undefined) {
      map = new Map();
      this.#maps.set(kind, map);
    }
    return map;
  }

  /** The token of one id (zero and empty values stay as they are; non-numeric text too, except file names). */
  token(kind: TokenKind, value: DictValue): DictValue {
    let key: string;
    if (typeof value === 'string') {
      if (value === '' || value === '0') return value;
      if (kind === 'F') {
        key = `s:${value}`;
      } else {
        if (!INT_RE.test(value)) return value;
        key = (integerOf(value) ?? 0n).toString();
      }
    } else {
      if (isZeroish(value) || value === null || typeof value === 'object') return value;
      key = (integerOf(value) ?? 0n).toString();
    }
    const map = this.#map(kind);
    let token = map.get(key);
    if (token === undefined) {
      const named = kind === 'U' || kind === 'G' ? this.#facts.names.get(`${kind}:${key}`) : undefined;
      if (named !== undefined && !this.#usedNames.has(named)) {
        token = `<${kind}:${named}>`;
        this.#usedNames.add(named);
      } else {
        token = `<${kind}${map.size + 1}>`;
      }
      map.set(key, token);
    }
    return token;
  }

  /** The token an already-seen number has (users first, then groups, messages, send ids). */
  #lookup(value: string): string | undefined {
    const number = integerOf(value);
    if (number === undefined) return undefined;
    for (const kind of ['U', 'G', 'M', 'S'] as const) {
      const token = this.#maps.get(kind)?.get(number.toString());
      if (token !== undefined) return token;
    }
    return undefined;
  }

  #isTime(value: DictValue): boolean {
    const number = integerOf(value);
    return number !== undefined && number >= TIME_LOW && number < TIME_HIGH;
  }

  /** Masks secrets inside free text and turns 16–19 digit numbers in it into message tokens. */
  string(text: string): string {
    let out = text;
    for (const secret of this.#facts.secrets) {
      if (secret.length >= 6 && out.includes(secret)) out = out.split(secret).join('<secret>');
    }
    return out.replace(BIG_RE, (digits) => String(this.token('M', digits)));
  }

  /** Normalises one decoded message (see {@link messageToDict}). */
  message(dict: Dict): Dict {
    return this.#walk(dict, undefined, undefined, false) as Dict;
  }

  #walk(value: DictValue, key: string | undefined, parent: Dict | undefined, inParams: boolean): DictValue {
    if (value instanceof Map) {
      const isParams = key === 'params';
      const out: Dict = new Map();
      for (const [childKey, child] of value) out.set(childKey, this.#walk(child, childKey, value, isParams));
      return out;
    }
    if (Array.isArray(value)) return value.map((item) => this.#walk(item, key, parent, false));
    if (key === undefined) return value;
    const lower = key.toLowerCase();
    if (SECRET_KEYS.has(key) || lower.endsWith('pwd') || lower === 'checktokendata') {
      return isZeroish(value) ? value : '<secret>';
    }
    if (typeof value === 'string' && this.#facts.secrets.has(value)) return '<secret>';
    if (TIME_KEYS.has(key)) return isZeroish(value) ? value : '<t>';
    if (!inParams) {
      if (USER_KEYS.has(key)) {
        if (key === 'fromId' && parent?.has('extraMsg') && groupOfReceipt(parent) !== '0') {
          return this.token('G', value);
        }
        return this.token('U', value);
      }
      if (key === 'toId') return this.token(parent?.get('chatType') === 'ChatTypeGroup' ? 'G' : 'U', value);
      if (GROUP_KEYS.has(key)) return this.token('G', value);
      if (MESSAGE_KEYS.has(key)) return this.token('M', value);
      if (key === 'sendId') return this.token('S', value);
      if (key === 'uuidName') return this.token('F', value);
    } else if (typeof value === 'string') {
      return this.#param(value, key, parent);
    }
    if (typeof value === 'string') {
      if (INT_RE.test(value) && this.#isTime(value)) return '<t>';
      if (key === 'fileName' && DATE_FILE_RE.test(value)) return this.token('F', value);
      return this.string(value);
    }
    if (typeof value === 'number' && Number.isInteger(value) && this.#isTime(value)) return '<t>';
    return value;
  }

  /** A value of a `params` map: numbers are ids or times by the key (and sibling keys) that hold them. */
  #param(value: string, key: string, parent: Dict | undefined): DictValue {
    if (key === 'batch') {
      return value
        .split(',')
        .map((part) => (INT_RE.test(part.trim()) ? String(this.token('M', part.trim())) : part))
        .join(',');
    }
    if (INT_RE.test(value) && value !== '0') {
      if (this.#isTime(value)) return '<t>';
      if (
        key === 'uid' ||
        (key === 'value' && parent?.get('mode') === 'id') ||
        (key === 'value' && parent?.get('field') === 'userid')
      ) {
        return this.token('U', value);
      }
      if (key === 'gid' || key === 'keyword') return this.token('G', value);
      const known = this.#lookup(value);
      if (known !== undefined) return known;
      if (value.length >= 16) return this.token('M', value);
    }
    return this.string(value);
  }
}

/** `params.gid` of a receipt-like message (absent = "0"): non-zero means the ids name a group chat. */
function groupOfReceipt(parent: Dict): DictValue {
  const params = parent.get('params');
  return params instanceof Map ? (params.get('gid') ?? '0') : '0';
}
