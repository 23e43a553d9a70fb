// Rewrites test/fixtures/*.hex from the independent wire builder. Run only when a golden frame is added:
//   node --conditions=@birdtalk/source --import tsx test/write-fixtures.ts
import { writeFileSync } from 'node:fs';
import { goldenFrames } from './golden.js';
import { hex } from './wire.js';

for (const frame of goldenFrames) {
  writeFileSync(new URL(`./fixtures/${frame.name}.hex`, import.meta.url), `${hex(frame.wire)}\n`);
}
console.log(`wrote ${goldenFrames.length} fixtures`);
