/** Severity of a log record, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured context of a log record. Values are redacted by {@link redactFields} before any sink sees them. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * Where the SDK reports what it does. Library code never writes to the console: it logs through an injected
 * `Logger`, which the application routes wherever it wants.
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /**
   * Whether records at `level` would be kept. Lets callers skip building costly debug fields (such as a
   * redacted copy of every frame) when nobody will read them. Loggers without it are assumed to keep all.
   */
  isLevelEnabled?(level: LogLevel): boolean;
}

/** One log record, as handed to a sink by {@link createLogger}. */
export interface LogRecord {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: LogFields;
  /** Milliseconds since the Unix epoch. */
  readonly time: number;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /**
   * Records below this level are dropped.
   * @defaultValue `'info'`
   */
  level?: LogLevel;
  /** Fields added to every record, such as a component name. */
  bindings?: LogFields;
  /** The clock that stamps records. Defaults to `Date.now`. */
  now?: () => number;
}

/** A logger that drops everything. The default wherever a logger is optional. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  isLevelEnabled: () => false,
};

const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Builds a {@link Logger} that hands each record at or above `level` to `sink`, with secret-looking fields
 * redacted first.
 *
 * @example
 * ```ts
 * const logger = createLogger((record) => process.stderr.write(`${JSON.stringify(record)}\n`), { level: 'debug' });
 * ```
 */
export function createLogger(sink: (record: LogRecord) => void, options: LoggerOptions = {}): Logger {
  const threshold = levelRank[options.level ?? 'info'];
  const bindings = options.bindings ?? {};
  const now = options.now ?? Date.now;
  const log =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}): void => {
      if (levelRank[level] < threshold) return;
      sink({ level, message, fields: redactFields({ ...bindings, ...fields }), time: now() });
    };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    isLevelEnabled: (level) => levelRank[level] >= threshold,
  };
}

/**
 * Field names whose values are never logged (case-insensitive): passwords, keys, handshake proofs, download
 * signatures and verification codes.
 */
const secretFieldPattern =
  /^(?:pwd|pass|passwd|password|secret|key|sharedkey|shared_key|privatekey|private_key|checktokendata|checktoken|token|tempkey|sign|signature|verificationcode)$|(?:password|secret|sharedkey|privatekey)$/i;

/**
 * A copy of `fields` where every value under a secret-looking name (password, shared key, check token,
 * verification code, signature…) is replaced by `'[redacted]'`, recursively. A defence in depth: callers should
 * not pass secrets to a logger in the first place.
 */
export function redactFields(fields: LogFields, depth = 0): LogFields {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = secretFieldPattern.test(key) ? '[redacted]' : redactValue(value, depth);
  }
  return out;
}

function redactValue(value: unknown, depth: number): unknown {
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  if (depth >= 6 || typeof value !== 'object' || value === null || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  return redactFields(value as LogFields, depth + 1);
}
