#!/usr/bin/env node
// Builds the server (dist/) and the web app (web/dist/) when either is missing or older than its
// sources, so `npm start` and the browser journeys work on a fresh clone without a manual build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const full = path.join(dir, name);
    const stat = statSync(full);
    latest = Math.max(latest, stat.isDirectory() ? newest(full) : stat.mtimeMs);
  }
  return latest;
}

function stale(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => newest(path.join(root, s)) > built);
}

const steps = [];
if (stale(path.join(root, 'dist/main.js'), ['src'])) steps.push('build:server');
if (stale(path.join(root, 'web/dist/index.html'), ['web'])) steps.push('build:web');
for (const step of steps) {
  console.log(`coterie: building (${step})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', step], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`coterie: ${step} failed`);
    process.exit(result.status ?? 1);
  }
}
