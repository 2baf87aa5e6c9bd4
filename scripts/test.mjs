#!/usr/bin/env node
// Runs the test suite with Node's test runner (TypeScript through tsx).
//   npm test                  every *.test.ts under src/ and every journey under e2e/
//   npm test -- src/platform  only the files under the given paths
//   npm run test:e2e          only the browser journeys
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const targets = args.length > 0 ? args : ['src', 'e2e'];

function collect(entry, out) {
  const full = path.resolve(root, entry);
  if (!existsSync(full)) {
    console.error(`test: no such path ${entry}`);
    process.exit(2);
  }
  if (statSync(full).isFile()) {
    out.push(full);
    return out;
  }
  for (const name of readdirSync(full)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const child = path.join(full, name);
    if (statSync(child).isDirectory()) collect(child, out);
    else if (/\.(test|e2e)\.ts$/.test(name)) out.push(child);
  }
  return out;
}

const files = targets.flatMap((t) => collect(t, [])).sort();
if (files.length === 0) {
  console.error('test: no test files found');
  process.exit(2);
}
// Browser journeys drive the built web app: make sure it exists and is current.
if (files.some((f) => f.endsWith('.e2e.ts'))) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/ensure-build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...files.map((f) => path.relative(root, f))],
  { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
