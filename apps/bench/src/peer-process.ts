import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A handle on the peer process (reference server + raw echo server) the benchmarks talk to. */
export interface Peer {
  readonly serverUrl: string;
  readonly echoUrl: string;
  /** Creates `count` users with `password` and returns their ids. */
  createUsers(count: number, password: string): Promise<string[]>;
  /** Makes `from` follow `to` (so that `to` may message `from`). */
  follow(from: string, to: string): Promise<void>;
  /** The peer's memory after a garbage collection. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  /**
   * The CPU time the peer process has used so far (user and system, all its threads), in µs: the difference
   * across a measurement is what the servers in it spent on that measurement.
   */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the peer process and resolves once both of its servers listen. */
export async function startPeer(): Promise<Peer> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./peer.ts', import.meta.url)), [], {
    execArgv: [
      // Run the library the way this process runs it: built (dist) or, under --conditions, from source.
      ...process.execArgv.filter((arg) => arg.startsWith('--conditions')),
      '--import',
      'tsx',
      '--expose-gc',
      '--max-old-space-size=4096',
      ...(process.env.BENCH_PEER_PROFILE === undefined
        ? []
        : ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PEER_PROFILE}`]),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(type: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: { type: string }) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as T);
      };
      const onExit = (code: number | null) => reject(new Error(`peer process exited with ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next<{ serverUrl: string; echoUrl: string }>('ready');
  return {
    serverUrl: ready.serverUrl,
    echoUrl: ready.echoUrl,
    async createUsers(count, password) {
      const reply = next<{ ids: string[] }>('users');
      child.send({ type: 'create-users', count, password });
      return (await reply).ids;
    },
    async follow(from, to) {
      const reply = next<unknown>('followed');
      child.send({ type: 'follow', from, to });
      await reply;
    },
    async memory() {
      const reply = next<{ rss: number; heapUsed: number }>('memory');
      child.send({ type: 'memory' });
      return reply;
    },
    async cpuMicros() {
      const reply = next<{ micros: number }>('cpu');
      child.send({ type: 'cpu' });
      return (await reply).micros;
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}
