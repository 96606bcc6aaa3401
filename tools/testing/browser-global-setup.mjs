// Jest global setup for the browser tests: PostgreSQL (database-global-setup.mjs) and one Chromium
// for the whole run, which every test file connects to (BT_CHROMIUM_WS) with its own contexts,
// instead of starting a browser per file.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import setupDatabase from './database-global-setup.mjs';

// Debian's Chromium, headless, offline: the flags keep it from calling home.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // JavaScript on V8's interpreter and baseline compiler only: a test's page lives seconds, too short for the optimizing
  // compilers (Maglev, TurboFan) to earn back their compiling. The whole browser run (83 tests, alone) 623 → 509-537 s of CPU machine-wide.
  '--js-flags=--no-opt --no-maglev',
];

// Debian's headless shell (chromium-headless-shell: the same Chromium without the browser's own user interface,
// what Playwright itself runs headless) when installed: a sixth less CPU per browser test file than the full
// browser in headless mode (the public's every-page checks 46 → 40 s, the home pages 106 → 88 s, machine-wide).
const CHROMIUM = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ?? '/usr/bin/chromium';

export default async function setup() {
  await setupDatabase();
  const server = await chromium.launchServer({ executablePath: process.env.CHROMIUM_PATH ?? CHROMIUM, args: ARGS });
  process.env.BT_CHROMIUM_WS = server.wsEndpoint();
  globalThis.__BT_CHROMIUM__ = server;
}
