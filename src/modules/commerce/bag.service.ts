/** The bag: one per member, lines per size, availability and prices computed live on every read. */
import { sqlStateOf, type Database, type Executor } from '../../platform/db/index.js';
import type { Actor, RequestContext } from '../../platform/http/context.js';
import { fail } from '../../platform/http/errors.js';
import type { Outbox } from '../../platform/outbox/index.js';
import { canBuy, canSee, effectiveStatus, lookupVariants, type Shortfall, type VariantInfo } from '../catalog/index.js';
import { requireSignedIn } from '../identity/index.js';
import { eventContext, recordEvents } from '../events/index.js';
import { commerceEvents, type BagItemAdded } from './commerce.events.js';
import { commerceRepository as repo, type BagItemRow } from './commerce.repository.js';
import type { AddItemInput, BagLineReason, BagView } from './commerce.schemas.js';
import { MAX_LINE_QUANTITY } from './commerce.tables.js';
import { imageUrl, money } from './order-view.js';

export interface BagDeps {
  database: Database;
  outbox: Outbox;
  now: () => Date;
}

/**
 * Why a line cannot be bought by this actor now, or null when it can. Lifecycle first (a product
 * this actor may not buy is `not_available`), then stock.
 */
export function lineProblem(actor: Actor, variant: VariantInfo | undefined, quantity: number, now: Date): BagLineReason | null {
  if (!variant) return 'not_available';
  if (effectiveStatus(variant.status, variant.releaseAt, now) === 'sold_out') return 'sold_out';
  if (!canBuy(actor, variant.status, variant.releaseAt, now)) return 'not_available';
  if (variant.stock <= 0) return 'sold_out';
  if (variant.stock < quantity) return 'not_enough_stock';
  return null;
}

/** The bag as the API shows it, from its rows and the variants as they are now. */
export function describeBag(actor: Actor, rows: BagItemRow[], variants: Map<string, VariantInfo>, now: Date): BagView {
  const lines: BagView['lines'] = [];
  for (const row of rows) {
    const v = variants.get(row.sku);
    if (!v) continue; // a deleted variant takes its bag lines with it (foreign key); nothing to show
    const reason = lineProblem(actor, v, row.quantity, now);
    lines.push({
      sku: v.sku,
      product_id: v.productId,
      title: v.title,
      brand: v.brand,
      size: v.size,
      image: imageUrl(v.imageKey),
      unit_price: money(v.unitPriceMinor, v.currency),
      quantity: row.quantity,
      line_total: money(v.unitPriceMinor * row.quantity, v.currency),
      stock: v.stock,
      available: reason === null,
      reason,
    });
  }
  const currencies = new Set(lines.map((l) => l.unit_price.currency));
  const [currency] = currencies;
  return {
    lines,
    count: lines.reduce((n, l) => n + l.quantity, 0),
    subtotal: currencies.size === 1 ? money(lines.reduce((n, l) => n + l.line_total.amount_minor, 0), currency!) : null,
    problems: lines.flatMap((l) => (l.reason === null ? [] : [{ sku: l.sku, reason: l.reason }])),
  };
}

/** The 409 for sizes asking more than there is, one detail per sku (`sku:<sku>`). */
export function stockConflict(short: readonly Shortfall[]) {
  const [first] = short;
  const message =
    short.length > 1 ? 'Some sizes in your bag do not have enough stock' : first!.available <= 0 ? 'That size is sold out' : `Only ${first!.available} left in that size`;
  return fail.conflict(
    message,
    short.map((s) => ({ field: `sku:${s.sku}`, message: s.available <= 0 ? 'is sold out' : `has only ${s.available} left (${s.requested} asked)` })),
  );
}

/** Bag use cases: read, add, change a quantity, remove. */
export function createBagService(deps: BagDeps) {
  const { database, outbox, now } = deps;
  const db = database.db;

  async function viewOf(ex: Executor, actor: Actor): Promise<BagView> {
    const rows = await repo.listBag(ex, actor.id);
    const variants = await lookupVariants(
      ex,
      rows.map((r) => r.sku),
    );
    return describeBag(actor, rows, variants, now());
  }

  /** The variant behind a sku if this actor may put it in a bag: 404 when unseen, 422 when not buyable. */
  async function buyableVariant(actor: Actor, sku: string): Promise<VariantInfo> {
    const variant = (await lookupVariants(db, [sku])).get(sku);
    const at = now();
    if (!variant || !canSee(actor, variant.status, variant.releaseAt, at)) throw fail.notFound('Product');
    if (lineProblem(actor, variant, 1, at) === 'not_available') {
      throw fail.unprocessable('This product cannot be bought yet', [{ field: `sku:${sku}`, message: 'is not on sale to you' }]);
    }
    return variant;
  }

  return {
    /** The signed-in member's bag, availability and prices as they are now. */
    async getBag(ctx: RequestContext): Promise<BagView> {
      return viewOf(db, requireSignedIn(ctx));
    },

    /** Adds units of one size, growing an existing line; never more than stock or 10 a line. */
    async addToBag(ctx: RequestContext, input: AddItemInput): Promise<BagView> {
      const actor = requireSignedIn(ctx);
      const variant = await buyableVariant(actor, input.sku);
      try {
        await outbox.transaction(async (tx) => {
          const lineQuantity = await repo.addToLine(tx, actor.id, variant.sku, input.quantity);
          if (lineQuantity > variant.stock) throw stockConflict([{ sku: variant.sku, requested: lineQuantity, available: variant.stock }]);
          await outbox.emit(tx, {
            type: commerceEvents.bagItemAdded,
            data: {
              account_id: actor.id,
              sku: variant.sku,
              product_id: variant.productId,
              quantity: input.quantity,
              line_quantity: lineQuantity,
            } satisfies BagItemAdded,
          });
          await recordEvents(tx, [
            {
              ...eventContext(ctx)!,
              type: 'add_to_bag',
              productId: variant.productId,
              brand: variant.brand,
              quantity: input.quantity,
              amountMinor: variant.unitPriceMinor * input.quantity,
              currency: variant.currency,
            },
          ]);
        });
      } catch (error) {
        // The check constraint is the last word on the per-line maximum, even for two adds racing.
        const state = sqlStateOf(error);
        if (state.code === '23514' && state.constraint === 'bag_items_quantity_check') {
          throw fail.unprocessable(`A bag holds at most ${MAX_LINE_QUANTITY} of one size`, [
            { field: 'body.quantity', message: `would make more than ${MAX_LINE_QUANTITY} in the bag` },
          ]);
        }
        throw error;
      }
      return viewOf(db, actor);
    },

    /** Sets the quantity of a line already in the bag. */
    async setQuantity(ctx: RequestContext, sku: string, quantity: number): Promise<BagView> {
      const actor = requireSignedIn(ctx);
      const line = await repo.findLine(db, actor.id, sku);
      if (!line) throw fail.notFound('That bag line');
      const variant = await buyableVariant(actor, sku);
      if (quantity > variant.stock) throw stockConflict([{ sku, requested: quantity, available: variant.stock }]);
      if (!(await repo.setLineQuantity(db, actor.id, sku, quantity))) throw fail.notFound('That bag line');
      return viewOf(db, actor);
    },

    /** Takes a line out of the bag; removing a line that is not there changes nothing. */
    async removeFromBag(ctx: RequestContext, sku: string): Promise<BagView> {
      const actor = requireSignedIn(ctx);
      await repo.removeLine(db, actor.id, sku);
      return viewOf(db, actor);
    },
  };
}

export type BagService = ReturnType<typeof createBagService>;
