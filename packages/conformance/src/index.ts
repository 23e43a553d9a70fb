/**
 * Conformance transcripts for BirdTalk servers: scenarios drive a server over raw WebSocket frames, every frame
 * is recorded, normalised (ids, times and secrets become tokens) and compared with transcripts recorded from
 * the real server.
 *
 * @packageDocumentation
 */

export { Connection, type Want } from './connection.js';
export { ScenarioContext, type ScenarioDeps } from './context.js';
export { createScenarioCrypto, type ScenarioCrypto } from './crypto.js';
export { unifiedDiff } from './diff.js';
export { jsonText } from './json-text.js';
export { Normaliser } from './normalise.js';
export {
  type ConformanceOptions,
  type ConformanceResult,
  defaultScenarioDeps,
  runConformance,
  runScenario,
  serverAnswers,
} from './runner.js';
export { type Scenario, scenarios } from './scenarios/index.js';
export { createWsOpener, type OpenSocket, type RawSocket } from './socket.js';
export { messageToDict } from './to-dict.js';
export { renderTranscript, type TranscriptEvent } from './transcript.js';
