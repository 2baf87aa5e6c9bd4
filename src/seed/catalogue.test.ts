import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../platform/db/testing.js';
import type { Database } from '../platform/db/index.js';
import { createLocalStorage } from '../platform/storage/index.js';
import { importCatalogue, planCatalogue, writeCatalogueFeed } from './catalogue.js';

const now = new Date('2026-11-01T00:00:00Z');

describe('the demo catalogue', () => {
  let dir: string;
  let database: Database;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'coterie-seed-catalogue-'));
    database = await createTestDatabase();
  });
  after(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('plans the same catalogue for the same seed, and another for another seed', () => {
    const a = planCatalogue({ seed: 42, brands: 12, products: 300, now });
    const b = planCatalogue({ seed: 42, brands: 12, products: 300, now });
    const c = planCatalogue({ seed: 43, brands: 12, products: 300, now });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.products.map((p) => p.title), c.products.map((p) => p.title));
    assert.equal(new Set(a.brands).size, 12);
    const categories = new Set(a.products.map((p) => p.category));
    assert.ok(categories.size >= 15, `only ${categories.size} categories`);
    const twins = a.products.filter((p) => p.twinOf !== null);
    assert.ok(twins.length > 10, 'near-twins are planned');
    for (const twin of twins) {
      const original = a.products.find((p) => p.id === twin.twinOf)!;
      assert.equal(twin.look.cut, original.look.cut);
      assert.notEqual(twin.look.colour, original.look.colour);
    }
    assert.ok(a.products.some((p) => p.releaseAt !== null), 'a few early-access products');
    assert.ok(a.products.some((p) => p.salePriceMinor !== null), 'some sale prices');
  });

  it('writes identical feed and image bytes for a seed, and imports every product through the importer', async () => {
    const { products } = planCatalogue({ seed: 7, brands: 6, products: 40, now });
    const first = await writeCatalogueFeed(path.join(dir, 'a'), products);
    const second = await writeCatalogueFeed(path.join(dir, 'b'), products);
    const digest = async (folder: string) => {
      const hash = createHash('sha256');
      hash.update(await readFile(path.join(folder, 'feed.jsonl')));
      for (const p of products) hash.update(await readFile(path.join(folder, 'images', `${p.id}.jpg`)));
      return hash.digest('hex');
    };
    assert.equal(await digest(path.dirname(first)), await digest(path.dirname(second)));

    const storage = createLocalStorage(path.join(dir, 'blobs'));
    const report = await importCatalogue({ database, storage }, first, now);
    assert.equal(report.status, 'completed');
    assert.equal(report.rejected, 0, JSON.stringify(report.errors.slice(0, 3)));
    assert.equal(report.created, 40);
    const rows = await database.query<{ id: string; category: string; subcategory: string | null; status: string; images: number }>(
      'select p.id, p.category, p.subcategory, p.status, (select count(*)::int from product_images i where i.product_id = p.id) as images from products p order by p.id',
    );
    assert.equal(rows.length, 40);
    for (const row of rows) {
      const planned = products.find((p) => p.id === row.id)!;
      assert.equal(row.category, planned.category, row.id);
      if (planned.subcategory) assert.equal(row.subcategory, planned.subcategory, row.id);
      assert.equal(row.images, 1);
      const expected = planned.releaseAt ? 'early_access' : planned.sizes.some(([, stock]) => stock > 0) ? 'live' : 'sold_out';
      assert.equal(row.status, expected, row.id);
    }
  });
});
