import type { Msg } from '@birdtalk/proto';
import { jsonText } from './json-text.js';
import { Normaliser, type NormaliserFacts } from './normalise.js';
import { messageToDict } from './to-dict.js';

/** One thing that happened on a connection, in the step (between two settles) it happened in. */
export type TranscriptEvent =
  | { readonly step: number; readonly kind: 'send'; readonly frame: Msg | string | 'close' }
  | { readonly step: number; readonly kind: 'recv'; readonly frame: Msg }
  | { readonly step: number; readonly kind: 'text'; readonly text: string }
  | { readonly step: number; readonly kind: 'close'; readonly code: number | null }
  | { readonly step: number; readonly kind: 'note'; readonly text: string };

/** What a transcript is rendered from: the connections in the order they were opened, and scenario notes. */
export interface TranscriptSource extends NormaliserFacts {
  readonly scenario: string;
  /** The step the scenario ended in. */
  readonly step: number;
  readonly connections: ReadonlyArray<{
    readonly label: string;
    readonly events: readonly TranscriptEvent[];
  }>;
  /** Scenario-wide lines (`** text`), by step. */
  readonly notes: ReadonlyArray<{ readonly step: number; readonly text: string }>;
}

const compact = { sortKeys: true, ensureAscii: false } as const;

/**
 * The normalised transcript of one scenario, in the golden files' format: `# scenario NAME`, then per step
 * `== step N` and each connection's lines in order (connections in the order they were opened), then the
 * step's `**` notes; an error the scenario ended with comes last as `!! …`.
 */
export function renderTranscript(source: TranscriptSource, error?: string): string {
  const normaliser = new Normaliser(source);
  const lines = [`# scenario ${source.scenario}`];
  const lastStep = Math.max(
    source.step,
    ...source.connections.flatMap((connection) => connection.events.map((event) => event.step)),
    ...source.notes.map((note) => note.step),
  );
  for (let step = 0; step <= lastStep; step += 1) {
    const body: string[] = [];
    for (const { label, events } of source.connections) {
      for (const event of events) {
        if (event.step === step) body.push(`${label}${eventLine(event, normaliser)}`);
      }
    }
    for (const note of source.notes) if (note.step === step) body.push(`** ${note.text}`);
    if (body.length > 0 || step < lastStep) lines.push(`== step ${step + 1}`, ...body);
  }
  if (error !== undefined) lines.push(`!! ${error}`);
  return `${lines.join('\n')}\n`;
}

function eventLine(event: TranscriptEvent, normaliser: Normaliser): string {
  switch (event.kind) {
    case 'send':
      if (typeof event.frame === 'string') {
        // Frames the scenario sent as text are printed as sent (ASCII-escaped), not normalised.
        const shown =
          event.frame === 'close' ? new Map([['close', 'client']]) : new Map([['text', event.frame]]);
        return `> ${jsonText(shown, { sortKeys: false, ensureAscii: true })}`;
      }
      return `> ${jsonText(normaliser.message(messageToDict('Msg', event.frame)), compact)}`;
    case 'recv':
      return `< ${jsonText(normaliser.message(messageToDict('Msg', event.frame)), compact)}`;
    case 'text':
      return `< ${jsonText(new Map([['text', normaliser.string(event.text)]]), { sortKeys: false, ensureAscii: false })}`;
    case 'close':
      return `< ${jsonText(new Map([['close', event.code]]), compact)}`;
    case 'note':
      return `! ${event.text}`;
  }
}
