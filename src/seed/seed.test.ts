import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../platform/db/index.js';
import { createTestDatabase } from '../platform/db/testing.js';
import { createLocalStorage } from '../platform/storage/index.js';
import { planFor } from './plan.js';
import { SeedRefused, seedWorld } from './seed.js';

const tiny = {
  brands: 4,
  products: 24,
  people: { ...planFor('small').people, members: 60, celebrities: 2, editors: 1, stylists: 1, buyers: 1 },
};

async function checksum(database: Database): Promise<string> {
  const [row] = await database.query<{ sum: string }>(`
    select md5(
      (select string_agg(id || title || status || price_minor::text, ',' order by id) from products) ||
      (select string_agg(sku || stock::text, ',' order by sku) from variants) ||
      (select string_agg(blob_key, ',' order by product_id, position) from product_images) ||
      (select string_agg(id::text || handle || kind, ',' order by handle) from accounts) ||
      (select string_agg(follower_id::text || followee_id::text, ',' order by follower_id, followee_id) from follows)) as sum`);
  return row!.sum;
}

describe('coterie seed', () => {
  const worlds: { database: Database; dir: string }[] = [];
  before(async () => {
    for (let i = 0; i < 2; i++) worlds.push({ database: await createTestDatabase(), dir: await mkdtemp(path.join(os.tmpdir(), 'coterie-seed-')) });
  });
  after(async () => {
    for (const w of worlds) {
      await w.database.close();
      await rm(w.dir, { recursive: true, force: true });
    }
  });

  it('builds the same world twice from one seed (rows and image bytes), writes its truth, and refuses a second seed', async () => {
    const sums: string[] = [];
    for (const w of worlds) {
      const summary = await seedWorld(
        { database: w.database, storage: createLocalStorage(path.join(w.dir, 'blobs')) },
        { seed: 42, scale: 'small', dataDir: w.dir, progress: false, planOverrides: tiny },
      );
      assert.deepEqual([summary.brands, summary.products], [4, 24]);
      assert.ok(summary.accounts > 60);
      sums.push(await checksum(w.database));
    }
    assert.equal(sums[0], sums[1]);
    const truth = JSON.parse(await readFile(path.join(worlds[0]!.dir, 'seed-truth.json'), 'utf8')) as { seed: number; demo_logins: unknown[] };
    assert.equal(truth.seed, 42);
    assert.equal(truth.demo_logins.length, 4);
    await assert.rejects(
      seedWorld({ database: worlds[0]!.database, storage: createLocalStorage(path.join(worlds[0]!.dir, 'blobs')) }, { seed: 1, scale: 'small', dataDir: worlds[0]!.dir, progress: false }),
      SeedRefused,
    );
  });
});
