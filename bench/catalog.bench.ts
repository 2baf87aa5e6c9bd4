// The `catalog` benchmark: feed import, search with facets, and checkouts under contention, each with
// a baseline measured in the same run. Knobs: BENCH_PRODUCTS (default 100000), BENCH_RUNS (search
// samples per query, default 50), BENCH_PARTS (default import,search,checkout), DATABASE_URL (search and
// checkouts are measured on PostgreSQL too).
import { createTestDatabase } from '../src/platform/db/testing.js';
import { importBenchTable, runImportBench } from './catalog/import.js';
import { generateCatalogue, runSearchBench, searchTable } from './catalog/search.js';
import { checkoutTable, runCheckoutBench } from './commerce/checkout.js';

export const name = 'catalog';
export const description = 'feed import (100k products), search p50/p95 with facets over 100k products, checkouts per second under contention';

function setting(envName: string, fallback: number): number {
  const raw = process.env[envName];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${envName} must be a positive whole number`);
  return value;
}

async function searchPart(products: number, runs: number): Promise<void> {
  const targets: { label: string; databaseUrl: string | undefined }[] = [{ label: 'PGlite', databaseUrl: undefined }];
  if (process.env.DATABASE_URL) targets.push({ label: 'PostgreSQL', databaseUrl: process.env.DATABASE_URL });
  for (const target of targets) {
    const database = await createTestDatabase({ databaseUrl: target.databaseUrl });
    try {
      const started = performance.now();
      await generateCatalogue(database, products);
      console.log(`${target.label}: generated ${products.toLocaleString('en-US')} products (3 sizes each) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const rows = await runSearchBench(database, runs);
      console.log(`\n### Search on ${target.label}: ${products.toLocaleString('en-US')} products, ${runs} samples per query (ms)\n`);
      console.log('Through the catalogue service: text match, visibility, filters, every facet count, the page of cards.');
      console.log('Baseline: a bare SQL query of the same words and filters returning 25 ids (no facets, no cards).\n');
      console.log(searchTable(rows));
      console.log('');
    } finally {
      await database.close();
    }
  }
}

export async function run(): Promise<void> {
  const products = setting('BENCH_PRODUCTS', 100_000);
  const runs = setting('BENCH_RUNS', 50);
  const parts = new Set((process.env.BENCH_PARTS ?? 'import,search,checkout').split(',').map((p) => p.trim()));

  if (parts.has('import')) {
    console.log(`## Import of a generated ${products.toLocaleString('en-US')}-product feed (--no-images, PGlite)\n`);
    const result = await runImportBench({ products });
    console.log('');
    console.log(importBenchTable(result));
    console.log(`\nGoal ≥ 2,000 products/s: ${result.productsPerSecond >= 2000 ? 'met' : 'not met'}; peak RSS ${result.peakRssMiB.toFixed(0)} MiB.\n`);
  }
  if (parts.has('search')) {
    console.log('## Search\n');
    await searchPart(products, runs);
  }
  if (parts.has('checkout')) {
    console.log('## Checkouts\n');
    const figures = await runCheckoutBench({ databaseUrl: process.env.DATABASE_URL, log: (line) => console.log(line) });
    console.log('');
    console.log(checkoutTable(figures));
  }
}
