// Small pure helpers of the views: how states, sizes, times and addresses are shown.
import type { MessageState } from '@birdtalk/client';

/** The mark after one of our messages, and what a screen reader says for it. */
export function stateMark(state: MessageState | undefined): {
  readonly mark: string;
  readonly label: string;
} {
  switch (state) {
    case 'sending':
      return { mark: '…', label: 'sending' };
    case 'sent':
      return { mark: '✓', label: 'sent' };
    case 'delivered':
      return { mark: '✓✓', label: 'delivered' };
    case 'read':
      return { mark: '✓✓ read', label: 'read' };
    case 'failed':
      return { mark: '⚠ not sent', label: 'not sent' };
    default:
      return { mark: '', label: '' };
  }
}

/** `1536` → `1.5 KiB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** A message time: `14:05` today, `3 Dec 14:05` on other days (in the viewer's time zone). */
export function formatTime(time: number, now: number): string {
  const at = new Date(time);
  const clock = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === new Date(now).toDateString()
    ? clock
    : `${at.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${clock}`;
}

/**
 * The BirdTalk URL a page served by this app's server uses: the same host, with `/ws` forwarded to the
 * BirdTalk server (`ws://` for an `http:` page, `wss://` for an `https:` one).
 */
export function sameOriginServer(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

/** What the connection state is called in the status bar. */
export function connectionLabel(state: string): string {
  switch (state) {
    case 'ready':
      return 'connected';
    case 'reconnecting':
      return 'reconnecting…';
    case 'closed':
    case 'stopping':
      return 'disconnected';
    case 'idle':
      return 'not connected';
    default:
      return 'connecting…';
  }
}
