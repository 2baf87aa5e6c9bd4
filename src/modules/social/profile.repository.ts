/** SQL for what a profile shows beyond the account: sets count, brand link. No rules here. */
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/index.js';

/** How many sets the account owns, private ones included only when asked. */
export async function countSets(ex: Executor, ownerId: string, includePrivate: boolean): Promise<number> {
  const privacy = includePrivate ? sql`` : sql`and visibility = 'public'`;
  const [row] = rowsOf<{ n: number }>(await ex.execute(sql`select count(*)::int as n from sets where owner_id = ${ownerId} ${privacy}`));
  return row?.n ?? 0;
}

/** A catalogue brand by slug. */
export async function findBrandBySlug(ex: Executor, slug: string): Promise<{ id: string; slug: string } | undefined> {
  const [row] = rowsOf<{ id: string; slug: string }>(await ex.execute(sql`select id, slug from brands where slug = ${slug}`));
  return row;
}

/** The slug of the brand an account speaks for, if any. */
export async function brandSlugOfAccount(ex: Executor, accountId: string): Promise<string | null> {
  const [row] = rowsOf<{ slug: string }>(
    await ex.execute(sql`select b.slug from brand_accounts ba join brands b on b.id = ba.brand_id where ba.account_id = ${accountId}`),
  );
  return row?.slug ?? null;
}

/** Makes `accountId` the brand's account, releasing whatever either was linked to before. */
export async function linkBrand(ex: Executor, brandId: string, accountId: string): Promise<void> {
  await ex.execute(sql`delete from brand_accounts where account_id = ${accountId} and brand_id <> ${brandId}`);
  await ex.execute(sql`
    insert into brand_accounts (brand_id, account_id) values (${brandId}, ${accountId})
    on conflict (brand_id) do update set account_id = excluded.account_id, linked_at = now()`);
}

/** Leaves the brand without an account. */
export async function unlinkBrand(ex: Executor, brandId: string): Promise<void> {
  await ex.execute(sql`delete from brand_accounts where brand_id = ${brandId}`);
}
