/**
 * What recognition found in a posted photo: each recognised product tags the post (source
 * 'recognised', with its confidence) and emits one `photo` event for the trend radar, from the
 * author, in the city the photo was posted from. A tag already on the photo (the author's own, or an
 * earlier run) is kept as it is and emits nothing again, so a retried recognition is harmless. A
 * tag that corrections took off ("not this item") is never put back on that photo.
 */
import { sql } from 'drizzle-orm';
import { recordEvents } from '../events/index.js';
import { rowsOf, type Database } from '../../platform/db/index.js';

export interface RecognisedTag {
  productId: string;
  confidence: number;
  /** Fractions 0..1 of the image, when recognition located the garment. */
  region: { x: number; y: number; w: number; h: number } | null;
}

/** Adds the tags that are new and records their events, in one transaction; answers how many were new. */
export async function tagRecognisedProducts(database: Database, photoId: string, tags: readonly RecognisedTag[]): Promise<number> {
  if (tags.length === 0) return 0;
  return database.transaction(async (tx) => {
    const added = rowsOf<{ product_id: string; author_id: string; handle: string; brand: string | null; city: string | null; country: string | null; posted_at: string; tags: string[] | null }>(
      await tx.execute(sql`
        with wanted as (
          select t.product, t.confidence, t.x, t.y, t.w, t.h
            from jsonb_to_recordset(${JSON.stringify(tags.map((t) => ({ product: t.productId, confidence: t.confidence, ...(t.region ?? {}) })))}::jsonb)
              as t(product text, confidence real, x real, y real, w real, h real)
        ), inserted as (
          insert into photo_products (photo_id, product_id, source, confidence, x, y, w, h)
          select p.id, w.product, 'recognised', w.confidence, w.x, w.y, w.w, w.h
            from wanted w join photos p on p.id = ${photoId}::uuid and p.status = 'published'
           where not exists (select 1 from photo_product_removals r where r.photo_id = p.id and r.product_id = w.product)
          on conflict do nothing
          returning product_id
        )
        select i.product_id, a.id as author_id, a.handle, b.name as brand, c.name as city, c.country, ph.posted_at::text,
               (select array_agg(h.tag order by h.tag) from hashtag_uses h where h.source_kind = 'photo' and h.source_id = ${photoId}) as tags
          from inserted i
          join photos ph on ph.id = ${photoId}::uuid
          join accounts a on a.id = ph.author_id
          left join cities c on c.id = ph.city_id
          left join products pr on pr.id = i.product_id
          left join brands b on b.id = pr.brand_id`),
    );
    await recordEvents(
      tx,
      added.map((r) => ({
        type: 'photo' as const,
        actorId: r.author_id,
        actorHandle: r.handle,
        occurredAt: new Date(r.posted_at),
        productId: r.product_id,
        brand: r.brand,
        hashtags: r.tags,
        city: r.city,
        country: r.country,
        device: 'app' as const,
        subject: photoId,
      })),
    );
    return added.length;
  });
}
