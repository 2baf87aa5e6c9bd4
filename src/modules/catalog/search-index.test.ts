import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/index.js';
import { createTestDatabase } from '../../platform/db/testing.js';
import { addProduct } from './testing.js';
import { runSearch, type EngineQuery } from './search-engine.js';
import { CatalogSearchIndex, pruneCatalogChanges } from './search-index.js';

const everything: EngineQuery = {
  ranks: null,
  brands: [],
  categories: [],
  colours: [],
  sizes: [],
  minPrice: null,
  maxPrice: null,
  onSale: false,
  newSince: null,
  sort: 'price_asc',
  after: null,
  limit: 100,
  visibleStatuses: ['live', 'sold_out'],
  now: Date.now(),
};

describe('the in-memory search index', () => {
  let database: Database;
  let index: CatalogSearchIndex;
  before(async () => {
    database = await createTestDatabase();
    index = new CatalogSearchIndex(database);
  });
  after(async () => {
    await database.close();
  });

  const ids = () => runSearch(index, { ...everything, now: Date.now() }).page.map((p) => p.id);

  it('catches up with inserts, updates, deletes and brand renames before each search', async () => {
    await addProduct(database.db, { id: 'a', title: 'Red dress', brand: 'Alpha', category: 'dresses', colours: ['red'], priceMinor: 1000 });
    await index.sync();
    assert.deepEqual(ids(), ['a']);
    await addProduct(database.db, { id: 'b', title: 'Blue coat', brand: 'Beta', category: 'coats-jackets', colours: ['blue'], priceMinor: 2000 });
    await database.query(`update products set status = 'draft' where id = 'a'`);
    await index.sync();
    assert.deepEqual(ids(), ['b']);
    await database.query(`update brands set name = 'Beta Studio' where slug = 'beta'`);
    await index.sync();
    assert.equal(runSearch(index, everything).facets.brand[0]?.label, 'Beta Studio');
    await database.query(`delete from products where id = 'b'`);
    await index.sync();
    assert.deepEqual(ids(), []);
    assert.equal(index.products.has('b'), false);
  });

  it('sees stock changes in the size facet and the sold-out state', async () => {
    await addProduct(database.db, { id: 'c', title: 'Boots', brand: 'Alpha', category: 'shoes', priceMinor: 3000, sizes: { '38': 1, '39': 0 } });
    await index.sync();
    assert.deepEqual(runSearch(index, { ...everything, sizes: ['38'] }).page.map((p) => p.id), ['c']);
    await database.transaction(async (tx) => {
      await tx.execute(sql`update variants set stock = 0 where product_id = 'c'`);
      const { settleStock } = await import('./stock.js');
      await settleStock(tx, ['c']);
    });
    await index.sync();
    assert.deepEqual(runSearch(index, { ...everything, sizes: ['38'] }).page, []);
    assert.equal(index.products.get('c')?.status, 'sold_out');
  });

  it('prunes old change notes only', async () => {
    await database.query(`update catalog_changes set changed_at = now() - interval '2 hours' where product_id = 'a'`);
    const pruned = await pruneCatalogChanges(database.db);
    assert.ok(pruned >= 1);
    const left = await database.query<{ n: number }>(`select count(*)::int as n from catalog_changes where product_id = 'a'`);
    assert.equal(left[0]?.n, 0);
  });

  it('never misses a change committed after a later one (PostgreSQL: concurrent writers)', async (t) => {
    if (database.kind !== 'postgres') {
      t.skip('needs a server: PGlite runs one transaction at a time');
      return;
    }
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inserted = new Promise<void>((resolve) => (started = resolve));
    // A slow transaction takes its txid first and commits last.
    const slow = database.transaction(async (tx) => {
      await addProduct(tx, { id: 'slow', title: 'Slow skirt', brand: 'Alpha', category: 'skirts', priceMinor: 4000 });
      started();
      await gate;
    });
    await inserted;
    await addProduct(database.db, { id: 'fast', title: 'Fast top', brand: 'Alpha', category: 'tops', priceMinor: 4100 });
    await index.sync();
    assert.ok(ids().includes('fast'));
    assert.ok(!ids().includes('slow'), 'not committed yet');
    release();
    await slow;
    await index.sync();
    assert.ok(ids().includes('slow'), 'the earlier transaction is seen once it commits');
  });
});
