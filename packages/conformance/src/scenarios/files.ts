import { createHash } from 'node:crypto';
import type { Scenario } from './scenario.js';

/** Uploads. */
export const fileScenarios: readonly Scenario[] = [
  {
    name: 'upload_chunks',
    description: 'A two-chunk upload: chunkok "wait next truck", then fileok "finish" with the stored name.',
    async run(ctx) {
      const a = await ctx.user('A', 'upc_alice', 'pw-upc-alice');
      await ctx.settle();
      const ramp = Uint8Array.from({ length: 256 * 3 }, (_, i) => i % 256);
      const data = Buffer.concat([Buffer.from('conformance upload_chunks: '), ramp]);
      const half = Math.floor(data.length / 2);
      const md5 = createHash('md5').update(data).digest('hex');
      for (const [index, part] of [data.subarray(0, half), data.subarray(half)].entries()) {
        await a.request(
          {
            uploadReq: {
              fileName: 'upc-notes.txt',
              fileSize: data.length,
              fileData: new Uint8Array(part),
              hashType: 'md5',
              hashCode: md5,
              fileType: 'text',
              sendId: 61,
              chunkIndex: index,
              chunkCount: 2,
              chunkSize: half,
            },
          },
          ['uploadReply', 'errorMsg'],
        );
        await ctx.settle();
      }
    },
  },
];
