import { createLogger, type Logger, type LogLevel } from '@birdtalk/runtime';

/**
 * A logger writing one line per record to a stream (stderr by default): `time level message {fields}`,
 * keeping records at `level` and above (`debug`, `info`, `warn`, `error`; default `info`).
 */
export function createLineLogger(
  stream: { write(text: string): unknown } = process.stderr,
  level: string | undefined = 'info',
): Logger {
  const levels: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const chosen = levels.find((candidate) => candidate === level) ?? 'info';
  return createLogger(
    (record) => {
      const fields = Object.keys(record.fields).length === 0 ? '' : ` ${json(record.fields)}`;
      stream.write(`${new Date(record.time).toISOString()} ${record.level} ${record.message}${fields}\n`);
    },
    { level: chosen },
  );
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value, (_, field: unknown) =>
      typeof field === 'bigint' ? field.toString() : field,
    );
  } catch {
    return '[unprintable]';
  }
}
