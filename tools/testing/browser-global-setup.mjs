// Jest global setup for the browser tests: PostgreSQL (database-global-setup.mjs) and one Chromium
// for the whole run, which every test file connects to (BT_CHROMIUM_WS) with its own contexts,
// instead of starting a browser per file.
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
];

export default async function setup() {
  await setupDatabase();
  const server = await chromium.launchServer({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  process.env.BT_CHROMIUM_WS = server.wsEndpoint();
  globalThis.__BT_CHROMIUM__ = server;
}
