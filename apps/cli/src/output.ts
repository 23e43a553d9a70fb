import type { DescribedError } from './errors.js';
import type { OutStream } from './io.js';

/** A machine-readable record: `type` says what it is; `--json` prints one per line. */
export interface OutputRecord {
  readonly type: string;
  readonly [field: string]: unknown;
}

/**
 * Where a command's output goes. Results go to stdout — as text for people, or with `--json` as one JSON object
 * per line; notes, warnings and errors go to stderr, so stdout stays clean for pipes.
 */
export interface Output {
  readonly json: boolean;
  /** A result: `record` with `--json`, otherwise the human lines (none when `human` is undefined). */
  result(record: OutputRecord, human?: string | readonly string[]): void;
  /** A remark for people (progress, "listening…"); nothing with `--json`. */
  note(text: string): void;
  /** A warning, on stderr in both modes. */
  warn(text: string): void;
  /** The one line of a failure, on stderr. */
  error(error: DescribedError, details?: readonly string[]): void;
}

/** Creates the output of one run. */
export function createOutput(stdout: OutStream, stderr: OutStream, json: boolean): Output {
  const line = (stream: OutStream, text: string): void => {
    stream.write(`${text}\n`);
  };
  return {
    json,
    result(record, human) {
      if (json) line(stdout, JSON.stringify(record));
      else if (typeof human === 'string') line(stdout, human);
      else if (human !== undefined) for (const text of human) line(stdout, text);
    },
    note(text) {
      if (!json) line(stderr, text);
    },
    warn(text) {
      line(stderr, json ? JSON.stringify({ type: 'warning', message: text }) : `warning: ${text}`);
    },
    error(error, details = []) {
      if (json) {
        line(
          stderr,
          JSON.stringify({
            type: 'error',
            code: error.code,
            message: error.message,
            exitCode: error.exitCode,
            ...(details.length === 0 ? {} : { details }),
          }),
        );
        return;
      }
      line(stderr, `birdtalk: ${error.message}`);
      for (const detail of details) line(stderr, detail);
    },
  };
}

/** JSON of log fields and other loose values: bigints as decimal text, bytes as their length. */
export function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_, field: unknown) =>
      typeof field === 'bigint'
        ? field.toString()
        : field instanceof Uint8Array
          ? `<${field.byteLength} bytes>`
          : field,
    );
  } catch {
    return '[unprintable]';
  }
}
