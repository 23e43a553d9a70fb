import { accountScenarios } from './accounts.js';
import { chatScenarios } from './chat.js';
import { fileScenarios } from './files.js';
import { friendScenarios } from './friends.js';
import { groupScenarios } from './groups.js';
import { helloScenarios } from './hello.js';
import { keyExchangeScenarios } from './key-exchange.js';
import type { Scenario } from './scenario.js';

export type { Scenario } from './scenario.js';

/** Every scenario, sorted by name (the order they run in, as the golden files were recorded). */
export const scenarios: readonly Scenario[] = [
  ...helloScenarios,
  ...keyExchangeScenarios,
  ...accountScenarios,
  ...friendScenarios,
  ...chatScenarios,
  ...groupScenarios,
  ...fileScenarios,
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
