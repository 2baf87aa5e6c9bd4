import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageRoot } from '../platform/paths.js';

/** Runs `coterie …` from source on an embedded database (the importer itself is tested on both databases). */
async function coterie(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(packageRoot, 'src/main.ts'), ...args], {
    cwd: packageRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', NATS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

const line = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, type: 'purchase', time: '2026-05-01T12:00:00Z', actor: `buyer_${id}`, product: 'P1', quantity: 1, amount_minor: 12_000, currency: 'GBP', ...extra });

describe('coterie import events', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'coterie-import-events-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a file with one bad line, naming the line and field, and writes nothing; then imports the fixed file, then finds only duplicates', async () => {
    const data = path.join(dir, 'data');
    const file = path.join(dir, 'events.jsonl');
    await writeFile(file, `${line('a')}\n\n${line('b')}\n${line('c', { country: 'Narnia' })}\n`);
    const bad = await coterie(['import', 'events', file, '--data', data]);
    assert.equal(bad.code, 1);
    assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
    assert.match(bad.stderr, /^coterie: events\.jsonl line 4: country must be an ISO 3166-1 alpha-2 code/);

    await writeFile(file, `${line('a')}\n\n${line('b')}\r\n${line('c', { country: 'gb' })}`);
    const first = await coterie(['import', 'events', file, '--data', data]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^imported events\.jsonl in [\d.]+ s: 3 events, 3 accepted, 0 duplicates \([\d,]+ events\/s\)\n$/);
    const second = await coterie(['import', 'events', file, '--data', data]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /3 events, 0 accepted, 3 duplicates/);
  });

  it('fails with one line for a missing file', async () => {
    const result = await coterie(['import', 'events', path.join(dir, 'nope.jsonl'), '--data', path.join(dir, 'data2')]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^coterie: no such file .*nope\.jsonl\n$/);
  });
});
