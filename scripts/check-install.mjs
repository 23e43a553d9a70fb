#!/usr/bin/env node
// Installs the release as a user outside this repository would, and uses it. After a build:
// 1. packs every publishable package (scripts/pack-release.mjs);
// 2. in a scratch project, installs @birdtalk/bot and @birdtalk/client from the tarballs with plain npm (the
//    other @birdtalk packages they need come from the tarballs through `overrides`, third-party ones from the
//    registry), type-checks a bot with `skipLibCheck: false` and no @types/ws, and runs it against a reference
//    server: a second account sends /ping and must get pong;
// 3. installs the packed CLI globally (into a scratch prefix) and registers an account with it.
// Prints what it did; exits non-zero on the first failure.
import { execFile, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'birdtalk-install-'));
const started = Date.now();
const step = (text) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${text}`);

/** Runs a command without blocking this process's event loop (the reference server runs in it). */
async function runAsync(command, args, options = {}) {
  try {
    const { stdout } = await promisify(execFile)(command, args, { encoding: 'utf8', ...options });
    return stdout;
  } catch (error) {
    throw new Error(
      `${command} ${args.join(' ')} failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`,
    );
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.status ?? result.signal}\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

let server;
try {
  const release = join(scratch, 'release');
  run(process.execPath, [join(root, 'scripts', 'pack-release.mjs'), '--out', release], { stdio: 'pipe' });
  const tarballs = JSON.parse(readFileSync(join(release, 'tarballs.json'), 'utf8'));
  const tarball = (name) => `file:${join(release, tarballs[name])}`;
  step(`packed ${Object.keys(tarballs).length} packages`);

  const project = join(scratch, 'project');
  mkdirSync(project);
  const overrides = Object.fromEntries(
    Object.keys(tarballs)
      .filter((name) => name !== '@birdtalk/cli')
      .map((name) => [name, tarball(name)]),
  );
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify(
      {
        name: 'scratch-bot',
        private: true,
        type: 'module',
        dependencies: {
          '@birdtalk/bot': tarball('@birdtalk/bot'),
          '@birdtalk/client': tarball('@birdtalk/client'),
          '@types/node': '^20.19.0',
        },
        overrides,
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        skipLibCheck: false,
        types: ['node'],
        outDir: 'out',
      },
      files: ['bot.ts'],
    }),
  );
  copyFileSync(join(root, 'scripts', 'install-check', 'bot.ts'), join(project, 'bot.ts'));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project });
  const installed = JSON.parse(run('npm', ['ls', '--all', '--json'], { cwd: project }));
  const names = new Set();
  const walk = (deps) => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      if (node.version !== undefined) names.add(name);
      walk(node.dependencies);
    }
  };
  walk(installed.dependencies);
  if (names.has('@types/ws'))
    throw new Error('@types/ws was installed; the published types must not need it');
  if (names.has('@birdtalk/server')) throw new Error('a bot must not install the reference server');
  step(`npm installed @birdtalk/bot and @birdtalk/client: ${[...names].sort().join(', ')}`);

  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project]);
  step('the bot type-checks with skipLibCheck: false');

  const { createServer } = await import(join(root, 'packages', 'server', 'dist', 'index.js'));
  server = await createServer({ port: 0 });
  const botId = await server.createUser({ userName: 'pingbot', password: 'bot-secret' });
  const annId = await server.createUser({ userName: 'ann', password: 'ann-secret' });
  await server.follow(botId, annId);
  await server.follow(annId, botId);
  const output = await runAsync(process.execPath, [join(project, 'out', 'bot.js')], {
    cwd: project,
    timeout: 30_000,
    env: {
      ...process.env,
      BIRDTALK_URL: server.url,
      BOT_ID: botId,
      ANN_ID: annId,
      STATE_DIR: join(scratch, 'state'),
    },
  });
  if (!output.includes('the bot answered: pong')) throw new Error(`the bot did not answer: ${output}`);
  step('the installed bot answered /ping on a reference server');

  const prefix = join(scratch, 'global');
  run('npm', [
    'install',
    '--global',
    '--prefix',
    prefix,
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    join(release, tarballs['@birdtalk/cli']),
  ]);
  const birdtalk = join(prefix, 'bin', 'birdtalk');
  if (!existsSync(birdtalk)) throw new Error(`npm install -g made no ${birdtalk}`);
  run(birdtalk, ['--help']);
  const register = runAsync(
    birdtalk,
    ['register', '--server', server.url, '--name', 'carol', '--home', join(scratch, 'home')],
    {
      env: { ...process.env, BIRDTALK_PASSWORD: 'carol-secret' },
    },
  );
  const userId = (await register).trim();
  if (!/^[1-9][0-9]*$/.test(userId)) throw new Error(`birdtalk register printed ${userId}`);
  step(`npm install -g of the CLI gives a birdtalk command that registered user ${userId}`);
  if (server.hazards().length > 0) throw new Error(`hazards: ${JSON.stringify(server.hazards())}`);
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exitCode = 1;
} finally {
  await server?.close();
  if (process.env.KEEP_SCRATCH === undefined) rmSync(scratch, { recursive: true, force: true });
  else console.log(`kept ${scratch}`);
}
