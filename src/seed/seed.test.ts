import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../platform/db/index.js';
import { createTestDatabase } from '../platform/db/testing.js';
import { createLocalStorage } from '../platform/storage/index.js';
import { planFor } from './plan.js';
import { SEEDING_MARKER, SeedRefused, seedWorld } from './seed.js';

const tiny = {
  brands: 4,
  products: 24,
  people: { ...planFor('small').people, members: 60, celebrities: 2, editors: 1, stylists: 1, buyers: 1 },
  days: 21,
  interactions: 900,
  photos: 10,
  sets: 4,
  plantedScale: 0.25,
};

async function checksum(database: Database): Promise<string> {
  const [row] = await database.query<{ sum: string }>(`
    select md5(
      (select string_agg(id || title || status || price_minor::text, ',' order by id) from products) ||
      (select string_agg(sku || stock::text, ',' order by sku) from variants) ||
      (select string_agg(blob_key, ',' order by product_id, position) from product_images) ||
      (select string_agg(id::text || handle || kind, ',' order by handle) from accounts) ||
      (select string_agg(follower_id::text || followee_id::text, ',' order by follower_id, followee_id) from follows) ||
      (select string_agg(id || type || occurred_at::text || actor_handle || coalesce(product_id, '') || coalesce(city, ''), ',' order by id) from events) ||
      (select string_agg(id::text || number || total_minor::text || status, ',' order by id) from orders) ||
      (select string_agg(account_id::text || target_id || created_at::text, ',' order by account_id, target_id) from loves) ||
      (select string_agg(id::text || image_key || caption, ',' order by id) from photos) ||
      (select string_agg(photo_id::text || product_id || x::text || w::text, ',' order by photo_id, product_id) from photo_products) ||
      (select string_agg(id::text || title || coalesce(cover_key, ''), ',' order by id) from sets) ||
      (select string_agg(handle, ',' order by handle) from accounts where eip)) as sum`);
  return row!.sum;
}

describe('coterie seed', () => {
  const worlds: { database: Database; dir: string; root: string }[] = [];
  before(async () => {
    for (let i = 0; i < 2; i++) {
      const root = await mkdtemp(path.join(os.tmpdir(), 'coterie-seed-'));
      worlds.push({ database: await createTestDatabase(), dir: root, root });
    }
  });
  after(async () => {
    for (const w of worlds) {
      await w.database.close();
      await rm(w.root, { recursive: true, force: true });
    }
  });

  it('builds the same world twice from one seed (rows and image bytes), writes its truth, and refuses a second seed', async () => {
    const sums: string[] = [];
    for (const [i, w] of worlds.entries()) {
      // The second world's data folder does not exist yet, as on a PostgreSQL server where nothing else makes it.
      if (i === 1) w.dir = path.join(w.dir, 'not-made-yet');
      const summary = await seedWorld(
        { database: w.database, storage: createLocalStorage(path.join(w.dir, 'blobs')) },
        { seed: 42, scale: 'small', dataDir: w.dir, progress: false, planOverrides: tiny },
      );
      assert.deepEqual([summary.brands, summary.products], [4, 24]);
      assert.ok(summary.accounts > 60);
      sums.push(await checksum(w.database));
    }
    assert.equal(sums[0], sums[1]);
    // Photo bytes: a blob key is the sha256 of the bytes, so equal keys above mean equal images; the truth files agree too.
    const photoTruth = await Promise.all(worlds.map((w) => readFile(path.join(w.dir, 'seed-photos.jsonl'), 'utf8')));
    assert.equal(photoTruth[0], photoTruth[1]);
    assert.ok(photoTruth[0]!.trim().split('\n').length >= 10);
    const [counts] = await worlds[0]!.database.query<{ events: number; orders: number; photos: number; eip: number; sets: number }>(
      `select (select count(*)::int from events) as events, (select count(*)::int from orders) as orders,
              (select count(*)::int from photos) as photos, (select count(*)::int from accounts where eip) as eip,
              (select count(*)::int from sets where cover_key is not null) as sets`,
    );
    assert.ok(counts!.events > 900 && counts!.orders > 0 && counts!.photos >= 10 && counts!.eip >= 1 && counts!.sets === 4, JSON.stringify(counts));
    const truth = JSON.parse(await readFile(path.join(worlds[0]!.dir, 'seed-truth.json'), 'utf8')) as {
      seed: number;
      demo_logins: unknown[];
      trends: { kind: string; key: string }[];
      decoys: { reason: string }[];
    };
    assert.equal(truth.seed, 42);
    assert.equal(existsSync(path.join(worlds[0]!.dir, SEEDING_MARKER)), false, 'a finished seed leaves no in-progress marker');
    assert.equal(truth.demo_logins.length, 4);
    assert.deepEqual(truth.trends.map((t) => t.kind), ['product', 'brand', 'hashtag']);
    assert.deepEqual(truth.decoys.map((d) => d.reason).sort(), ['one_actor_spam', 'one_city', 'weekly_rhythm']);
    const [trendEvents] = await worlds[0]!.database.query<{ n: number }>('select count(*)::int as n from events where product_id = $1', [truth.trends[0]!.key]);
    assert.ok(trendEvents!.n > 0);
    await assert.rejects(
      seedWorld({ database: worlds[0]!.database, storage: createLocalStorage(path.join(worlds[0]!.dir, 'blobs')) }, { seed: 1, scale: 'small', dataDir: worlds[0]!.dir, progress: false }),
      SeedRefused,
    );
  });
});
