#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the prepare script runs tsc).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error(
    'zhkh-bridge: dist/ is missing; run `npm run build` (or `npm install`) in the package folder first.',
  );
  process.exit(1);
}
await import(entry.href);
