/**
 * "Add the whole set to the bag": every product of the set the member can see, one unit each, in one
 * transaction. A product with exactly one size in stock goes in without asking; one with several needs
 * the member's choice (`sizes`), else it is skipped as `choose_size`. The bag rules (lifecycle, stock,
 * 10 a line) are commerce's and are checked again inside the transaction.
 */
import type { Database } from '../../../platform/db/index.js';
import type { RequestContext } from '../../../platform/http/context.js';
import { fail, type ErrorDetail } from '../../../platform/http/errors.js';
import type { Outbox } from '../../../platform/outbox/index.js';
import { canBuy, type CatalogService, type ProductSummary } from '../../catalog/index.js';
import { addLinesToBag, type CommerceService } from '../../commerce/index.js';
import { eventContext, recordEvents } from '../../events/index.js';
import { requireSignedIn } from '../../identity/index.js';
import { findReadableSet } from './set-access.js';
import { setsRepository as repo } from './sets.repository.js';
import type { AddSetToBagInput, AddSetToBagResult, SkipReason } from './sets.schemas.js';

export interface SetBagDeps {
  database: Database;
  outbox: Outbox;
  catalog: Pick<CatalogService, 'getSummaries'>;
  commerce: Pick<CommerceService, 'getBag'>;
  now: () => Date;
}

type Decision = { sku: string } | { skip: SkipReason };

/** Which size of a product goes in, or why it cannot, before the bag rules have their say. */
function decide(ctx: RequestContext, product: ProductSummary, chosen: string | undefined, now: Date, problems: ErrorDetail[]): Decision {
  if (chosen !== undefined) {
    if (product.variants.some((v) => v.sku === chosen)) return { sku: chosen };
    problems.push({ field: `body.sizes.${product.id}`, message: `is not a size of this product (one of ${product.variants.map((v) => v.sku).join(', ')})` });
    return { skip: 'not_available' };
  }
  const inStock = product.variants.filter((v) => v.stock > 0);
  if (product.status === 'sold_out' || inStock.length === 0) return { skip: 'sold_out' };
  if (!canBuy(ctx.actor, product.status, product.release_at === null ? null : new Date(product.release_at), now)) return { skip: 'not_available' };
  if (inStock.length > 1) return { skip: 'choose_size' };
  return { sku: inStock[0]!.sku };
}

/** The add-to-bag use case of sets. */
export function createSetBag(deps: SetBagDeps) {
  const { database, outbox, catalog, commerce, now } = deps;
  const db = database.db;

  return {
    /**
     * Adds the set's products to the signed-in member's bag; answers what went in, what was skipped and
     * why, and the bag. Products the member cannot see are neither added nor named.
     */
    async addSetToBag(ctx: RequestContext, id: string, input: AddSetToBagInput): Promise<AddSetToBagResult> {
      const set = await findReadableSet(db, ctx, id);
      const actor = requireSignedIn(ctx);
      const products = await catalog.getSummaries(ctx, await repo.itemIds(db, set.id));
      const sizes = input?.sizes ?? {};
      const at = now();
      const problems: ErrorDetail[] = [];
      const decisions = new Map(products.map((p) => [p.id, decide(ctx, p, sizes[p.id], at, problems)]));
      if (problems.length > 0) throw fail.validation(problems);

      const lines = [...decisions.values()].flatMap((d) => ('sku' in d ? [{ sku: d.sku, quantity: 1 }] : []));
      const who = eventContext(ctx)!;
      const { added, refused } = await outbox.transaction(async (tx) => {
        const outcome = await addLinesToBag(tx, outbox, actor, lines, at);
        await recordEvents(
          tx,
          outcome.added.map((a) => ({
            type: 'add_to_bag' as const,
            ...who,
            occurredAt: at,
            productId: a.productId,
            brand: a.brand,
            quantity: a.quantity,
            amountMinor: a.unitPriceMinor * a.quantity,
            currency: a.currency,
            subject: set.id,
          })),
        );
        return outcome;
      });

      const refusedBySku = new Map(refused.map((r) => [r.sku, r.reason]));
      const result: Omit<AddSetToBagResult, 'bag'> = { added: [], skipped: [] };
      for (const product of products) {
        const decision = decisions.get(product.id)!;
        const reason = 'skip' in decision ? decision.skip : refusedBySku.get(decision.sku);
        if (reason === undefined && 'sku' in decision) result.added.push({ product_id: product.id, sku: decision.sku });
        else result.skipped.push({ product_id: product.id, reason: reason ?? 'not_available' });
      }
      ctx.log.info({ set_id: set.id, added: added.length, skipped: result.skipped.length }, 'set added to bag');
      return { ...result, bag: await commerce.getBag(ctx) };
    },
  };
}
