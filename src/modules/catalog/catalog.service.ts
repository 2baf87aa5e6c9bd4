import { sql } from 'drizzle-orm';
import { isUniqueViolation, rowsOf, type Database } from '../../platform/db/index.js';
import type { RequestContext } from '../../platform/http/context.js';
import { fail } from '../../platform/http/errors.js';
import type { Outbox } from '../../platform/outbox/index.js';
import type { BlobStorage } from '../../platform/storage/index.js';
import { storeLogo } from './brand-logo.js';
import { requireKind } from '../identity/index.js';
import { eventContext, recordEvents, type AppEvent } from '../events/index.js';
import { catalogEvents, type BrandChanged, type ProductReleased, type ProductStatusChanged, type StockChanged } from './catalog.events.js';
import { findBrand, findProductDetail, listBrands, loadProducts, textRanks, type ProductRow } from './catalog.repository.js';
import type { ProductDetail, ProductSearchQuery, ProductSearchResponse, ProductSummary, SetStatusInput, UpdateBrandInput } from './catalog.schemas.js';
import type { ProductStatus } from './catalog.tables.js';
import { PALETTE, normaliseColours } from './feed/colours.js';
import { CATEGORIES, categoriseProduct } from './feed/taxonomy.js';
import { settleStock, toTextArray } from './stock.js';
import { runSearch, type EngineQuery, type Sort } from './search-engine.js';
import { CatalogSearchIndex, pruneCatalogChanges } from './search-index.js';
import { canBuy, canSee, effectiveStatus, visibleCondition, visibleStatuses } from './visibility.js';

export interface CatalogDeps {
  database: Database;
  outbox: Outbox;
  storage: BlobStorage;
  /**
   * The latest member photos of a product the viewer may see, for its page. The media module answers
   * (it depends on the catalogue, so the container hands it in); none: the page shows no photos.
   */
  memberPhotos?: (ctx: RequestContext, productId: string, limit: number) => Promise<{ id: string; url: string }[]>;
  /**
   * Visually similar products the viewer may see, best first, for the page. The vision module answers
   * (it depends on the catalogue, so the container hands it in); none: the page shows none.
   */
  similar?: (ctx: RequestContext, productId: string, limit: number) => Promise<{ product_id: string; score: number }[]>;
}

/** How many member photos a product page carries. */
export const MEMBER_PHOTOS_ON_PAGE = 8;

/** How many similar products a product page carries. */
export const SIMILAR_ON_PAGE = 12;

/** How long a product counts as "new in". */
export const NEW_IN_DAYS = 30;

const categoryNames = new Map(CATEGORIES.map((c) => [c.slug, c.name]));
const subcategoryNames = new Map(CATEGORIES.flatMap((c) => c.subcategories.map((s) => [s.slug, { name: s.name, parent: c.slug }] as const)));
const colourBySlug = new Map(PALETTE.map((c) => [c.slug, c]));

export const blobUrl = (key: string) => `/blobs/${key}`;

/** The product card every listing shows. */
export function toSummary(row: ProductRow, now = new Date()): ProductSummary {
  return {
    id: row.id,
    title: row.title,
    brand: row.brand,
    brand_slug: row.brand_slug,
    category: row.category,
    subcategory: row.subcategory,
    colours: row.colours,
    status: effectiveStatus(row.status, row.release_at, now),
    release_at: row.release_at?.toISOString() ?? null,
    price: { amount_minor: row.price_minor, currency: row.currency },
    sale_price: row.sale_price_minor === null ? null : { amount_minor: row.sale_price_minor, currency: row.currency },
    images: row.images.map(blobUrl),
    variants: row.variants,
    in_stock: row.variants.some((v) => v.stock > 0),
  };
}

function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return [...new Set(value.split(',').map((v) => v.trim()).filter((v) => v !== ''))];
}

/** A category filter value: a slug, a subcategory slug, a name, or a word like "dress". */
function resolveCategory(value: string): { category: string; subcategory: string | null } | null {
  const slug = value.toLowerCase().replace(/\s*&\s*/g, '-').replace(/\s+/g, '-');
  if (categoryNames.has(slug)) return { category: slug, subcategory: null };
  const sub = subcategoryNames.get(slug);
  if (sub) return { category: sub.parent, subcategory: slug };
  for (const [s, name] of categoryNames) if (name.toLowerCase() === value.toLowerCase()) return { category: s, subcategory: null };
  return categoriseProduct({ title: value });
}

interface Cursor {
  s: Sort;
  k: number;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string, sort: Sort): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (parsed.s === sort && typeof parsed.k === 'number' && Number.isFinite(parsed.k) && typeof parsed.id === 'string') {
      return { s: parsed.s, k: parsed.k, id: parsed.id };
    }
  } catch {
    // falls through to the error below
  }
  throw fail.validation([{ field: 'query.cursor', message: 'is not a cursor this search gave out (did the sort change?)' }]);
}

/** Catalogue reads (search, product pages, brands) and the merchandiser's lifecycle and stock controls. */
export function createCatalogService(deps: CatalogDeps) {
  const { database, outbox } = deps;
  const db = database.db;
  const index = new CatalogSearchIndex(database);

  function parseSearch(ctx: RequestContext, input: ProductSearchQuery): Omit<EngineQuery, 'ranks'> & { q: string | null } {
    const problems: { field: string; message: string }[] = [];
    const categories: EngineQuery['categories'] = [];
    for (const value of splitList(input.category)) {
      const found = resolveCategory(value);
      if (found) categories.push(found);
      else problems.push({ field: 'query.category', message: `"${value}" is not a category (try ${[...categoryNames.keys()].slice(0, 4).join(', ')} …)` });
    }
    for (const value of splitList(input.subcategory)) {
      const sub = subcategoryNames.get(value.toLowerCase());
      if (sub) categories.push({ category: sub.parent, subcategory: value.toLowerCase() });
      else problems.push({ field: 'query.subcategory', message: `"${value}" is not a subcategory` });
    }
    const colours: string[] = [];
    for (const value of splitList(input.colour)) {
      const slug = value.toLowerCase();
      const found = colourBySlug.has(slug) ? [slug] : normaliseColours(value).palette;
      if (found.length === 0) problems.push({ field: 'query.colour', message: `"${value}" is not a colour we know (try ${PALETTE.slice(0, 4).map((c) => c.slug).join(', ')} …)` });
      colours.push(...found);
    }
    if (input.min_price !== undefined && input.max_price !== undefined && input.min_price > input.max_price) {
      problems.push({ field: 'query.min_price', message: 'must not be above max_price' });
    }
    if (problems.length > 0) throw fail.validation(problems);
    const q = input.q?.trim() ? input.q.trim() : null;
    const sort = input.sort ?? 'relevance';
    const after = input.cursor ? decodeCursor(input.cursor, sort) : null;
    return {
      q,
      brands: splitList(input.brand).map((b) => b.toLowerCase()),
      categories,
      colours: [...new Set(colours)],
      sizes: splitList(input.size),
      minPrice: input.min_price ?? null,
      maxPrice: input.max_price ?? null,
      onSale: input.on_sale,
      newSince: input.new_in ? Date.now() - NEW_IN_DAYS * 24 * 3600_000 : null,
      sort,
      after: after ? { key: after.k, id: after.id } : null,
      limit: input.limit,
      visibleStatuses: visibleStatuses(ctx.actor),
      now: Date.now(),
    };
  }

  /** Records a view or search; a failure is logged, never shown: the page matters more than its event. */
  async function recordInteraction(ctx: RequestContext, event: AppEvent): Promise<void> {
    await recordEvents(db, [event]).catch((error: unknown) => ctx.log.warn({ err: error, type: event.type }, 'could not record an interaction'));
  }

  async function findVisible(ctx: RequestContext, id: string) {
    const row = await findProductDetail(db, id);
    if (!row || !canSee(ctx.actor, row.status, row.release_at)) throw fail.notFound('Product');
    return row;
  }

  async function changeStatus(productId: string, from: ProductStatus, to: ProductStatus, by: string | null, releaseAt: Date | null) {
    await outbox.transaction(async (tx) => {
      await tx.execute(sql`
        update products set status = ${to}, release_at = ${releaseAt?.toISOString() ?? null}::timestamptz,
               published_at = case when ${to} = 'live' then coalesce(published_at, now()) else published_at end,
               updated_at = now()
         where id = ${productId}`);
      // Live with nothing in stock is sold out, and the sizes in stock stay current.
      await settleStock(tx, [productId]);
      const [after] = rowsOf<{ status: ProductStatus }>(await tx.execute(sql`select status from products where id = ${productId}`));
      await outbox.emit(tx, [
        {
          type: catalogEvents.productStatusChanged,
          data: { product_id: productId, from, to: after?.status ?? to, release_at: releaseAt?.toISOString() ?? null, by } satisfies ProductStatusChanged,
        },
      ]);
    });
  }

  return {
    async search(ctx: RequestContext, input: ProductSearchQuery): Promise<ProductSearchResponse> {
      const { q, ...query } = parseSearch(ctx, input);
      const [ranks] = await Promise.all([q === null ? null : textRanks(db, q), index.sync()]);
      const found = runSearch(index, { ...query, ranks });
      const page = found.page.slice(0, query.limit);
      const last = page.at(-1);
      const next = found.page.length > query.limit && last ? encodeCursor({ s: query.sort, k: last.sortKey, id: last.id }) : null;
      // The page's cards come from the database, so prices and stock are current to the millisecond.
      const cards = new Map((await loadProducts(db, page.map((p) => p.id))).map((r) => [r.id, r]));
      const now = new Date();
      // A search with words by a signed-in member is an interaction (the first page only: more pages are the same search).
      const who = eventContext(ctx);
      if (who && q !== null && !input.cursor) await recordInteraction(ctx, { ...who, type: 'search', subject: q.slice(0, 200) });
      return {
        results: page.flatMap((p) => {
          const card = cards.get(p.id);
          return card ? [toSummary(card, now)] : [];
        }),
        next,
        total: found.total,
        facets: {
          brand: found.facets.brand,
          category: found.facets.category.map((f) => ({ ...f, label: categoryNames.get(f.value) ?? f.value })),
          subcategory: found.facets.subcategory.map((f) => ({ ...f, label: subcategoryNames.get(f.value)?.name ?? f.value })),
          colour: found.facets.colour.map((f) => ({ ...f, label: colourBySlug.get(f.value)?.name ?? f.value, hex: colourBySlug.get(f.value)?.hex ?? null })),
          size: found.facets.size.map((f) => ({ ...f, label: f.value })),
          price: { min_minor: found.facets.price.min, max_minor: found.facets.price.max, currency: found.facets.price.currency },
          on_sale: found.facets.onSale,
        },
      };
    },

    /** A product page: 404 when unknown or not visible to the caller. `id` may also be a variant's feed id. */
    async getProduct(ctx: RequestContext, id: string): Promise<ProductDetail> {
      const row = await findVisible(ctx, id);
      // A signed-in member's view of a page they can see: one insert, no transaction.
      const who = eventContext(ctx);
      if (who) await recordInteraction(ctx, { ...who, type: 'view', productId: row.id, brand: row.brand });
      const [memberPhotos, similar] = await Promise.all([
        deps.memberPhotos ? deps.memberPhotos(ctx, row.id, MEMBER_PHOTOS_ON_PAGE) : [],
        deps.similar ? deps.similar(ctx, row.id, SIMILAR_ON_PAGE) : [],
      ]);
      return {
        ...toSummary(row),
        description: row.description,
        colour_raw: row.colour_raw,
        materials: row.materials,
        pattern: row.pattern,
        gender: row.gender,
        age_group: row.age_group,
        link: row.link,
        brand_info: { name: row.brand, slug: row.brand_slug, logo_url: row.brand_logo_url, story: row.brand_story },
        can_buy: canBuy(ctx.actor, row.status, row.release_at) && row.variants.some((v) => v.stock > 0),
        similar,
        member_photos: memberPhotos,
      };
    },

    /** Product cards for ids, in the given order, keeping only those the caller can see. */
    async getSummaries(ctx: RequestContext, ids: readonly string[]): Promise<ProductSummary[]> {
      const rows = await loadProducts(db, ids);
      const byId = new Map(rows.filter((r) => canSee(ctx.actor, r.status, r.release_at)).map((r) => [r.id, r]));
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [toSummary(row)] : [];
      });
    },

    async listBrands(ctx: RequestContext) {
      return listBrands(db, visibleCondition(ctx.actor));
    },

    async getBrand(ctx: RequestContext, slug: string) {
      const brand = await findBrand(db, slug, visibleCondition(ctx.actor));
      if (!brand) throw fail.notFound('Brand');
      return brand;
    },

    /** Renames a brand or tells its story (buyers and admins). */
    async updateBrand(ctx: RequestContext, slug: string, input: UpdateBrandInput) {
      const actor = requireKind(ctx, 'buyer');
      await this.getBrand(ctx, slug);
      try {
        await outbox.transaction(async (tx) => {
          await tx.execute(sql`
            update brands set name = coalesce(${input.name ?? null}, name),
                   story = case when ${input.story !== undefined} then ${input.story ?? null} else story end,
                   updated_at = now()
             where slug = ${slug}`);
          await outbox.emit(tx, [{ type: catalogEvents.brandChanged, data: { slug, fields: Object.keys(input), by: actor.id } satisfies BrandChanged }]);
        });
      } catch (error) {
        if (isUniqueViolation(error, 'brands_name_key')) throw fail.conflict('Another brand already has this name', [{ field: 'body.name', message: 'is taken' }]);
        throw error;
      }
      return this.getBrand(ctx, slug);
    },

    /** Stores a new logo for a brand (buyers and admins). */
    async setBrandLogo(ctx: RequestContext, slug: string, bytes: Buffer) {
      const actor = requireKind(ctx, 'buyer');
      await this.getBrand(ctx, slug);
      const logo = await storeLogo(deps.storage, bytes);
      await outbox.transaction(async (tx) => {
        await tx.execute(sql`update brands set logo_url = ${blobUrl(logo.key)}, updated_at = now() where slug = ${slug}`);
        await outbox.emit(tx, [{ type: catalogEvents.brandChanged, data: { slug, fields: ['logo'], by: actor.id } satisfies BrandChanged }]);
      });
      return this.getBrand(ctx, slug);
    },

    categories() {
      return {
        categories: CATEGORIES.map((c) => ({ slug: c.slug, name: c.name, subcategories: c.subcategories.map((s) => ({ ...s })) })),
        colours: PALETTE.map((c) => ({ ...c })),
      };
    },

    /** Moves a product through its lifecycle (buyers and admins). */
    async setStatus(ctx: RequestContext, id: string, input: SetStatusInput): Promise<ProductDetail> {
      const actor = requireKind(ctx, 'buyer');
      const row = await findVisible(ctx, id);
      const releaseAt = input.release_at ? new Date(input.release_at) : null;
      if (input.status === 'early_access' && releaseAt !== null && releaseAt.getTime() <= Date.now()) {
        throw fail.validation([{ field: 'body.release_at', message: 'must be in the future for early access' }]);
      }
      if (input.status !== 'early_access' && releaseAt !== null) {
        throw fail.validation([{ field: 'body.release_at', message: 'only applies to early access' }]);
      }
      await changeStatus(row.id, row.status, input.status, actor.id, releaseAt);
      ctx.log.info({ product_id: row.id, from: row.status, to: input.status }, 'product status changed');
      return this.getProduct(ctx, row.id);
    },

    /** Sets one size's stock (a delivery, a count); sold-out products with stock go live again. */
    async setStock(ctx: RequestContext, id: string, sku: string, stock: number): Promise<ProductDetail> {
      const actor = requireKind(ctx, 'buyer');
      const row = await findVisible(ctx, id);
      const variant = row.variants.find((v) => v.sku === sku);
      if (!variant) throw fail.notFound('Size');
      await outbox.transaction(async (tx) => {
        await tx.execute(sql`update variants set stock = ${stock}, updated_at = now() where sku = ${sku}`);
        await settleStock(tx, [row.id]);
        await outbox.emit(tx, [
          {
            type: catalogEvents.stockChanged,
            data: { product_id: row.id, sku, from: variant.stock, to: stock, by: actor.id } satisfies StockChanged,
          },
        ]);
      });
      return this.getProduct(ctx, row.id);
    },

    /** Removes change notes the search index no longer needs. */
    pruneChanges(): Promise<number> {
      return pruneCatalogChanges(db);
    },

    /** Early-access products whose release time has come go live (or sold out). Returns how many. */
    async releaseDue(now: Date = new Date()): Promise<number> {
      return outbox.transaction(async (tx) => {
        const released = rowsOf<{ id: string; release_at: Date | string }>(
          await tx.execute(sql`
            update products set status = 'live', published_at = coalesce(published_at, release_at), updated_at = now()
             where status = 'early_access' and release_at <= ${now.toISOString()}::timestamptz
            returning id, release_at`),
        );
        if (released.length === 0) return 0;
        const ids = released.map((r) => r.id);
        await settleStock(tx, ids);
        const statuses = rowsOf<{ id: string; status: ProductStatus }>(
          await tx.execute(sql`select id, status from products where id = any(${toTextArray(ids)})`),
        );
        await outbox.emit(
          tx,
          statuses.map((r) => ({
            type: catalogEvents.productReleased,
            data: { product_id: r.id, status: r.status } satisfies ProductReleased,
          })),
        );
        return released.length;
      });
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
