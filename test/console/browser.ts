import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Debian's Chromium (`apt-get install chromium`), or CHROMIUM_PATH; undefined when there is none. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
}

/**
 * Flags for a quiet headless run on a loopback-only machine. Playwright gives every launch a fresh
 * profile directory of its own (the equivalent of a new --user-data-dir).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=ru-RU',
];

/** The console `npm run build` makes; the hub serves it from here. */
export const CONSOLE_INDEX = join(import.meta.dirname, '../../web/dist/index.html');
