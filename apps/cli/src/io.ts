/** A stream the CLI writes to: `process.stdout` / `process.stderr`, or a collector in tests. */
export interface OutStream {
  write(chunk: string | Uint8Array): boolean;
  /** Whether it is a terminal (progress bars only go to terminals). */
  readonly isTTY?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

/** Everything the CLI takes from its process, so that commands run the same in-process in tests. */
export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Aborts when the user interrupts (SIGINT) or the process is asked to stop (SIGTERM). */
  readonly interrupt: AbortSignal;
}

/** Writes `chunk` and waits for the stream to drain when its buffer is full (large downloads to stdout). */
export async function writeAll(stream: OutStream, chunk: string | Uint8Array): Promise<void> {
  if (stream.write(chunk) || stream.once === undefined) return;
  await new Promise<void>((resolve) => stream.once?.('drain', resolve));
}
