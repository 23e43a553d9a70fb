/**
 * What the fragments of the READMEs take as given, by the name their info string uses (`ts fragment=bot`).
 * Only declarations and inline `import()` types, so a fragment may import the same names itself; the checks
 * then prove the fragment right for any values of these types.
 */
export const preambles: Readonly<Record<string, string>> = {
  /** A client, as the client's README sections and the store wiring assume one. */
  client: `
declare const client: import('@birdtalk/client').Client;
declare const message: import('@birdtalk/client').ChatMessage;
declare const signal: AbortSignal;
declare const someId: string;
declare const cutoff: number;
declare const ref: string;
declare const size: number;
declare const group: typeof import('@birdtalk/client').group;
declare const p2p: typeof import('@birdtalk/client').p2p;
declare const imageContent: typeof import('@birdtalk/client').imageContent;
declare const it: typeof import('vitest').it;
declare function createMyStore(): import('@birdtalk/client').Store;
`,
  /** A bot made earlier in the README, and what its handlers talk about. */
  bot: `
declare const client: import('@birdtalk/client').Client;
declare const store: import('@birdtalk/client').Store;
declare const bot: import('@birdtalk/bot').Bot;
declare const log: import('@birdtalk/runtime').Logger;
declare const adminId: string;
declare const adminIds: readonly string[];
declare const supportGroupId: string;
declare function isSubscribed(userId: string | undefined): Promise<boolean>;
declare const subscriberFeatures: import('@birdtalk/bot').Composer;
`,
  /** Only the client a bot is made with, for sections that make their own bot. */
  'bot-client': `
declare const client: import('@birdtalk/client').Client;
declare const store: import('@birdtalk/client').Store;
declare function buildReport(options: { signal: AbortSignal }): Promise<string>;
`,
  /** A reference server started earlier in the README. */
  server: `
declare const server: import('@birdtalk/server').BirdTalkServer;
declare const groupId: string;
declare const snapshotFile: string;
declare const createServer: typeof import('@birdtalk/server').createServer;
`,
  /** A transport to serve, for the section that starts its own server. */
  'server-transport': `
declare const transport: import('@birdtalk/transport').Transport;
`,
  /** What the transport's sections fetch and save. */
  transport: `
declare const signal: AbortSignal;
declare function save(chunk: Uint8Array): void;
`,
  /** The settings an app's README leaves to the reader. */
  app: `
declare const server: string;
declare const credentials: import('@birdtalk/session').Credentials;
declare const someReadableStream: NodeJS.ReadableStream;
`,
};
