/**
 * Writes the generated people and follow graph in bulk: multi-row INSERTs of `plan.batch.rows` rows,
 * a few statements per transaction. The social module's rules are kept by its own functions:
 * follower counts are recomputed with `recountFollows` and home cities resolved with
 * `resolvePendingHomeCities` (after `syncCities`, which is idempotent). Every timestamp comes from
 * the generators, so two runs with one seed write identical rows.
 */
import { scrypt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { toTextArray } from '../modules/catalog/index.js';
import { recountFollows, resolvePendingHomeCities, syncCities } from '../modules/social/index.js';
import type { Database, Tx } from '../platform/db/index.js';
import { generateFollows, type FollowGraph } from './follows.js';
import { DEMO_PASSWORD, generatePeople, type People, type SeedAccount } from './people.js';
import type { WorldPlan } from './plan.js';
import { Random } from './random.js';

export type Progress = (step: string, done: number, total: number) => void;

export interface PeopleLoadResult {
  accounts: number;
  follows: number;
}

/**
 * A scrypt hash in identity's stored format (`scrypt$N$r$p$salt$hash`, base64, NFKC-normalised
 * password, 64-byte key), with a salt drawn from the seed so the demo logins' rows are
 * deterministic too. identity's `verifyPassword` reads the parameters from the string.
 */
export function demoPasswordHash(password: string, random: Random): Promise<string> {
  const salt = Buffer.alloc(16);
  for (let i = 0; i < 16; i += 4) salt.writeUInt32BE(random.nextUint32(), i);
  const params = { N: 16384, r: 8, p: 1 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, 64, { ...params, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$')),
    );
  });
}

function chunks(total: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 0; from < total; from += size) out.push([from, Math.min(total, from + size)]);
  return out;
}

/** Runs `statement` over [0, total) in chunks of `rows`, `perTransaction` chunks to a transaction. */
async function inBatches(
  database: Database,
  plan: WorldPlan,
  total: number,
  statement: (tx: Tx, from: number, to: number) => Promise<void>,
  progress: (done: number) => void,
): Promise<void> {
  const { rows, statementsPerTransaction } = plan.batch;
  const groups = chunks(total, rows * statementsPerTransaction);
  for (const [groupFrom, groupTo] of groups) {
    await database.transaction(async (tx) => {
      for (const [from, to] of chunks(groupTo - groupFrom, rows)) await statement(tx, groupFrom + from, groupFrom + to);
    });
    progress(groupTo);
  }
}

async function insertAccounts(tx: Tx, accounts: readonly SeedAccount[], hashes: Map<string, string>): Promise<void> {
  const payload = JSON.stringify(
    accounts.map((a) => ({
      id: a.id,
      handle: a.handle,
      kind: a.kind,
      email: a.email,
      password_hash: hashes.get(a.handle) ?? null,
      display_name: a.displayName,
      bio: a.bio,
      home_city: a.homeCity,
      stylist_id: a.stylistId,
      created_at: new Date(a.createdAt).toISOString(),
    })),
  );
  await tx.execute(sql`
    insert into accounts (id, handle, kind, email, password_hash, display_name, bio, home_city, stylist_id, created_at, updated_at)
    select r.id, r.handle, r.kind, r.email, r.password_hash, r.display_name, r.bio, r.home_city, r.stylist_id, r.created_at, r.created_at
      from jsonb_to_recordset(${payload}::jsonb)
           as r(id uuid, handle text, kind text, email text, password_hash text, display_name text, bio text, home_city text,
                stylist_id uuid, created_at timestamptz)`);
}

async function insertFollows(tx: Tx, people: People, graph: FollowGraph, from: number, to: number): Promise<void> {
  const followers: string[] = [];
  const followees: string[] = [];
  const times: string[] = [];
  for (let i = from; i < to; i++) {
    followers.push(people.accounts[graph.follower[i] ?? -1]?.id ?? '');
    followees.push(people.accounts[graph.followee[i] ?? -1]?.id ?? '');
    times.push(new Date(graph.createdAt[i] ?? 0).toISOString());
  }
  await tx.execute(sql`
    insert into follows (follower_id, followee_id, created_at)
    select f::uuid, e::uuid, t::timestamptz
      from unnest(${toTextArray(followers)}, ${toTextArray(followees)}, ${toTextArray(times)}) as x(f, e, t)`);
}

/**
 * Inserts the accounts and follows, then brings follow counts and home cities in line. Brand accounts
 * are linked to their brands by `linkBrandAccounts` once the catalogue holds them.
 */
export async function loadPeople(
  database: Database,
  plan: WorldPlan,
  seed: number,
  people: People,
  graph: FollowGraph,
  progress: Progress = () => {},
): Promise<PeopleLoadResult> {
  const passwords = new Random(seed, 'passwords');
  const hashes = new Map<string, string>();
  for (const account of people.accounts) if (account.demo) hashes.set(account.handle, await demoPasswordHash(DEMO_PASSWORD, passwords));

  await syncCities(database.db);
  const { accounts } = people;
  await inBatches(
    database,
    plan,
    accounts.length,
    (tx, from, to) => insertAccounts(tx, accounts.slice(from, to), hashes),
    (done) => progress('accounts', done, accounts.length),
  );
  await inBatches(
    database,
    plan,
    graph.length,
    (tx, from, to) => insertFollows(tx, people, graph, from, to),
    (done) => progress('follows', done, graph.length),
  );
  const ids = accounts.map((a) => a.id);
  await inBatches(
    database,
    plan,
    ids.length,
    (tx, from, to) => recountFollows(tx, ids.slice(from, to)),
    (done) => progress('follow counts', done, ids.length),
  );
  await resolvePendingHomeCities(database.db);
  return { accounts: accounts.length, follows: graph.length };
}

/**
 * Links each brand account to the catalogue brand of the same name (brand_accounts: one account per
 * brand, one brand per account), for the brands already in the catalogue; returns how many were linked.
 */
export async function linkBrandAccounts(database: Database, people: People): Promise<number> {
  const brandAccounts = people.accounts.filter((a) => a.kind === 'brand');
  if (brandAccounts.length === 0) return 0;
  const payload = JSON.stringify(brandAccounts.map((a) => ({ name: a.displayName, account_id: a.id, linked_at: new Date(a.createdAt).toISOString() })));
  const rows = await database.query<{ brand_id: string }>(
    `insert into brand_accounts (brand_id, account_id, linked_at)
     select b.id, r.account_id, r.linked_at
       from jsonb_to_recordset($1::jsonb) as r(name text, account_id uuid, linked_at timestamptz)
       join brands b on lower(b.name) = lower(r.name)
     on conflict do nothing
     returning brand_id`,
    [payload],
  );
  return rows.length;
}

/**
 * The people step of `coterie seed`: generates everyone and the follow graph from the seed and
 * loads them. `brandNames` are the catalogue's brands, one account each (linking them to the
 * catalogue's brand rows in brand_accounts is the catalogue step's job, once both exist).
 */
export async function seedPeople(
  database: Database,
  plan: WorldPlan,
  seed: number,
  brandNames: readonly string[],
  progress?: Progress,
): Promise<{ people: People; graph: FollowGraph; loaded: PeopleLoadResult }> {
  const people = generatePeople(plan, seed, brandNames);
  const graph = generateFollows(plan, seed, people);
  const loaded = await loadPeople(database, plan, seed, people, graph, progress);
  await linkBrandAccounts(database, people);
  return { people, graph, loaded };
}
