// The `events` benchmark: ingest of 1,000,000 contract events through `coterie import events` and
// through `POST /api/v1/events` in batches of 1,000, against a plain batched INSERT of the same rows in
// the same run (PGlite, and PostgreSQL when DATABASE_URL is set), and paging the followers of a
// celebrity with 50,000 followers. Knobs: BENCH_EVENTS (1000000), BENCH_PARTS (ingest,followers).
import { ingestBenchTable, runIngestBench } from './events/ingest.js';
import { followersTable, runFollowersBench } from './social/followers.js';

export const name = 'events';
export const description = 'ingest of 1M events (import and API) vs a plain batched insert; followers of a 50k-follower account, paged';

export async function run(): Promise<void> {
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  if (!Number.isInteger(events) || events <= 0) throw new Error('BENCH_EVENTS must be a positive whole number');
  const parts = new Set((process.env.BENCH_PARTS ?? 'ingest,followers').split(',').map((p) => p.trim()));
  const log = (line: string) => console.log(line);

  if (parts.has('ingest')) {
    const targets = [undefined, ...(process.env.DATABASE_URL ? [process.env.DATABASE_URL] : [])];
    for (const databaseUrl of targets) {
      console.log(`## Ingest of ${events.toLocaleString('en-US')} events on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}\n`);
      const result = await runIngestBench({ events, databaseUrl, log });
      console.log('');
      console.log(ingestBenchTable(result));
      console.log('');
    }
  }
  if (parts.has('followers')) {
    console.log('## Followers of a celebrity with 50,000 followers, 50 per page\n');
    const result = await runFollowersBench({ databaseUrl: process.env.DATABASE_URL, log });
    console.log('');
    console.log(followersTable(result));
  }
}
