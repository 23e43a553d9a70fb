import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../src/runner.js';
import { documentedScenarios, realServerScenarios, scenarios } from '../src/scenarios/index.js';

/** Transcripts recorded from the real server (robinfoxnan/BirdTalkServer 653b489, unmodified). */
const realGolden = new URL('../golden/real-653b489/', import.meta.url).pathname;
/** Transcripts of the documented scenarios, recorded from the reference server and reviewed against the reference. */
const referenceExpected = new URL('../expected/reference/', import.meta.url).pathname;

let server: BirdTalkServer;
let output = '';
let result: Awaited<ReturnType<typeof runConformance>>;
let documentedOutput = '';
let documentedResult: Awaited<ReturnType<typeof runConformance>>;

beforeAll(async () => {
  // One fresh strict server for the whole set, as the golden files were recorded on one fresh instance.
  server = await createServer({ port: 0, strict: true });
  result = await runConformance({
    url: server.url,
    scenarios: realServerScenarios,
    mode: 'compare',
    dir: realGolden,
    write: (text) => {
      output += text;
    },
  });
  documentedResult = await runConformance({
    url: server.url,
    scenarios: documentedScenarios,
    mode: 'compare',
    dir: referenceExpected,
    write: (text) => {
      documentedOutput += text;
    },
  });
}, 300_000);

afterAll(async () => {
  await server.close();
});

describe('the reference server against the golden and expected transcripts', () => {
  it('has a scenario for every golden file and a golden file for every one of the 27 real-server scenarios', () => {
    const goldens = readdirSync(realGolden)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => name.slice(0, -4))
      .sort();
    expect(goldens).toHaveLength(27);
    expect(realServerScenarios.map((scenario) => scenario.name)).toEqual(goldens);
  });

  it('keeps the documented scenarios apart: none has a real-server golden file, each has an expected file', () => {
    const goldens = readdirSync(realGolden);
    const expected = readdirSync(referenceExpected).sort();
    expect(documentedScenarios.length).toBeGreaterThanOrEqual(20);
    expect(documentedScenarios.filter((scenario) => goldens.includes(`${scenario.name}.txt`))).toEqual([]);
    expect(expected).toEqual(documentedScenarios.map((scenario) => `${scenario.name}.txt`));
    expect(scenarios).toHaveLength(realServerScenarios.length + documentedScenarios.length);
  });

  it('matches every golden transcript, and the last line says so', () => {
    expect(output.trimEnd().split('\n').at(-1)).toBe('27 passed, 0 failed');
    expect(result).toMatchObject({ passed: 27, failed: 0, serverGone: false });
    expect(server.hazards()).toEqual([]);
  });

  it('matches the expected transcripts of the documented scenarios, with no hazard', () => {
    expect(documentedOutput.trimEnd().split('\n').at(-1)).toBe(
      `${documentedScenarios.length} passed, 0 failed`,
    );
    expect(documentedResult).toMatchObject({ failed: 0, serverGone: false });
    expect(server.hazards()).toEqual([]);
  });

  it('reports a transcript that differs from its golden file with a diff, and counts it as failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conformance-'));
    const golden = readFileSync(join(realGolden, 'hello_waitlogin.txt'), 'utf8');
    writeFileSync(
      join(dir, 'hello_waitlogin.txt'),
      golden.replace('"stage": "waitlogin"', '"stage": "needlogin"'),
    );
    let text = '';
    const run = await runConformance({
      url: server.url,
      scenarios: scenarios.filter((scenario) => ['hello_waitlogin', 'text_echo'].includes(scenario.name)),
      mode: 'compare',
      dir,
      write: (chunk) => {
        text += chunk;
      },
    });
    expect(run).toMatchObject({ passed: 0, failed: 2 });
    expect(text).toContain(
      'hello_waitlogin: differs\n--- golden/hello_waitlogin.txt\n+++ actual/hello_waitlogin.txt\n',
    );
    expect(text).toContain(
      '-A< {"msgType": "MsgTHello", "plainMsg": {"hello": {"platform": "windows", "stage": "needlogin"',
    );
    expect(text).toContain(
      '+A< {"msgType": "MsgTHello", "plainMsg": {"hello": {"platform": "windows", "stage": "waitlogin"',
    );
    expect(text).toContain('text_echo: no golden file\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe('0 passed, 2 failed');
  });

  it('records transcripts that then compare equal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conformance-'));
    const chosen = scenarios.filter((scenario) => scenario.name === 'hello_version_error');
    let text = '';
    const write = (chunk: string): void => {
      text += chunk;
    };
    await runConformance({ url: server.url, scenarios: chosen, mode: 'record', dir, write });
    expect(text).toBe('recorded hello_version_error\n');
    expect(readFileSync(join(dir, 'hello_version_error.txt'), 'utf8')).toBe(
      readFileSync(join(realGolden, 'hello_version_error.txt'), 'utf8'),
    );
  });
});
