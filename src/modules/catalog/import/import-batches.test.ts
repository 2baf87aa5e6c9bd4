import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.js';
import { importCatalogFeed } from './import-feed.js';
import { createImportWorld, csvFeed, dressRow, type ImportWorld } from './testing.js';

const dialect = new PgDialect();

/** The database, except that the statement matching `pattern` fails the `nth` time it runs. */
function failingOn(database: Database, pattern: RegExp, nth: number): Database {
  let seen = 0;
  return {
    ...database,
    transaction: (fn) =>
      database.transaction((tx) => {
        const wrapped = new Proxy(tx, {
          get(target, property, receiver) {
            if (property !== 'execute') return Reflect.get(target, property, receiver) as unknown;
            return async (query: SQL) => {
              if (pattern.test(dialect.sqlToQuery(query).sql) && ++seen === nth) throw new Error('disk full (injected)');
              return target.execute(query);
            };
          },
        });
        return fn(wrapped);
      }),
  };
}

describe('importCatalogFeed in batches', () => {
  let world: ImportWorld;
  before(async () => {
    world = await createImportWorld();
  });
  after(async () => {
    await world.close();
  });
  const variantsOf = (productId: string) =>
    world.database.query<{ sku: string; position: number; size: string }>('select sku, position, size from variants where product_id = $1 order by position', [productId]);

  it('merges a product whose rows are far apart in the feed instead of overwriting it, and re-imports it unchanged', async () => {
    const feed = await world.feed(
      'scattered.csv',
      csvFeed([
        dressRow('G-S', { item_group_id: 'G', size: 'S', color: 'Red' }),
        dressRow('H1'),
        dressRow('H2'),
        dressRow('H3'),
        dressRow('G-M', { item_group_id: 'G', size: 'M', color: 'Blue' }),
      ]),
    );
    const first = await importCatalogFeed(world, { file: feed, images: false, batchSize: 2 });
    assert.deepEqual([first.rows, first.created, first.updated, first.unchanged, first.rejected], [5, 4, 0, 0, 0]);
    assert.deepEqual((await variantsOf('G')).map((v) => [v.sku, Number(v.position), v.size]), [['G-S', 0, 'S'], ['G-M', 1, 'M']]);
    const [g] = await world.database.query<{ colours: string[]; updated_at: Date }>("select colours, updated_at from products where id = 'G'");
    assert.deepEqual(g!.colours, ['red', 'blue']);

    const again = await importCatalogFeed(world, { file: feed, images: false, batchSize: 2 });
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 4]);
    const [still] = await world.database.query<{ colours: string[]; updated_at: Date }>("select colours, updated_at from products where id = 'G'");
    assert.deepEqual(still, g);
  });

  it('keeps adjacent rows of a product in one batch, and splits only a product far larger than a batch', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => dressRow(`BIG-${i}`, { item_group_id: 'BIG', size: String(30 + i) }));
    const feed = await world.feed('big.csv', csvFeed([dressRow('before'), ...rows, dressRow('after')]));
    const report = await importCatalogFeed(world, { file: feed, images: false, batchSize: 1 });
    assert.deepEqual([report.rows, report.created, report.rejected], [14, 3, 0]);
    assert.deepEqual((await variantsOf('BIG')).map((v) => Number(v.position)), Array.from({ length: 12 }, (_, i) => i));
  });

  it('leaves no half-written product when a batch fails: earlier batches stay, the report says why', async () => {
    const feed = await world.feed('fails.csv', csvFeed(['P1', 'P2', 'P3', 'P4'].map((id) => dressRow(id))));
    // The second batch's variants fail after its products were written in the same transaction.
    const database = failingOn(world.database, /insert into variants/, 2);
    const report = await importCatalogFeed({ database, storage: world.storage }, { file: feed, images: false, batchSize: 2 });
    assert.equal(report.status, 'failed');
    assert.match(report.failure ?? '', /disk full \(injected\)/);
    assert.equal(report.created, 2);
    const ids = (await world.database.query<{ id: string }>("select id from products where id like 'P_' order by id")).map((r) => r.id);
    assert.deepEqual(ids, ['P1', 'P2']);
    const [orphans] = await world.database.query<{ n: number }>('select count(*)::int as n from products p where not exists (select 1 from variants v where v.product_id = p.id)');
    assert.equal(orphans!.n, 0);
    const [stored] = await world.database.query<{ status: string; created: number }>('select status, created from catalog_imports where id = $1', [report.id]);
    assert.deepEqual(stored, { status: 'failed', created: 2 });

    // Run again without the fault: the rest arrives, the first two are unchanged.
    const retry = await importCatalogFeed(world, { file: feed, images: false, batchSize: 2 });
    assert.deepEqual([retry.status, retry.created, retry.unchanged], ['completed', 2, 2]);
  });

  it('stops between batches when asked, keeping what was committed', async () => {
    const feed = await world.feed('stop.csv', csvFeed(['Q1', 'Q2', 'Q3', 'Q4'].map((id) => dressRow(id))));
    const controller = new AbortController();
    let batches = 0;
    const database: Database = {
      ...world.database,
      transaction: async (fn) => {
        const result = await world.database.transaction(fn);
        if (++batches === 1) controller.abort('stopping for the test');
        return result;
      },
    };
    const report = await importCatalogFeed({ database, storage: world.storage }, { file: feed, images: false, batchSize: 2, signal: controller.signal });
    assert.deepEqual([report.status, report.failure, report.created], ['failed', 'stopping for the test', 2]);
  });

  it('applies the default stock to new sizes and refuses a group mixing currencies', async () => {
    const feed = await world.feed(
      'stock.jsonl',
      [
        { ...dressRow('K-S', { item_group_id: 'K', size: 'S' }), quantity: 0 },
        dressRow('K-M', { item_group_id: 'K', size: 'M' }),
        dressRow('K-L', { item_group_id: 'K', size: 'L', price: '250.00 EUR' }),
        dressRow('K-XL', { item_group_id: 'K', size: 'XL', availability: 'backorder' }),
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const report = await importCatalogFeed(world, { file: feed, images: false, defaultStock: 3 });
    assert.deepEqual(report.errors.map((e) => [e.line, e.field]), [[3, 'price']]);
    const stock = await world.database.query<{ sku: string; stock: number }>("select sku, stock from variants where product_id = 'K' order by position");
    assert.deepEqual(stock.map((s) => [s.sku, Number(s.stock)]), [['K-S', 0], ['K-M', 3], ['K-XL', 3]]);
  });
});
