import type { ClientOptions } from '@birdtalk/client';
import type { NodeTlsOptions } from '@birdtalk/client/node';
import { InvalidArgumentError } from '@birdtalk/errors';

/** The code of the error {@link botEnvironment} throws for a missing or malformed setting. */
export const BOT_CONFIG_INVALID = 'BOT_CONFIG_INVALID';

/** A configuration problem: the message names the variable and what it should hold. */
function configError(message: string): InvalidArgumentError {
  return new InvalidArgumentError(BOT_CONFIG_INVALID, message);
}

/** What a bot needs to log in, read from the environment. */
export interface BotEnvironment {
  readonly server: string;
  readonly credentials: ClientOptions['credentials'];
  readonly stateDir: string;
  readonly tls: NodeTlsOptions;
  /** Whether `BIRDTALK_INSECURE=1` switched certificate checks off. */
  readonly insecure: boolean;
  /** Where to serve the health endpoint (`serveHealth`), when `BIRDTALK_HEALTH_PORT` is set. */
  readonly health?: { readonly port: number; readonly host?: string };
}

/**
 * Reads the bot's login from the environment:
 *
 * - `BIRDTALK_SERVER` — the WebSocket URL (required), e.g. `wss://chat.example.com:7817/ws`;
 * - `BIRDTALK_BOT_PASSWORD` — its password (required);
 * - `BIRDTALK_BOT_ID` — its user id; or `BIRDTALK_BOT_NAME` — a user name to register on the first start;
 * - `BIRDTALK_BOT_STATE_DIR` — where its key, delivery state and registered id live (default `fallbackStateDir`);
 * - `BIRDTALK_PIN` — the SHA-256 fingerprint of the server's certificate; `BIRDTALK_INSECURE=1` skips the check;
 * - `BIRDTALK_HEALTH_PORT` — a TCP port for the health endpoint (0 for any free one), on `BIRDTALK_HEALTH_HOST`
 *   (default `127.0.0.1`: set `0.0.0.0` where a container's health is checked from outside).
 *
 * @throws InvalidArgumentError {@link BOT_CONFIG_INVALID} naming what is missing or malformed.
 */
export function botEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  fallbackStateDir: string,
): BotEnvironment {
  const value = (name: string): string | undefined => {
    const text = env[name]?.trim();
    return text === undefined || text === '' ? undefined : text;
  };
  const server = value('BIRDTALK_SERVER');
  if (server === undefined || !/^wss?:\/\//i.test(server) || !URL.canParse(server)) {
    throw configError('BIRDTALK_SERVER must be the server URL, e.g. wss://chat.example.com:7817/ws');
  }
  const password = env.BIRDTALK_BOT_PASSWORD;
  if (password === undefined || password === '') throw configError('BIRDTALK_BOT_PASSWORD is required');
  const id = value('BIRDTALK_BOT_ID');
  const name = value('BIRDTALK_BOT_NAME');
  let credentials: ClientOptions['credentials'];
  if (id !== undefined) {
    if (!/^[1-9][0-9]*$/.test(id)) throw configError('BIRDTALK_BOT_ID must be a user id (a positive number)');
    credentials = { method: 'id', userId: id, password };
  } else if (name !== undefined) {
    credentials = { method: 'register', userName: name, password };
  } else {
    throw configError(
      'set BIRDTALK_BOT_ID (to log in) or BIRDTALK_BOT_NAME (to register on the first start)',
    );
  }
  const pin = value('BIRDTALK_PIN');
  if (pin !== undefined && !/^(?:[0-9a-f]{2}:?){31}[0-9a-f]{2}$/i.test(pin)) {
    throw configError('BIRDTALK_PIN must be a SHA-256 fingerprint (64 hex digits)');
  }
  const insecure = value('BIRDTALK_INSECURE') === '1';
  const healthPort = value('BIRDTALK_HEALTH_PORT');
  if (healthPort !== undefined && !(/^[0-9]{1,5}$/.test(healthPort) && Number(healthPort) <= 65_535)) {
    throw configError('BIRDTALK_HEALTH_PORT must be a TCP port (0 to 65535)');
  }
  const healthHost = value('BIRDTALK_HEALTH_HOST');
  return {
    server,
    credentials,
    stateDir: value('BIRDTALK_BOT_STATE_DIR') ?? fallbackStateDir,
    tls: {
      ...(pin === undefined ? {} : { pinSha256: pin }),
      ...(insecure ? { dangerouslyDisableTlsVerification: true } : {}),
    },
    insecure,
    ...(healthPort === undefined
      ? {}
      : { health: { port: Number(healthPort), ...(healthHost === undefined ? {} : { host: healthHost }) } }),
  };
}
