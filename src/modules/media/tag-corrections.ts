/**
 * "Not this item": a member says a product tagged on a photo is not in it. The photo's author and
 * admins take the tag off at once, whatever put it there; other members' corrections of a tag that
 * recognition made are kept, and enough distinct members agreeing take it off. A tag taken off is
 * remembered, so recognition never puts that product back on that photo.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Tx } from '../../platform/db/index.js';
import type { RequestContext } from '../../platform/http/context.js';
import { fail } from '../../platform/http/errors.js';
import type { CatalogService } from '../catalog/index.js';
import { requireSignedIn } from '../identity/index.js';
import { blockedByOwner, isoTime } from '../social/index.js';
import { findPublishedPhoto } from './media.repository.js';
import type { TagCorrectionView } from './media.schemas.js';
import type { PhotoTagSource, TagRemovalCause } from './media.tables.js';

/** How many distinct members must say "not this item" before a recognised tag comes off. */
export const CORRECTIONS_TO_REMOVE = 3;

export interface TagCorrectionDeps {
  database: Database;
  catalog: Pick<CatalogService, 'getSummaries'>;
}

export interface TagCorrection {
  productId: string;
  reason?: string | undefined;
}

/** Builds the correction use case. */
export function createTagCorrections({ database, catalog }: TagCorrectionDeps) {
  return {
    /**
     * Records the signed-in member's correction of a tag and applies the removal rule, in one
     * transaction; `created` is false when this member had already corrected it (nothing changes).
     * 404 when the photo or the product is not visible to them, or the product is not tagged on it.
     */
    async correct(ctx: RequestContext, photoId: string, correction: TagCorrection): Promise<{ created: boolean; view: TagCorrectionView }> {
      const actor = requireSignedIn(ctx);
      const photo = await findPublishedPhoto(database.db, photoId);
      if (!photo || (await blockedByOwner(database.db, ctx, photo.author_id))) throw fail.notFound('Photo');
      const [product] = await catalog.getSummaries(ctx, [correction.productId]);
      if (!product) throw fail.notFound('Tagged product');
      const reason = correction.reason?.trim() || null;

      return database.transaction(async (tx) => {
        // The tag row is the lock every correction of it takes first: two members correcting at once
        // are counted one after the other, so the threshold cannot be missed by both.
        const tag = await lockTag(tx, photoId, product.id);
        const removedBefore = tag === null ? await removalOf(tx, photoId, product.id) : null;
        if (tag === null && removedBefore === null) throw fail.notFound('Tagged product');

        const created = await insertCorrection(tx, { photoId, productId: product.id, accountId: actor.id, reason });
        let removed = removedBefore !== null;
        if (tag !== null) {
          const cause: TagRemovalCause | null =
            actor.id === photo.author_id
              ? 'author'
              : actor.kind === 'admin'
                ? 'admin'
                : tag === 'recognised' && (await countCorrections(tx, photoId, product.id)) >= CORRECTIONS_TO_REMOVE
                  ? 'members'
                  : null;
          if (cause !== null) {
            await removeTag(tx, photoId, product.id, cause);
            removed = true;
            ctx.log.info({ photo_id: photoId, product_id: product.id, cause }, 'photo tag removed by correction');
          }
        }
        const mine = await correctionOf(tx, photoId, product.id, actor.id);
        return {
          created,
          view: {
            photo_id: photoId,
            product_id: product.id,
            removed,
            corrections: await countCorrections(tx, photoId, product.id),
            reason: mine.reason,
            corrected_at: mine.created_at,
          },
        };
      });
    },
  };
}

async function lockTag(tx: Tx, photoId: string, productId: string): Promise<PhotoTagSource | null> {
  const [row] = rowsOf<{ source: PhotoTagSource }>(
    await tx.execute(sql`select source from photo_products where photo_id = ${photoId}::uuid and product_id = ${productId} for update`),
  );
  return row?.source ?? null;
}

async function removalOf(tx: Tx, photoId: string, productId: string): Promise<TagRemovalCause | null> {
  const [row] = rowsOf<{ cause: TagRemovalCause }>(
    await tx.execute(sql`select cause from photo_product_removals where photo_id = ${photoId}::uuid and product_id = ${productId}`),
  );
  return row?.cause ?? null;
}

/** Inserts the member's correction unless they made one already; true when it is new. */
async function insertCorrection(tx: Tx, c: { photoId: string; productId: string; accountId: string; reason: string | null }): Promise<boolean> {
  const rows = rowsOf(
    await tx.execute(sql`
      insert into photo_product_corrections (photo_id, product_id, account_id, reason)
      values (${c.photoId}::uuid, ${c.productId}, ${c.accountId}::uuid, ${c.reason})
      on conflict do nothing
      returning account_id`),
  );
  return rows.length > 0;
}

async function correctionOf(tx: Tx, photoId: string, productId: string, accountId: string): Promise<{ reason: string | null; created_at: string }> {
  const [row] = rowsOf<{ reason: string | null; created_at: string }>(
    await tx.execute(sql`
      select reason, ${isoTime(sql.raw('created_at'))} as created_at
        from photo_product_corrections
       where photo_id = ${photoId}::uuid and product_id = ${productId} and account_id = ${accountId}::uuid`),
  );
  if (!row) throw new Error('the correction just written is missing');
  return row;
}

async function countCorrections(tx: Tx, photoId: string, productId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from photo_product_corrections where photo_id = ${photoId}::uuid and product_id = ${productId}`),
  );
  return row?.n ?? 0;
}

/** Takes the tag off and remembers why, so recognition leaves it off. */
async function removeTag(tx: Tx, photoId: string, productId: string, cause: TagRemovalCause): Promise<void> {
  await tx.execute(sql`delete from photo_products where photo_id = ${photoId}::uuid and product_id = ${productId}`);
  await tx.execute(sql`
    insert into photo_product_removals (photo_id, product_id, cause) values (${photoId}::uuid, ${productId}, ${cause})
    on conflict do nothing`);
}

export type TagCorrections = ReturnType<typeof createTagCorrections>;
