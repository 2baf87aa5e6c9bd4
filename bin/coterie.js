#!/usr/bin/env node
// The `coterie` command: runs the compiled CLI (built by `npm run build`, or by `npm start` on first run).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('coterie: not built yet; run `npm run build` (npm start does it for you)');
  process.exit(1);
}
await import(entry.href);
