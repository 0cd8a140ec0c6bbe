#!/usr/bin/env node
// The installed entry point: runs the compiled CLI. `npm install` builds it
// (the package's `prepare` script); without a build we say so plainly.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('masthead: the compiled program is missing. Run `npm run build` (or `npm install`) first.');
  process.exit(1);
}
await import(entry.href);
