/**
 * The real development photos (../shared/data/clothing-photos, not in the repository) made into a feed
 * by scripts/feed-from-photos.mjs and imported with their images. Skipped when the photos are absent.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageRoot } from '../../../platform/paths.js';
import { importCatalogFeed } from './import-feed.js';
import { createImportWorld, type ImportWorld } from './testing.js';

const photos = process.env.COTERIE_PHOTOS ?? path.resolve(packageRoot, '../shared/data/clothing-photos');
const missing = existsSync(path.join(photos, 'labels.csv')) ? false : `the development photos are not at ${photos} (set COTERIE_PHOTOS)`;

const expectedCategory: Record<string, string> = {
  dress: 'dresses',
  hat: 'hats',
  longsleeve: 'tops',
  outwear: 'coats-jackets',
  pants: 'trousers',
  shirt: 'shirts',
  shoes: 'shoes',
  shorts: 'shorts',
  skirt: 'skirts',
  't-shirt': 'tops',
};

describe('a feed made from the real photos', { skip: missing }, () => {
  let world: ImportWorld;
  let output = '';
  before(async () => {
    world = await createImportWorld();
    const run = spawnSync(process.execPath, [path.join(packageRoot, 'scripts/feed-from-photos.mjs'), path.join(world.dir, 'shop'), photos, '--per-class', '4'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    output = run.stdout;
  });
  after(async () => {
    await world?.close();
  });

  it('imports every photo as a product in its category, with its image, and rejects exactly the planted bad rows', async () => {
    const report = await importCatalogFeed(world, { file: path.join(world.dir, 'shop', 'feed.csv') });
    assert.equal(report.status, 'completed');
    assert.equal(report.created, 40);
    const planted = [...output.matchAll(/line (\d+): /g)].map((m) => Number(m[1]));
    assert.deepEqual(report.errors.map((e) => e.line), planted);
    assert.equal(report.rejected, planted.length);
    const rows = await world.database.query<{ category: string; source: string; width: number; height: number }>(
      'select p.category, i.source, i.width, i.height from products p join product_images i on i.product_id = p.id and i.position = 0',
    );
    assert.equal(rows.length, 40);
    for (const row of rows) {
      const photoClass = row.source.split('/')[1]!;
      assert.equal(row.category, expectedCategory[photoClass], row.source);
      assert.ok(Math.max(row.width, row.height) <= 1600);
    }
  });

  it('says clearly when the photos are missing', () => {
    const run = spawnSync(process.execPath, [path.join(packageRoot, 'scripts/feed-from-photos.mjs'), path.join(world.dir, 'none'), path.join(world.dir, 'no-photos')], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^feed-from-photos: no photos at .*no-photos/);
  });
});
