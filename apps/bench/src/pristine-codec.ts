import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `Msg` codec of plain protobufjs static code: what a user of protobufjs alone would run. */
export interface PristineCodec {
  encode(message: unknown): { finish(): Uint8Array };
  decode(bytes: Uint8Array): unknown;
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Generates plain protobufjs static code for the same schema (no exact-int64 reader or writer, no validation),
 * so the baseline is what a user of protobufjs alone would run.
 */
export function loadPristineCodec(): PristineCodec {
  const cacheDir = join(here, '..', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  const out = join(cacheDir, 'pristine-codec.cjs');
  const require = createRequire(import.meta.url);
  const pbjs = join(dirname(require.resolve('protobufjs-cli/package.json')), 'bin', 'pbjs');
  const protoDir = join(here, '..', '..', '..', 'proto');
  execFileSync(process.execPath, [
    pbjs,
    '-t',
    'static-module',
    // Its own root, so it cannot touch anything else registered with protobufjs in this process.
    '-r',
    'pristine',
    '-w',
    'commonjs',
    '--keep-case',
    '--no-comments',
    '--no-service',
    '-p',
    protoDir,
    '-o',
    out,
    'msg.proto',
    'user.proto',
  ]);
  const generated = require(out) as {
    com: { bird2fish: { birdtalksdk: { pbmodel: { Msg: PristineCodec } } } };
  };
  const msg = generated.com.bird2fish.birdtalksdk.pbmodel.Msg;
  return { encode: (m) => msg.encode(m as never), decode: (b) => msg.decode(b) };
}
