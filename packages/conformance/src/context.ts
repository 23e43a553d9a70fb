import type { EncType } from '@birdtalk/crypto';
import type { Clock } from '@birdtalk/runtime';
import { Connection, type ConnectionHost } from './connection.js';
import type { ScenarioCrypto } from './crypto.js';
import type { OpenSocket } from './socket.js';
import type { TranscriptSource } from './transcript.js';

/** What a scenario runs with. */
export interface ScenarioDeps {
  readonly clock: Clock;
  readonly crypto: ScenarioCrypto;
  readonly openSocket: OpenSocket;
}

/**
 * The context a scenario drives the server through: it opens connections, splits the transcript into steps
 * with {@link ScenarioContext.settle}, and collects what the normaliser must know (names, secrets).
 */
export class ScenarioContext implements ConnectionHost, TranscriptSource {
  readonly scenario: string;
  readonly url: string;
  readonly timeoutMs: number;
  readonly clock: Clock;
  readonly crypto: ScenarioCrypto;
  readonly connections: Connection[] = [];
  readonly notes: Array<{ step: number; text: string }> = [];
  readonly names = new Map<string, string>();
  readonly secrets = new Set<string>();
  step = 0;

  readonly #ids = new Map<string, string>();
  readonly #openSocket: OpenSocket;
  #lastReceivedAt: number;

  constructor(url: string, scenario: string, timeoutMs: number, deps: ScenarioDeps) {
    this.url = url;
    this.scenario = scenario;
    this.timeoutMs = timeoutMs;
    this.clock = deps.clock;
    this.crypto = deps.crypto;
    this.#openSocket = deps.openSocket;
    this.#lastReceivedAt = deps.clock.now();
  }

  received(): void {
    this.#lastReceivedAt = this.clock.now();
  }

  secret(value: string): void {
    this.secrets.add(value);
  }

  name(kind: 'U' | 'G', id: string, name: string): void {
    if (id === '0' || id === '') return;
    const key = `${kind}:${BigInt(id).toString()}`;
    this.names.set(key, name);
    this.#ids.set(name, id);
  }

  /** The id of a user or group the scenario named. */
  id(name: string): string {
    const id = this.#ids.get(name);
    if (id === undefined) throw new Error(`no id learnt for ${name}`);
    return id;
  }

  /** Milliseconds since the epoch, as the scenario's clock says. */
  nowMs(): number {
    return this.clock.now();
  }

  /** Opens a connection labelled `label` (a failed connect is a note in the transcript). */
  async connect(label: string): Promise<Connection> {
    const connection = new Connection(this, label);
    this.connections.push(connection);
    try {
      connection.attach(await this.#openSocket(this.url));
    } catch (error) {
      connection.note(`connect failed: ${error instanceof Error ? error.name : 'Error'}`);
    }
    return connection;
  }

  /** Connects, says Hello (or runs a whole handshake) and registers an anonymous user. */
  async user(
    label: string,
    name: string,
    password: string,
    options: { handshake?: boolean; enc?: EncType } = {},
  ): Promise<Connection> {
    const connection = await this.connect(label);
    if (options.handshake) await connection.handshake(options.enc ?? 'AES-CTR');
    else await connection.hello();
    await connection.register(name, password);
    return connection;
  }

  /** A scenario-wide transcript line `** text` in the current step. */
  note(text: string): void {
    this.notes.push({ step: this.step, text });
  }

  /**
   * Waits until every connection is quiet and starts a new step: two rounds of runner heartbeats (a server
   * handles one connection's frames in order, so afterwards everything caused by earlier requests is queued),
   * then `idleMs` without any frame (at most 3 s).
   */
  async settle(idleMs = 200, timeoutMs = this.timeoutMs): Promise<void> {
    for (let round = 0; round < 2; round += 1) {
      await Promise.all(this.connections.map((connection) => connection.settleRoundTrip(timeoutMs)));
    }
    const end = this.clock.now() + 3_000;
    while (this.clock.now() < end) {
      const left = idleMs - (this.clock.now() - this.#lastReceivedAt);
      if (left <= 0) break;
      await new Promise<void>((resolve) => this.clock.setTimeout(resolve, left));
    }
    this.step += 1;
  }

  /** Waits `ms` milliseconds. */
  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => this.clock.setTimeout(resolve, ms));
  }

  /** Stops recording and closes every connection. */
  async finish(): Promise<void> {
    await Promise.all(this.connections.map((connection) => connection.finish()));
  }
}
