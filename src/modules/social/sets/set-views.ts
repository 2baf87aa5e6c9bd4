/**
 * Sets as the API shows them. Products come from the catalogue as the viewer may see them, so a piece
 * that went back to draft, was archived, or is early access the viewer may not see yet, drops out of
 * every view (and of the counts and previews) until it is visible again.
 */
import type { Executor } from '../../../platform/db/index.js';
import type { RequestContext } from '../../../platform/http/context.js';
import { blobUrl, type CatalogService, type ProductSummary } from '../../catalog/index.js';
import { canEdit } from './set-access.js';
import { setsRepository as repo, type OwnerRow, type SetRecord } from './sets.repository.js';
import type { AccountCard, SetSummary, SetView } from './sets.schemas.js';

const PREVIEWS = 4;

/** An account as a set shows its owner. */
export function toAccountCard(owner: OwnerRow): AccountCard {
  return { handle: owner.handle, display_name: owner.displayName, avatar_url: owner.avatarUrl, kind: owner.kind, home_city: owner.homeCity };
}

function baseView(ctx: RequestContext, set: SetRecord, stats: { loves: number; loved: boolean } | undefined) {
  return {
    id: set.id,
    owner: toAccountCard(set.owner),
    title: set.title,
    description: set.description,
    visibility: set.visibility,
    cover_url: set.coverKey === null ? null : blobUrl(set.coverKey),
    cover_kind: set.coverKind,
    loves: stats?.loves ?? 0,
    loved: stats?.loved ?? false,
    created_at: set.createdAt.toISOString(),
    updated_at: set.updatedAt.toISOString(),
    can_edit: canEdit(ctx, set),
  };
}

/** Builds views of sets for one viewer; reads go through the catalogue's `getSummaries`. */
export function createSetViews(deps: { db: Executor; catalog: Pick<CatalogService, 'getSummaries'> }) {
  const { db, catalog } = deps;

  /** The visible product cards of each set, in order. */
  async function visibleProducts(ctx: RequestContext, itemIds: Map<string, string[]>): Promise<Map<string, ProductSummary[]>> {
    const all = [...new Set([...itemIds.values()].flat())];
    const cards = new Map((await catalog.getSummaries(ctx, all)).map((p) => [p.id, p]));
    return new Map(
      [...itemIds].map(([setId, ids]) => [setId, ids.flatMap((id) => (cards.has(id) ? [cards.get(id)!] : []))]),
    );
  }

  return {
    /** One set with its items as this viewer may see them. */
    async setView(ctx: RequestContext, set: SetRecord): Promise<SetView> {
      const ids = await repo.itemIds(db, set.id);
      const [products, stats] = await Promise.all([
        visibleProducts(ctx, new Map([[set.id, ids]])),
        repo.loveStats(db, [set.id], ctx.actor?.id ?? null),
      ]);
      const positions = new Map(ids.map((id, i) => [id, i]));
      return {
        ...baseView(ctx, set, stats.get(set.id)),
        items: (products.get(set.id) ?? []).map((product) => ({ position: positions.get(product.id)!, product })),
      };
    },

    /** Sets for a list: counts and preview images instead of items. */
    async summaries(ctx: RequestContext, sets: readonly SetRecord[]): Promise<SetSummary[]> {
      const ids = sets.map((s) => s.id);
      const [itemIds, stats] = await Promise.all([repo.itemIdsOfSets(db, ids), repo.loveStats(db, ids, ctx.actor?.id ?? null)]);
      const products = await visibleProducts(ctx, itemIds);
      return sets.map((set) => {
        const visible = products.get(set.id) ?? [];
        return {
          ...baseView(ctx, set, stats.get(set.id)),
          item_count: visible.length,
          previews: visible.flatMap((p) => p.images.slice(0, 1)).slice(0, PREVIEWS),
        };
      });
    },
  };
}

export type SetViews = ReturnType<typeof createSetViews>;
