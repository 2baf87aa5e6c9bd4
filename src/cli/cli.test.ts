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

  it('says which commands are not available yet, and still answers --help for them', async () => {
    const commands = [['reindex']];
    await Promise.all(
      commands.map(async (args) => {
        const result = await run([...args, '--data', dataDir]);
        assert.equal(result.code, 1, args.join(' '));
        assert.match(result.stderr, /not available yet/);
        const help = await run([...args.filter((a) => !a.includes('.')), '--help']);
        assert.equal(help.code, 0);
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
    const child = coterie(['serve', '--port', String(port), '--data', dataDir], { DATABASE_URL: '', NATS_URL: '' });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const deadline = Date.now() + 60_000;
      let healthy = false;
      while (!healthy && Date.now() < deadline) {
        healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
        if (!healthy) await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(healthy, `server never became healthy: ${stderr}`);
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
      assert.equal(await exited, 0, stderr);
      assert.equal(existsSync(path.join(dataDir, 'db', 'coterie.lock')), false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
