// Paginating a celebrity's followers: the followers list through the social service (keyset cursor,
// account cards, total) against a bare SQL keyset query of the same page measured in the same run,
// for the first page and deep pages. PGlite always; PostgreSQL too when a URL is given.
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import type { Database } from '../../src/platform/db/index.js';
import { createTestDatabase } from '../../src/platform/db/testing.js';
import type { RequestContext } from '../../src/platform/http/context.js';
import type { Outbox } from '../../src/platform/outbox/index.js';
import { createSocialService, recountFollows, type SocialDeps } from '../../src/modules/social/index.js';
import { decodeCursor } from '../../src/modules/social/keyset.js';
import { formatMs, markdownTable, timeSamples } from '../http/stats.js';

export interface FollowersBenchOptions {
  /** Followers of the celebrity (default 50,000). */
  followers?: number;
  /** Page size (default 50). */
  pageSize?: number;
  /** Samples per measured page (default 50). */
  runs?: number;
  /** PostgreSQL server to measure too (default DATABASE_URL); PGlite is always measured. */
  databaseUrl?: string | undefined;
  log?: (line: string) => void;
}

export interface FollowersBenchRow {
  database: string;
  label: string;
  p50: number;
  p95: number;
  bareP50: number;
  bareP95: number;
}

export interface FollowersBenchResult {
  followers: number;
  pageSize: number;
  rows: FollowersBenchRow[];
  /** Walking every page once through the service, per database (ms). */
  fullWalkMs: Record<string, number>;
}

const CELEBRITY = 'celebrity';

/**
 * The celebrity and `count` followers, in two statements. Followers come in groups of ten sharing
 * one follow time (as a bulk import would write them), so the cursor's tie-breaker is exercised.
 */
export async function generateFollowers(database: Database, count: number): Promise<string> {
  const [celebrity] = await database.query<{ id: string }>(
    `insert into accounts (id, handle, kind, display_name) values (gen_random_uuid(), $1, 'celebrity', 'A Celebrity') returning id`,
    [CELEBRITY],
  );
  await database.query(
    `with fans as (
       insert into accounts (id, handle, display_name, home_city)
       select gen_random_uuid(), 'fan.' || i, 'Fan ' || i, (array['London', 'Paris', 'Milan', 'Tokyo', 'Sydney'])[1 + i % 5]
         from generate_series(1, $1::int) i
       returning id, split_part(handle, '.', 2)::int as i)
     insert into follows (follower_id, followee_id, created_at)
     select id, $2::uuid, now() - make_interval(secs => i / 10) from fans`,
    [count, celebrity!.id],
  );
  await recountFollows(database.db, [celebrity!.id]);
  await database.query('analyze');
  return celebrity!.id;
}


const bareKeysetSql = `
  select f.follower_id, f.created_at from follows f
   where f.followee_id = $1 and ($2::timestamptz is null or (f.created_at, f.follower_id) < ($2::timestamptz, $3::uuid))
   order by f.created_at desc, f.follower_id desc limit $4`;

async function measure(database: Database, label: string, followers: number, pageSize: number, runs: number): Promise<{ rows: FollowersBenchRow[]; walkMs: number }> {
  const celebrityId = await generateFollowers(database, followers);
  const deps = { database, outbox: {} as Outbox, catalog: {} as SocialDeps['catalog'], identity: {} as SocialDeps['identity'] } satisfies SocialDeps;
  const { graph } = createSocialService(deps);
  const ctx: RequestContext = { actor: null, requestId: 'bench', log: pino({ level: 'silent' }) };

  // Walk every page once: checks the cursor (each follower exactly once) and keeps the cursors of the pages measured.
  const pageCount = Math.ceil(followers / pageSize);
  const wanted = new Map<number, string | undefined>([[1, undefined], [Math.min(100, pageCount), undefined], [pageCount, undefined]]);
  const seen = new Set<string>();
  let cursor: string | undefined;
  const walkStart = performance.now();
  for (let page = 1; page <= pageCount; page++) {
    if (wanted.has(page)) wanted.set(page, cursor);
    const answer = await graph.listFollowers(ctx, CELEBRITY, { limit: pageSize, ...(cursor ? { cursor } : {}) });
    for (const account of answer.accounts) seen.add(account.handle);
    if (page === 1 && answer.total !== followers) throw new Error(`total ${answer.total}, expected ${followers}`);
    cursor = answer.next ?? undefined;
    if (!cursor) break;
  }
  const walkMs = performance.now() - walkStart;
  if (seen.size !== followers) throw new Error(`the walk saw ${seen.size} followers, expected ${followers}`);

  const rows: FollowersBenchRow[] = [];
  for (const [page, pageCursor] of wanted) {
    const key = decodeCursor(pageCursor);
    const service = await timeSamples(runs, () => graph.listFollowers(ctx, CELEBRITY, { limit: pageSize, ...(pageCursor ? { cursor: pageCursor } : {}) }));
    const bare = await timeSamples(runs, () => database.query(bareKeysetSql, [celebrityId, key?.t ?? null, key?.id ?? null, pageSize + 1]));
    const name = page === 1 ? 'first page' : page === pageCount ? `last page (${page})` : `page ${page}`;
    rows.push({ database: label, label: name, p50: service.p50, p95: service.p95, bareP50: bare.p50, bareP95: bare.p95 });
  }
  return { rows, walkMs };
}

/** Measures the followers list of a celebrity with `followers` followers on PGlite and, when given, PostgreSQL. */
export async function runFollowersBench(options: FollowersBenchOptions = {}): Promise<FollowersBenchResult> {
  const followers = options.followers ?? 50_000;
  const pageSize = options.pageSize ?? 50;
  const runs = options.runs ?? 50;
  const databaseUrl = 'databaseUrl' in options ? options.databaseUrl : process.env.DATABASE_URL;
  const log = options.log ?? (() => undefined);
  const targets: { label: string; databaseUrl: string | undefined }[] = [{ label: 'PGlite', databaseUrl: undefined }];
  if (databaseUrl) targets.push({ label: 'PostgreSQL', databaseUrl });
  const result: FollowersBenchResult = { followers, pageSize, rows: [], fullWalkMs: {} };
  for (const target of targets) {
    const database = await createTestDatabase({ databaseUrl: target.databaseUrl });
    try {
      const started = performance.now();
      const { rows, walkMs } = await measure(database, target.label, followers, pageSize, runs);
      result.rows.push(...rows);
      result.fullWalkMs[target.label] = walkMs;
      log(`${target.label}: ${followers.toLocaleString('en-US')} followers generated and measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await database.close();
    }
  }
  return result;
}

/** The figures as a markdown table. */
export function followersTable(result: FollowersBenchResult): string {
  return markdownTable(
    ['database', 'page', 'p50', 'p95', 'bare keyset p50', 'bare keyset p95', 'p95 ratio', 'all pages once'],
    result.rows.map((r) => [
      r.database,
      r.label,
      formatMs(r.p50),
      formatMs(r.p95),
      formatMs(r.bareP50),
      formatMs(r.bareP95),
      `${(r.p95 / r.bareP95).toFixed(1)}×`,
      `${(result.fullWalkMs[r.database]! / 1000).toFixed(1)} s`,
    ]),
  );
}
