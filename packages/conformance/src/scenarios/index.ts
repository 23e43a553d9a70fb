import { accountScenarios } from './accounts.js';
import { chatScenarios } from './chat.js';
import { documentedChatScenarios } from './documented-chat.js';
import { documentedSessionScenarios } from './documented-session.js';
import { documentedSocialScenarios } from './documented-social.js';
import { fileScenarios } from './files.js';
import { friendScenarios } from './friends.js';
import { groupScenarios } from './groups.js';
import { helloScenarios } from './hello.js';
import { keyExchangeScenarios } from './key-exchange.js';
import type { Scenario } from './scenario.js';

export type { Scenario } from './scenario.js';

const byName = (a: Scenario, b: Scenario): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The 27 scenarios whose golden transcripts were recorded from the real server (`golden/real-653b489/`), sorted
 * by name (the order they run in, as the golden files were recorded).
 */
export const realServerScenarios: readonly Scenario[] = [
  ...helloScenarios,
  ...keyExchangeScenarios,
  ...accountScenarios,
  ...friendScenarios,
  ...chatScenarios,
  ...groupScenarios,
  ...fileScenarios,
].sort(byName);

/**
 * Scenarios for the rest of the reference's §16, written from the reference document. No real server was
 * available to record them: their expected transcripts (`expected/reference/`) come from the reference server
 * and were reviewed against the document.
 */
export const documentedScenarios: readonly Scenario[] = [
  ...documentedSessionScenarios,
  ...documentedChatScenarios,
  ...documentedSocialScenarios,
].sort(byName);

/** Every scenario: the real-server ones, then the documented ones. */
export const scenarios: readonly Scenario[] = [...realServerScenarios, ...documentedScenarios];
