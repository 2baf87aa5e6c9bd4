import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { DEMO_LOGINS, generatePeople, HANDLE_RULE, HandleBook } from './people.js';
import { seedPeople } from './people.load.js';
import { PLANS } from './plan.js';
import { Random } from './random.js';

const plan = PLANS.small;
const brandNames = Array.from({ length: plan.brands }, (_, i) => `Maison ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''}`);

interface Loaded {
  database: TestDatabase;
  ms: number;
  checksums: Record<string, string>;
}

async function checksums(database: TestDatabase): Promise<Record<string, string>> {
  const [row] = await database.query<Record<string, string>>(`
    select
      (select md5(string_agg(concat_ws('|', id, handle, kind, email, password_hash, display_name, bio, home_city, home_city_id,
                                        stylist_id, eip, created_at, updated_at), ',' order by id)) from accounts) as accounts,
      (select md5(string_agg(concat_ws('|', follower_id, followee_id, created_at), ',' order by follower_id, followee_id)) from follows) as follows,
      (select md5(string_agg(concat_ws('|', account_id, followers, following), ',' order by account_id)) from follow_counts) as counts,
      (select md5(string_agg(concat_ws('|', brand_id, account_id, linked_at), ',' order by brand_id)) from brand_accounts) as brand_accounts`);
  assert.ok(row);
  return row;
}

async function seedOnce(seed: number): Promise<Loaded> {
  const database = await createTestDatabase();
  // The catalogue step runs first in `coterie seed`; a few of its brands are enough to link.
  await database.query(
    `insert into brands (id, slug, name, created_at, updated_at)
     select md5(n)::uuid, 'brand-' || i, n, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z' from unnest($1::text[]) with ordinality as x(n, i)`,
    [brandNames.slice(0, 10)],
  );
  const started = performance.now();
  await seedPeople(database, plan, seed, brandNames);
  const ms = Math.round(performance.now() - started);
  return { database, ms, checksums: await checksums(database) };
}

const first = await seedOnce(42);
const db = first.database;

describe(`seed people, small scale (generated and loaded in ${first.ms} ms on ${db.kind})`, () => {
  after(() => db.close());

  it('gives identical accounts, follows and counts for one seed, and another world for another', async () => {
    const second = await seedOnce(42);
    try {
      assert.deepEqual(second.checksums, first.checksums);
    } finally {
      await second.database.close();
    }
    const other = generatePeople(plan, 43, brandNames);
    const same = generatePeople(plan, 42, brandNames);
    assert.notDeepEqual(
      other.accounts.slice(4, 200).map((a) => a.id),
      same.accounts.slice(4, 200).map((a) => a.id),
    );
  });

  it('has the planned accounts of every kind, one per brand', async () => {
    const rows = await db.query<{ kind: string; n: number }>(`select kind, count(*)::int as n from accounts group by kind`);
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    const p = plan.people;
    assert.deepEqual(byKind, {
      member: p.members + 1,
      brand: plan.brands,
      celebrity: p.celebrities,
      editor: p.editors,
      stylist: p.stylists + 1,
      buyer: p.buyers + 1,
      admin: 1,
    });
  });

  it('links brand accounts to the catalogue brands of the same name', async () => {
    const rows = await db.query<{ name: string; handle: string; kind: string }>(`
      select b.name, a.handle, a.kind from brand_accounts l join brands b on b.id = l.brand_id join accounts a on a.id = l.account_id order by b.name`);
    assert.equal(rows.length, 10);
    for (const row of rows) assert.equal(row.kind, 'brand');
    assert.deepEqual(rows.map((r) => r.name), brandNames.slice(0, 10).sort());
  });

  it('puts members in cities of both hemispheres, every home city resolved', async () => {
    const rows = await db.query<{ hemisphere: string; n: number }>(
      `select c.hemisphere, count(*)::int as n from accounts a join cities c on c.id = a.home_city_id group by c.hemisphere order by 1`,
    );
    assert.deepEqual(rows.map((r) => r.hemisphere), ['north', 'south']);
    assert.ok((rows[1]?.n ?? 0) > plan.people.members * 0.05, `south: ${rows[1]?.n}`);
    const [unresolved] = await db.query<{ n: number }>(`select count(*)::int as n from accounts where home_city_id is null`);
    assert.equal(unresolved?.n, 0);
  });

  it('gives every account a unique handle that follows the rule', async () => {
    const rows = await db.query<{ handle: string }>(`select handle from accounts`);
    for (const { handle } of rows) assert.match(handle, HANDLE_RULE);
    assert.equal(new Set(rows.map((r) => r.handle)).size, rows.length);
  });

  it('lets only the demo logins sign in, and gives the demo member the demo stylist', async () => {
    const rows = await db.query<{ handle: string }>(`select handle from accounts where password_hash is not null order by handle`);
    assert.deepEqual(rows.map((r) => r.handle), DEMO_LOGINS.map((d) => d.handle).sort());
    const [demo] = await db.query<{ stylist: string }>(`select s.handle as stylist from accounts a join accounts s on s.id = a.stylist_id where a.handle = 'demo'`);
    assert.equal(demo?.stylist, 'stylist');
    const [books] = await db.query<{ clients: number; stylists: number }>(`
      select count(*)::int as clients, count(distinct stylist_id)::int as stylists from accounts where stylist_id is not null`);
    assert.ok((books?.clients ?? 0) > plan.people.members * plan.people.clientShare * 0.7);
    assert.equal(books?.stylists, plan.people.stylists + 1);
  });

  it('has no self-follows and follow counts that match the follows', async () => {
    const [self] = await db.query<{ n: number }>(`select count(*)::int as n from follows where follower_id = followee_id`);
    assert.equal(self?.n, 0);
    const [wrong] = await db.query<{ n: number }>(`
      select count(*)::int as n from accounts a
        left join follow_counts c on c.account_id = a.id
       where coalesce(c.followers, 0) <> (select count(*) from follows f where f.followee_id = a.id)
          or coalesce(c.following, 0) <> (select count(*) from follows f where f.follower_id = a.id)`);
    assert.equal(wrong?.n, 0);
    const [early] = await db.query<{ n: number }>(`
      select count(*)::int as n from follows f join accounts a on a.id = f.follower_id join accounts b on b.id = f.followee_id
       where f.created_at < a.created_at or f.created_at < b.created_at`);
    assert.equal(early?.n, 0);
  });

  it('is heavy-tailed: the top 1% of accounts hold at least 30% of follows, celebrities and brands lead', async () => {
    const rows = await db.query<{ kind: string; followers: number }>(`
      select a.kind, coalesce(c.followers, 0) as followers from accounts a left join follow_counts c on c.account_id = a.id order by 2 desc, a.id`);
    const total = rows.reduce((s, r) => s + r.followers, 0);
    const top = rows.slice(0, Math.ceil(rows.length / 100));
    const share = top.reduce((s, r) => s + r.followers, 0) / total;
    assert.ok(share >= 0.3, `top 1% share ${share.toFixed(3)}`);
    assert.ok(top.slice(0, 5).every((r) => r.kind === 'celebrity' || r.kind === 'brand' || r.kind === 'editor'));
    assert.ok(total > plan.people.members * plan.follows.meanFollowing * 0.6, `follows: ${total}`);
  });
});

describe('HandleBook', () => {
  it('always claims a unique handle that follows the rule, whatever the base', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 60 }), fc.nat(), (bases, seed) => {
        const book = new HandleBook(['demo']);
        const random = new Random(seed);
        const claimed = bases.map((b) => book.claim(b.toLowerCase(), random));
        for (const h of claimed) assert.match(h, HANDLE_RULE);
        assert.equal(new Set([...claimed, 'demo']).size, claimed.length + 1);
      }),
    );
  });
});
