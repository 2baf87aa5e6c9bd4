import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from './database.js';
import { migrate } from './migrate.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

describe('database platform', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.close();
  });

  it('has applied every migration, and applying again changes nothing', async () => {
    const rows = await database.query<{ name: string }>('select name from schema_migrations order by name');
    assert.ok(rows.length >= 1);
    const again = await migrate(database);
    assert.deepEqual(again.applied, []);
    assert.equal(again.alreadyApplied, rows.length);
  });

  it('answers raw queries with plain rows and numbers for counts', async () => {
    const [row] = await database.query<{ n: number; t: Date }>('select count(*) as n, now() as t from schema_migrations');
    assert.equal(typeof row!.n, 'number');
    assert.ok(row!.t instanceof Date);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await database.query('create table tx_probe (v int primary key)');
    await database.transaction(async (tx) => {
      await tx.execute(sql`insert into tx_probe values (1)`);
    });
    await assert.rejects(
      database.transaction(async (tx) => {
        await tx.execute(sql`insert into tx_probe values (2)`);
        throw new Error('boom');
      }),
      /boom/,
    );
    const rows = rowsOf<{ v: number }>(await database.db.execute(sql`select v from tx_probe order by v`));
    assert.deepEqual(
      rows.map((r) => r.v),
      [1],
    );
  });

  it('bulk-inserts through unnest arrays in one statement', async () => {
    await database.query('create table bulk_probe (id int primary key, label text not null)');
    const ids = Array.from({ length: 2000 }, (_, i) => i);
    await database.query('insert into bulk_probe select * from unnest($1::int[], $2::text[])', [
      ids,
      ids.map((i) => `row ${i}`),
    ]);
    const [row] = await database.query<{ n: number }>('select count(*)::int as n from bulk_probe');
    assert.equal(row!.n, 2000);
  });
});
