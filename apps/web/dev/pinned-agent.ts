// A browser cannot pin a certificate, but the development server in front of the page can: it forwards `/ws`
// and `/filestore` to the BirdTalk server through this agent, which accepts exactly the certificate whose
// SHA-256 fingerprint was given — the way to use the real server's expired self-signed certificate.
import { createHash } from 'node:crypto';
import { Agent, type AgentOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { type ConnectionOptions, connect as tlsConnect } from 'node:tls';

/** `AB:cd:…` or `abcd…` → `abcd…` (lower-case hex without separators). */
export function normalizePin(pin: string): string {
  const hex = pin.replace(/[:\s]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('a pin is the SHA-256 of the certificate: 64 hex digits');
  return hex;
}

/**
 * An HTTPS agent that trusts only a certificate with this fingerprint, whatever its chain, expiry or host name.
 * Nothing is written to the connection before the fingerprint matched.
 */
export function pinnedAgent(pin: string, options: AgentOptions = {}): Agent {
  const wanted = normalizePin(pin);
  const agent = new Agent({ ...options, keepAlive: false });
  (agent as unknown as { createConnection: (options: ConnectionOptions) => Duplex }).createConnection = (
    connectOptions,
  ) => {
    const socket = tlsConnect({ ...connectOptions, rejectUnauthorized: false });
    socket.cork();
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate()?.raw;
      const presented = raw === undefined ? undefined : createHash('sha256').update(raw).digest('hex');
      if (presented === wanted) socket.uncork();
      else
        socket.destroy(
          new Error(`the server's certificate (SHA-256 ${presented ?? 'none'}) is not the pinned one`),
        );
    });
    return socket;
  };
  return agent;
}
