/**
 * Profile pages: identity's account view extended with the social graph (counts, how the viewer
 * stands, the resolved home city, the brand a brand account speaks for), and the profile's tabs:
 * loved products and, for brand accounts, the brand's products.
 */
import type { RequestContext } from '../../platform/http/context.js';
import { fail } from '../../platform/http/errors.js';
import { visibleCondition } from '../catalog/index.js';
import { requireKind } from '../identity/index.js';
import { findCity } from './cities.repository.js';
import { countsOf, findAccountByHandle, relation } from './graph.repository.js';
import { countLovedProducts, lovedProductIds } from './interactions.repository.js';
import { decodeCursor, pageOf } from './keyset.js';
import { brandSlugOfAccount, countSets, findBrandBySlug, linkBrand, unlinkBrand } from './profile.repository.js';
import { findVisibleAccount, toAccountCard } from './social-access.js';
import type { SocialDeps } from './social.deps.js';
import type { AccountCard, PageQuery, ProductPage, Profile } from './social.schemas.js';

/** Profiles, their tabs, and which account speaks for which brand. */
export function createProfileService(deps: SocialDeps) {
  const { database, catalog, identity } = deps;
  const db = database.db;

  return {
    /** A profile page; 404 when unknown or when the account blocks the viewer. */
    async getProfile(ctx: RequestContext, handle: string): Promise<Profile> {
      const account = await findVisibleAccount(db, ctx, handle);
      const view = await identity.getAccount(ctx, account.handle);
      const seesPrivate = ctx.actor !== null && (ctx.actor.id === account.id || ctx.actor.kind === 'admin');
      const [counts, loves, sets, viewer, city, brandSlug] = await Promise.all([
        countsOf(db, account.id),
        countLovedProducts(db, account.id, visibleCondition(ctx.actor, 'p')),
        countSets(db, account.id, seesPrivate),
        ctx.actor ? relation(db, ctx.actor.id, account.id) : Promise.resolve(null),
        account.home_city_id ? findCity(db, account.home_city_id) : Promise.resolve(undefined),
        account.kind === 'brand' ? brandSlugOfAccount(db, account.id) : Promise.resolve(null),
      ]);
      return {
        ...view,
        counts: { ...counts, loves, sets },
        viewer,
        home_city_info: city ? { id: city.id, name: city.name, country: city.country, hemisphere: city.hemisphere } : null,
        brand_slug: brandSlug,
      };
    },

    /** The products an account loves that the viewer can see, most recently loved first. */
    async lovedProducts(ctx: RequestContext, handle: string, query: PageQuery): Promise<ProductPage> {
      const account = await findVisibleAccount(db, ctx, handle);
      const rows = await lovedProductIds(db, account.id, visibleCondition(ctx.actor, 'p'), decodeCursor(query.cursor), query.limit);
      const { page, next } = pageOf(rows, query.limit, (r) => r.id);
      return { results: await catalog.getSummaries(ctx, page.map((r) => r.id)), next };
    },

    /** A brand account's products (newest first, through the catalogue's search); 404 for other kinds. */
    async brandProducts(ctx: RequestContext, handle: string, query: PageQuery): Promise<ProductPage> {
      const account = await findVisibleAccount(db, ctx, handle);
      if (account.kind !== 'brand') throw fail.notFound('Brand account');
      const slug = await brandSlugOfAccount(db, account.id);
      if (slug === null) return { results: [], next: null };
      const found = await catalog.search(ctx, {
        brand: slug,
        sort: 'newest',
        limit: query.limit,
        on_sale: false,
        new_in: false,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return { results: found.results, next: found.next };
    },

    /** Makes a brand account speak for a catalogue brand (admins only). */
    async linkBrandAccount(ctx: RequestContext, slug: string, handle: string): Promise<{ brand_slug: string; account: AccountCard }> {
      requireKind(ctx, 'admin');
      const brand = await findBrandBySlug(db, slug);
      if (!brand) throw fail.notFound('Brand');
      const account = await findAccountByHandle(db, handle);
      if (!account) throw fail.validation([{ field: 'body.handle', message: 'is not an account' }]);
      if (account.kind !== 'brand') throw fail.unprocessable('Only a brand account can speak for a brand', [{ field: 'body.handle', message: `is a ${account.kind} account` }]);
      await database.transaction((tx) => linkBrand(tx, brand.id, account.id));
      ctx.log.info({ brand: brand.slug, account_id: account.id }, 'brand account linked');
      return { brand_slug: brand.slug, account: toAccountCard(account) };
    },

    /** Leaves a brand without an account (admins only). */
    async unlinkBrandAccount(ctx: RequestContext, slug: string): Promise<void> {
      requireKind(ctx, 'admin');
      const brand = await findBrandBySlug(db, slug);
      if (!brand) throw fail.notFound('Brand');
      await unlinkBrand(db, brand.id);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
