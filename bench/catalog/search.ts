// Search over a large catalogue: typical shopper queries through the catalogue service (filters, facets,
// cursor), against a bare full-text query of the same words measured in the same run.
import { pino } from 'pino';
import type { Database } from '../../src/platform/db/index.js';
import type { RequestContext } from '../../src/platform/http/context.js';
import { createCatalogService } from '../../src/modules/catalog/index.js';
import type { Outbox } from '../../src/platform/outbox/index.js';
import type { BlobStorage } from '../../src/platform/storage/index.js';
import { formatMs, markdownTable, timeSamples } from '../http/stats.js';

const categories = [
  ['dresses', null, 'dress'], ['tops', null, 'top'], ['shirts', null, 'shirt'], ['knitwear', null, 'jumper'],
  ['coats-jackets', null, 'coat'], ['trousers', null, 'trousers'], ['jeans', null, 'jeans'], ['skirts', null, 'skirt'],
  ['shorts', null, 'shorts'], ['swimwear', null, 'bikini'], ['lingerie', null, 'bra'], ['shoes', 'heels', 'heels'],
  ['shoes', 'flats', 'loafers'], ['shoes', 'sneakers', 'sneakers'], ['shoes', 'boots', 'boots'], ['bags', null, 'tote'],
  ['hats', null, 'beret'], ['jewellery', null, 'necklace'], ['watches', null, 'watch'], ['accessories', null, 'scarf'],
] as const;
const colours = ['black', 'white', 'grey', 'beige', 'brown', 'red', 'pink', 'orange', 'yellow', 'green', 'blue', 'navy', 'purple', 'gold', 'silver'];
const materials = ['silk', 'leather', 'wool', 'cotton', 'linen', 'cashmere', 'denim', 'satin', 'velvet', 'suede'];
const adjectives = ['oversized', 'cropped', 'pleated', 'tailored', 'belted', 'quilted', 'ribbed', 'draped', 'structured', 'relaxed', 'pointed', 'chunky'];

/** Fills the catalogue with `count` products (three sizes each) in a few large SQL statements; deterministic. */
export async function generateCatalogue(database: Database, count: number): Promise<void> {
  const brandCount = 450;
  await database.query(
    `insert into brands (id, slug, name)
     select gen_random_uuid(), 'brand-' || i, 'Brand ' || i from generate_series(1, $1) i`,
    [brandCount],
  );
  const arr = (values: readonly (string | null)[]) => `{${values.map((v) => (v === null ? 'NULL' : `"${v}"`)).join(',')}}`;
  const chunk = 20_000;
  for (let start = 1; start <= count; start += chunk) {
    const end = Math.min(count, start + chunk - 1);
    await database.query(
      `with g as (
         select i,
                ($3::text[])[1 + (i * 7) % array_length($3::text[], 1)] as cat,
                ($4::text[])[1 + (i * 7) % array_length($4::text[], 1)] as sub,
                ($5::text[])[1 + (i * 7) % array_length($5::text[], 1)] as noun,
                ($6::text[])[1 + (i * 13) % array_length($6::text[], 1)] as colour,
                ($7::text[])[1 + (i * 17) % array_length($7::text[], 1)] as material,
                ($8::text[])[1 + (i * 19) % array_length($8::text[], 1)] as adjective,
                1 + (i * 31) % 450 as brand_no,
                (5000 + (i * 7919) % 195000) as price
           from generate_series($1::bigint, $2::bigint) i)
       insert into products (id, brand_id, title, description, category, subcategory, colours, price_minor, sale_price_minor, currency,
                             status, published_at, popularity, search, sizes_in_stock)
       select 'P' || i, b.id, initcap(g.adjective || ' ' || g.colour || ' ' || g.material || ' ' || g.noun),
              'A ' || g.adjective || ' ' || g.noun || ' in ' || g.material || ', made to last.',
              g.cat, g.sub, array[g.colour], g.price, case when i % 7 = 0 then g.price * 7 / 10 end, 'GBP',
              case when i % 50 = 0 then 'sold_out' when i % 97 = 0 then 'draft' else 'live' end,
              now() - make_interval(days => ((i * 37) % 365)::int), ((i * 104729) % 1000)::int,
              setweight(to_tsvector('english', g.adjective || ' ' || g.colour || ' ' || g.material || ' ' || g.noun), 'A')
                || setweight(to_tsvector('english', 'Brand ' || g.brand_no), 'B')
                || setweight(to_tsvector('english', g.cat || ' ' || coalesce(g.sub, '') || ' ' || g.colour), 'C')
                || setweight(to_tsvector('english', 'A ' || g.adjective || ' ' || g.noun || ' in ' || g.material || ', made to last.'), 'D'),
              case when i % 50 = 0 then '{}'::text[] when i % 3 = 0 then array['S', 'M'] else array['S', 'M', 'L'] end
         from g join brands b on b.slug = 'brand-' || g.brand_no`,
      [start, end, arr(categories.map((c) => c[0])), arr(categories.map((c) => c[1])), arr(categories.map((c) => c[2])), arr(colours), arr(materials), arr(adjectives)],
    );
    await database.query(
      `insert into variants (sku, product_id, size, position, stock)
       select 'P' || i || '-' || s.size, 'P' || i, s.size, s.pos,
              case when i % 50 = 0 then 0 when s.size = 'L' and i % 3 = 0 then 0 else 1 + (i * s.pos) % 9 end
         from generate_series($1::bigint, $2::bigint) i, (values ('S', 0), ('M', 1), ('L', 2)) s(size, pos)`,
      [start, end],
    );
  }
  await database.query('analyze');
}

interface Case {
  label: string;
  query: Record<string, string | number | boolean>;
  /** The bare full-text statement of the same words (the baseline). */
  bare: { sql: string; params: unknown[] };
}

const visible = `status in ('live', 'sold_out')`;
const cases: Case[] = [
  { label: 'browse, no words (facets over everything)', query: {}, bare: { sql: `select id from products where ${visible} order by popularity desc, id limit 25`, params: [] } },
  {
    label: '"red dress"',
    query: { q: 'red dress' },
    bare: { sql: `select id from products where ${visible} and search @@ websearch_to_tsquery('english', $1) order by ts_rank(search, websearch_to_tsquery('english', $1)) desc, id limit 25`, params: ['red dress'] },
  },
  {
    label: '"leather" + shoes + brown, by price',
    query: { q: 'leather', category: 'shoes', colour: 'brown', sort: 'price_asc' },
    bare: { sql: `select id from products where ${visible} and search @@ websearch_to_tsquery('english', $1) and category = 'shoes' and colours && '{brown}' order by effective_price_minor, id limit 25`, params: ['leather'] },
  },
  {
    label: '"silk" + on sale + size M',
    query: { q: 'silk', on_sale: 'true', size: 'M' },
    bare: { sql: `select id from products where ${visible} and search @@ websearch_to_tsquery('english', $1) and sale_price_minor is not null and sizes_in_stock && '{M}' order by ts_rank(search, websearch_to_tsquery('english', $1)) desc, id limit 25`, params: ['silk'] },
  },
  {
    label: 'brand + £100–£500, newest',
    query: { brand: 'brand-42', min_price: 10000, max_price: 50000, sort: 'newest' },
    bare: { sql: `select p.id from products p join brands b on b.id = p.brand_id where ${visible} and b.slug = 'brand-42' and effective_price_minor between 10000 and 50000 order by published_at desc, id limit 25`, params: [] },
  },
  {
    label: 'category knitwear, new in, popular',
    query: { category: 'knitwear', new_in: 'true', sort: 'popular' },
    bare: { sql: `select id from products where ${visible} and category = 'knitwear' and published_at > now() - interval '30 days' order by popularity desc, id limit 25`, params: [] },
  },
];


export interface SearchBenchRow {
  label: string;
  p50: number;
  p95: number;
  bareP50: number;
  bareP95: number;
  total: number;
}

/** Measures each case through the catalogue service (filters, facets, cards) and as a bare query. */
export async function runSearchBench(database: Database, runs: number): Promise<SearchBenchRow[]> {
  const catalog = createCatalogService({ database, outbox: {} as Outbox, storage: {} as BlobStorage });
  const ctx: RequestContext = { actor: null, requestId: 'bench', log: pino({ level: 'silent' }) };
  const rows: SearchBenchRow[] = [];
  for (const c of cases) {
    const input = { limit: 24, on_sale: false, new_in: false, ...c.query } as Parameters<typeof catalog.search>[1];
    const first = await catalog.search(ctx, input);
    const timed = await timeSamples(runs, () => catalog.search(ctx, input));
    const bare = await timeSamples(runs, () => database.query(c.bare.sql, c.bare.params));
    rows.push({ label: c.label, ...timed, bareP50: bare.p50, bareP95: bare.p95, total: first.total });
    // The second page through the cursor costs the same as the first.
    if (c.label.startsWith('"red dress"') && first.next) {
      const next = first.next;
      const page2 = await timeSamples(runs, () => catalog.search(ctx, { ...input, cursor: next }));
      rows.push({ label: '"red dress", page 2 (cursor)', ...page2, bareP50: bare.p50, bareP95: bare.p95, total: first.total });
    }
  }
  return rows;
}

/** The search rows as a markdown table. */
export function searchTable(rows: SearchBenchRow[]): string {
  return markdownTable(
    ['query', 'matches', 'p50', 'p95', 'bare FTS p50', 'bare FTS p95', 'p95 ratio'],
    rows.map((r) => [r.label, String(r.total), formatMs(r.p50), formatMs(r.p95), formatMs(r.bareP50), formatMs(r.bareP95), `${(r.p95 / r.bareP95).toFixed(1)}×`]),
  );
}
