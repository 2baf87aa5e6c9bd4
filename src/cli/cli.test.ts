import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageRoot } from '../platform/paths.js';

/** Runs the real CLI from source, as `coterie …` would. */
function coterie(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawn(process.execPath, ['--import', 'tsx', path.join(packageRoot, 'src/main.ts'), ...args], {
    cwd: packageRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', COTERIE_SEED_ON_START: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = coterie(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A `coterie serve` child: its output so far, its exit, and whether it answered /healthz in time. */
function startServe(args: string[], env: NodeJS.ProcessEnv) {
  const child = coterie(['serve', ...args], env);
  const log = { text: '' };
  child.stderr.on('data', (d: Buffer) => (log.text += d.toString()));
  child.stdout.on('data', (d: Buffer) => (log.text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const healthy = async (port: number, withinMs: number): Promise<boolean> => {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) return true;
      await new Promise((r) => setTimeout(r, 250));
    }
    return false;
  };
  return { child, log, exited, healthy };
}

describe('the coterie command', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'coterie-cli-'));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('fails with one line and a non-zero status on a bad setting', async () => {
    const result = await run(['serve', '--data', dataDir], { PORT: 'abc', DATABASE_URL: '' });
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /^coterie: invalid setting --port\/PORT/);
  });

  it('answers --help for every command', async () => {
    const commands = [['serve'], ['seed'], ['reindex'], ['import', 'catalog'], ['import', 'events'], ['migrate']];
    await Promise.all(
      commands.map(async (args) => {
        const help = await run([...args, '--help']);
        assert.equal(help.code, 0, args.join(' '));
        assert.match(help.stdout, /Usage: coterie/);
      }),
    );
  });

  it('refuses a seed command with a bad scale or seed before touching anything', async () => {
    for (const args of [['seed', '--scale', 'huge'], ['seed', '--seed', 'abc']]) {
      const result = await run([...args, '--data', dataDir]);
      assert.notEqual(result.code, 0, args.join(' '));
      assert.match(result.stderr, /huge|abc|whole number/);
    }
  });

  it('migrates an embedded database, then finds it up to date', async () => {
    const first = await run(['migrate', '--data', dataDir], { DATABASE_URL: '' });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /applied \d+ migration/);
    const second = await run(['migrate', '--data', dataDir], { DATABASE_URL: '' });
    assert.match(second.stdout, /up to date/);
  });

  it('serves until SIGTERM, finishes the request in flight, then exits 0 and releases the data folder', async () => {
    const port = await freePort();
    const { child, log, exited, healthy } = startServe(['--port', String(port), '--data', dataDir], { DATABASE_URL: '', NATS_URL: '' });
    try {
      assert.ok(await healthy(port, 60_000), `server never became healthy: ${log.text}`);
      assert.ok(existsSync(path.join(dataDir, 'db', 'coterie.lock')));
      // A second server on the same folder is refused instead of hanging the first.
      const second = await run(['serve', '--port', String(await freePort()), '--data', dataDir], { DATABASE_URL: '' });
      assert.equal(second.code, 1);
      assert.match(second.stderr, /in use by process/);

      const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ handle: 'last.one', email: 'last@example.com', password: 'a long enough password' }),
      });
      await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGTERM');
      const response = await inFlight;
      assert.equal(response.status, 201);
      assert.equal(await exited, 0, log.text);
      assert.equal(existsSync(path.join(dataDir, 'db', 'coterie.lock')), false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('builds the small demo world on a first serve of an empty embedded folder, then serves it', async () => {
    const fresh = await mkdtemp(path.join(os.tmpdir(), 'coterie-cli-first-run-'));
    const port = await freePort();
    const serve = startServe(['--port', String(port), '--data', fresh], { DATABASE_URL: '', NATS_URL: '', COTERIE_SEED_ON_START: 'auto', LOG_LEVEL: 'info' });
    const { child, log, exited } = serve;
    try {
      assert.ok(await serve.healthy(port, 240_000), `server never became healthy: ${log.text.slice(-2000)}`);
      assert.match(log.text, /demo world ready/);
      const products = (await (await fetch(`http://127.0.0.1:${port}/api/v1/products?limit=5`)).json()) as { results: { images: string[] }[] };
      assert.equal(products.results.length, 5);
      assert.ok(products.results.every((p) => p.images.length > 0));
      const photos = (await (await fetch(`http://127.0.0.1:${port}/api/v1/photos?limit=3`)).json()) as { photos: unknown[] };
      assert.equal(photos.photos.length, 3);
      const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'demo', password: 'coterie-demo' }),
      });
      assert.equal(signIn.status, 200, await signIn.text());
      assert.ok(existsSync(path.join(fresh, 'seed-truth.json')));
      child.kill('SIGTERM');
      assert.equal(await exited, 0, log.text.slice(-2000));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
