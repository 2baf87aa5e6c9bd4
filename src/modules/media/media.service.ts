/**
 * Reading member photos: one photo page, and lists by author, by product and from everyone. A photo
 * is hidden like a set is: removed photos and photos whose author blocks the viewer do not exist for
 * them (admins see past blocks); tagged products show only when the catalogue lets the viewer see them.
 */
import type { Database, Executor } from '../../platform/db/index.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { BlobStorage } from '../../platform/storage/index.js';
import { fail } from '../../platform/http/errors.js';
import { blobUrl, type CatalogService } from '../catalog/index.js';
import {
  blockedByOwner,
  decodeCursor,
  findVisibleAccount,
  indexedTextOf,
  pageOf,
  removeTextIndex,
  toAccountCard,
  type Keyset,
  type PhotoDirectory,
} from '../social/index.js';
import {
  authorNotBlocking,
  captionsOf,
  findPublishedPhoto,
  listPhotos,
  loveStats,
  markRemoved,
  publishedAuthorOf,
  tagsOf,
  type PhotoListScope,
  type PhotoRow,
} from './media.repository.js';
import type { PhotoPage, PhotoPageQuery, PhotoSummary, PhotoView } from './media.schemas.js';
import type { ModerateImage } from './moderation.js';
import { createPhotoUploads, type PhotoUpload, type RecognisePhoto } from './photo-upload.js';
import { createTagCorrections, type TagCorrection } from './tag-corrections.js';

export interface MediaDeps {
  database: Database;
  /** Tagged products as cards, filtered by the catalogue's visibility rules. */
  catalog: Pick<CatalogService, 'getSummaries'>;
  /** Where uploaded photos and their derivatives are stored. */
  storage: BlobStorage;
  /** The image classifier uploads pass through; unset, uploads are not moderated. */
  moderate?: ModerateImage | undefined;
  /** Tags a new photo with the products it shows, after it is committed; unset, nothing is recognised. */
  recognise?: RecognisePhoto | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toSummary(row: PhotoRow): PhotoSummary {
  return {
    id: row.id,
    url: blobUrl(row.image_key),
    thumbnail_url: blobUrl(row.thumbnail_key ?? row.image_key),
    feed_url: blobUrl(row.feed_key ?? row.image_key),
    feed_webp_url: row.feed_webp_key ? blobUrl(row.feed_webp_key) : null,
    width: row.width,
    height: row.height,
    caption: row.caption,
    author: toAccountCard(row.author),
    city: row.city,
    posted_at: row.posted_at,
  };
}

/** The keyset of a photo cursor; ids are uuids here, so anything else is a cursor we never gave out. */
function photoCursor(raw: string | undefined): Keyset | null {
  const key = decodeCursor(raw);
  if (key && !UUID.test(key.id)) throw fail.validation([{ field: 'query.cursor', message: 'is not a cursor this list gave out' }]);
  return key;
}

/** Whose blocks hide photos from this viewer: nobody's for admins and the signed out. */
const blockViewer = (ctx: RequestContext) => (ctx.actor === null || ctx.actor.kind === 'admin' ? null : ctx.actor.id);

/** Builds the photo use cases: reading, and posting (photo-upload.ts). */
export function createMediaService(deps: MediaDeps) {
  const { database, catalog } = deps;
  const db = database.db;
  const uploads = createPhotoUploads(deps);
  const corrections = createTagCorrections(deps);

  async function page(ctx: RequestContext, scope: PhotoListScope, query: PhotoPageQuery): Promise<PhotoPage> {
    const rows = await listPhotos(db, scope, authorNotBlocking(blockViewer(ctx)), photoCursor(query.cursor), query.limit);
    const { page: found, next } = pageOf(rows, query.limit, (r) => r.id);
    return { photos: found.map(toSummary), next };
  }

  /** What social needs to love, share and comment on photos and list them on hashtag pages. */
  const directory: PhotoDirectory = {
    async authorOf(id) {
      return UUID.test(id) ? publishedAuthorOf(db, id) : null;
    },
    async describe(ids) {
      const rows = await captionsOf(db, ids.filter((id) => UUID.test(id)));
      return new Map(rows.map((r) => [r.id, { caption: r.caption, url: blobUrl(r.image_key) }]));
    },
  };

  const service = {
    directory,

    /** Posts a photo for the signed-in member (401 before the upload is read) and answers its page. */
    async postPhoto(ctx: RequestContext, read: () => Promise<PhotoUpload>): Promise<PhotoView> {
      const id = await uploads.postPhoto(ctx, read);
      return service.getPhoto(ctx, id);
    },

    /** "Not this item" on a tagged product (tag-corrections.ts). */
    correctTag: (ctx: RequestContext, photoId: string, correction: TagCorrection) => corrections.correct(ctx, photoId, correction),

    /** Waits for the recognition of photos already posted (shutdown, tests). */
    recognitionSettled: () => uploads.settled(),

    /** A photo page: 404 when unknown, removed, or its author blocks the viewer. */
    async getPhoto(ctx: RequestContext, id: string): Promise<PhotoView> {
      const row = await findPublishedPhoto(db, id);
      if (!row || (await blockedByOwner(db, ctx, row.author_id))) throw fail.notFound('Photo');
      const [tags, text, stats] = await Promise.all([
        tagsOf(db, [row.id]),
        indexedTextOf(db, 'photo', [row.id]),
        loveStats(db, [row.id], ctx.actor?.id ?? null),
      ]);
      const cards = new Map((await catalog.getSummaries(ctx, tags.map((t) => t.product_id))).map((p) => [p.id, p]));
      return {
        ...toSummary(row),
        hashtags: text.get(row.id)?.hashtags ?? [],
        mentions: text.get(row.id)?.mentions ?? [],
        products: tags.flatMap((t) => {
          const product = cards.get(t.product_id);
          if (!product) return [];
          const region = t.x === null || t.y === null || t.w === null || t.h === null ? null : { x: t.x, y: t.y, w: t.w, h: t.h };
          return [{ product, source: t.source, region, confidence: t.confidence }];
        }),
        loves: stats.get(row.id)?.loves ?? 0,
        loved: stats.get(row.id)?.loved ?? false,
      };
    },

    /** A member's photos, newest first; 404 when the account is unknown or blocks the viewer. */
    async accountPhotos(ctx: RequestContext, handle: string, query: PhotoPageQuery): Promise<PhotoPage> {
      const account = await findVisibleAccount(db, ctx, handle);
      return page(ctx, { kind: 'author', authorId: account.id }, query);
    },

    /** Member photos tagged with a product, newest first; 404 when the viewer cannot see the product. */
    async productPhotos(ctx: RequestContext, productId: string, query: PhotoPageQuery): Promise<PhotoPage> {
      const [product] = await catalog.getSummaries(ctx, [productId]);
      if (!product) throw fail.notFound('Product');
      return page(ctx, { kind: 'product', productId: product.id }, query);
    },

    /**
     * Member photos behind a trend (a product, a brand's products, a category in a colour, a
     * hashtag), newest first, posted before `before` when given (an alert as it stood then).
     */
    async trendPhotos(ctx: RequestContext, scope: Exclude<PhotoListScope, { kind: 'author' | 'all' }>, before: string | null, limit: number): Promise<PhotoSummary[]> {
      const after = before === null ? null : { t: before, id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };
      const rows = await listPhotos(db, scope, authorNotBlocking(blockViewer(ctx)), after, limit);
      return rows.slice(0, limit).map(toSummary);
    },

    /** The latest photos from everyone: the basis of the live global feed. */
    async latestPhotos(ctx: RequestContext, query: PhotoPageQuery): Promise<PhotoPage> {
      return page(ctx, { kind: 'all' }, query);
    },

    /**
     * The few latest photos tagged with a product, for its product page. The catalogue asks after it
     * has checked the viewer may see the product.
     */
    async memberPhotosOf(ctx: RequestContext, productId: string, limit: number): Promise<{ id: string; url: string }[]> {
      const rows = await listPhotos(db, { kind: 'product', productId }, authorNotBlocking(blockViewer(ctx)), null, limit);
      return rows.slice(0, limit).map((r) => ({ id: r.id, url: blobUrl(r.image_key) }));
    },
  };
  return service;
}

/**
 * Takes a photo down (moderation, or its author deleting it): it leaves every page, list and hashtag
 * page, and its mentions are forgotten. The row stays, so the same bytes stay a duplicate for its author.
 */
export async function removePhoto(tx: Executor, id: string): Promise<boolean> {
  if (!(await markRemoved(tx, id))) return false;
  await removeTextIndex(tx, { sourceKind: 'photo', sourceId: id });
  return true;
}

export type MediaService = ReturnType<typeof createMediaService>;
