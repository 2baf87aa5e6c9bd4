// One demo world built in this process, for the `seed` benchmark (run as a child so that its peak
// memory is its own): prints one JSON line with the summary, row counts and the peak resident size.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../../src/platform/db/index.js';
import { createLocalStorage } from '../../src/platform/storage/index.js';
import { seedWorld } from '../../src/seed/seed.js';

const [scale = 'small', dataDir = '', seed = '42'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: world.ts SCALE DATA_DIR [SEED]');
await mkdir(dataDir, { recursive: true });
const database = await openDatabase({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined });
try {
  const summary = await seedWorld({ database, storage: createLocalStorage(path.join(dataDir, 'blobs')) }, { seed: Number(seed), scale, dataDir, progress: false });
  const [rows] = await database.query<Record<string, number>>(`
    select (select count(*) from accounts)::int as accounts, (select count(*) from follows)::int as follows,
           (select count(*) from events)::int as events, (select count(*) from orders)::int as orders,
           (select count(*) from order_lines)::int as order_lines, (select count(*) from order_history)::int as order_history,
           (select count(*) from loves)::int as loves, (select count(*) from shares)::int as shares,
           (select count(*) from comments)::int as comments, (select count(*) from photos)::int as photos,
           (select count(*) from photo_products)::int as photo_products, (select count(*) from hashtag_uses)::int as hashtag_uses,
           (select count(*) from products)::int as products, (select count(*) from variants)::int as variants,
           (select count(*) from sets)::int as sets, (select count(*) from set_items)::int as set_items`);
  console.log(JSON.stringify({ summary, rows, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
} finally {
  await database.close();
}
