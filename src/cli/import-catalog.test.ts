import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { csvFeed, dressRow, writeImage } from '../modules/catalog/import/testing.js';
import { openDatabase } from '../platform/db/index.js';
import { packageRoot } from '../platform/paths.js';

/** Starts `coterie …` from source, on an embedded database of its own. */
function start(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', path.join(packageRoot, 'src/main.ts'), ...args], {
    cwd: packageRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', NATS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `coterie …` to the end. */
async function coterie(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = start(args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

describe('coterie import catalog', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'coterie-cli-import-'));
    await writeImage(path.join(dir, 'images/dress.jpg'));
    await writeFile(path.join(dir, 'feed.csv'), csvFeed([dressRow('C1'), dressRow('C2', { price: 'free' }), dressRow('C3', { item_group_id: 'C1', size: 'M' })]));
    await writeFile(path.join(dir, 'bad.csv'), csvFeed([dressRow('Z1', { price: 'free' })]));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a feed with images beside it, lists problems by line, and prints one summary line', async () => {
    const data = path.join(dir, 'data');
    const first = await coterie(['import', 'catalog', path.join(dir, 'feed.csv'), '--data', data]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /^feed\.csv:3: price /m);
    const lines = first.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^imported feed\.csv in [\d.]+ s: 3 rows read, 1 rejected; products: 1 created, 0 updated, 0 unchanged/);

    const again = await coterie(['import', 'catalog', path.join(dir, 'feed.csv'), '--data', data, '--no-images']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /products: 0 created, 0 updated, 1 unchanged/);
  });

  it('leaves no half-written product when killed mid-import, and a second run completes the catalogue', async () => {
    const data = path.join(dir, 'data-killed');
    // A first import creates the database, so the second spends its time importing.
    assert.equal((await coterie(['import', 'catalog', path.join(dir, 'feed.csv'), '--data', data, '--no-images'])).code, 0);
    const sizes = ['S', 'M', 'L'];
    const rows = Array.from({ length: 3000 }, (_, p) => sizes.map((size) => dressRow(`K${p}-${size}`, { item_group_id: `K${p}`, size }))).flat();
    await writeFile(path.join(dir, 'large.csv'), csvFeed(rows));
    const child = start(['import', 'catalog', path.join(dir, 'large.csv'), '--data', data, '--no-images']);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    child.kill('SIGKILL');
    await exited;

    let database = await openDatabase({ databaseUrl: undefined, dataDir: data });
    let killed: { status: string } | undefined;
    try {
      // (On a very slow machine the kill may come before the import started: then there is no report.)
      [killed] = await database.query<{ status: string }>("select status from catalog_imports where source = 'large.csv'");
      if (killed) assert.equal(killed.status, 'running');
      const partial = await database.query<{ id: string; n: number }>(
        "select p.id, count(v.sku)::int as n from products p left join variants v on v.product_id = p.id where p.id like 'K%' group by p.id having count(v.sku) <> 3",
      );
      assert.deepEqual(partial, []);
    } finally {
      await database.close();
    }
    const again = await coterie(['import', 'catalog', path.join(dir, 'large.csv'), '--data', data, '--no-images']);
    assert.equal(again.code, 0, again.stderr);
    const [, created = '', unchanged = ''] = /products: ([\d,]+) created, 0 updated, ([\d,]+) unchanged/.exec(again.stdout) ?? [];
    const count = (n: string) => Number(n.replace(/,/g, ''));
    assert.equal(count(created) + count(unchanged), 3000, again.stdout);
    // The next run on the embedded database closes the killed import's report.
    database = await openDatabase({ databaseUrl: undefined, dataDir: data });
    try {
      const reports = await database.query<{ status: string; failure: string | null }>(
        "select status, failure from catalog_imports where source = 'large.csv' order by started_at",
      );
      assert.deepEqual(reports.map((r) => r.status), killed ? ['failed', 'completed'] : ['completed']);
      if (killed) assert.match(reports[0]!.failure ?? '', /stopped before it finished/);
    } finally {
      await database.close();
    }
  });

  it('fails with one line when nothing could be imported, the file is missing or not a feed', async () => {
    const data = path.join(dir, 'data-2');
    const cases: [string[], RegExp][] = [
      [[path.join(dir, 'bad.csv')], /^coterie: nothing imported: all 1 rows of bad\.csv were rejected$/m],
      [[path.join(dir, 'none.csv')], /^coterie: no such file .*none\.csv$/m],
      [[path.join(dir, 'images/dress.jpg')], /^coterie: cannot read feed dress\.jpg: expected a \.csv, \.tsv or \.jsonl file$/m],
      [[path.join(dir, 'feed.csv'), '--default-stock', '-3'], /default-stock/],
    ];
    for (const [args, message] of cases) {
      const result = await coterie(['import', 'catalog', ...args, '--data', data]);
      assert.notEqual(result.code, 0, args.join(' '));
      assert.match(result.stderr, message);
    }
  });
});
