import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { BOT_PACKAGE_VERSION, startupBanner } from './banner.js';

const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

it('names the program, the SDK, the server, the account, the state and the health endpoint', () => {
  expect(BOT_PACKAGE_VERSION).toBe(version);
  expect(
    startupBanner(
      {
        name: 'echo-bot',
        version: '0.1.0',
        account: '10001',
        stateDir: '/var/lib/echo-bot',
        health: 'http://127.0.0.1:9464',
      },
      'wss://chat.example.com:7817/ws',
    ),
  ).toBe(
    `echo-bot 0.1.0 (@birdtalk/bot ${version}) connecting to wss://chat.example.com:7817/ws as 10001; state in /var/lib/echo-bot; health on http://127.0.0.1:9464`,
  );
});

it('leaves out what it was not given, and never shows credentials in the URL', () => {
  expect(startupBanner({ name: 'pingbot' }, 'wss://bot:secret@chat.example.com/ws?token=abc')).toBe(
    `pingbot (@birdtalk/bot ${version}) connecting to wss://chat.example.com/ws`,
  );
  expect(startupBanner({ name: 'pingbot' }, undefined)).toBe(
    `pingbot (@birdtalk/bot ${version}) connecting to the server`,
  );
});
