/**
 * Several sizes into a member's bag at once, inside the caller's transaction (adding a whole set, a
 * stylist's suggestion): each line is checked like a single add (lifecycle, stock, the per-line
 * maximum) and either added or refused with its reason, so the caller can say what went in.
 */
import type { Executor } from '../../platform/db/index.js';
import type { Actor } from '../../platform/http/context.js';
import type { Outbox } from '../../platform/outbox/index.js';
import { lookupVariants, totalsBySku } from '../catalog/index.js';
import { lineProblem } from './bag.service.js';
import { commerceEvents, type BagItemAdded } from './commerce.events.js';
import { commerceRepository as repo } from './commerce.repository.js';
import type { BagLineReason } from './commerce.schemas.js';
import { MAX_LINE_QUANTITY } from './commerce.tables.js';

export interface AddedBagLine {
  sku: string;
  productId: string;
  brand: string;
  /** Units this call put in. */
  quantity: number;
  /** Units of this size in the bag afterwards. */
  lineQuantity: number;
  unitPriceMinor: number;
  currency: string;
}

export interface RefusedBagLine {
  sku: string;
  /** Null for a sku that does not exist. */
  productId: string | null;
  reason: BagLineReason;
}

/**
 * Adds each line the actor may buy now to their bag, in the caller's transaction, and tells which were
 * refused: `not_available` (unknown, not visible or not on sale to them), `sold_out`, or
 * `not_enough_stock` (the line would exceed the stock or the 10-a-line maximum).
 */
export async function addLinesToBag(
  tx: Executor,
  outbox: Outbox,
  actor: Actor,
  lines: readonly { sku: string; quantity: number }[],
  now: Date = new Date(),
): Promise<{ added: AddedBagLine[]; refused: RefusedBagLine[] }> {
  const totals = totalsBySku(lines);
  const variants = await lookupVariants(tx, [...totals.keys()]);
  // The bag's lines stay locked until commit: a checkout of this bag waits for these additions.
  const inBag = new Map((await repo.lockBag(tx, actor.id)).map((l) => [l.sku, l.quantity]));
  const added: AddedBagLine[] = [];
  const refused: RefusedBagLine[] = [];
  for (const [sku, quantity] of totals) {
    const variant = variants.get(sku);
    const wanted = (inBag.get(sku) ?? 0) + quantity;
    const problem = lineProblem(actor, variant, wanted, now) ?? (wanted > MAX_LINE_QUANTITY ? 'not_enough_stock' : null);
    if (!variant || problem !== null) {
      refused.push({ sku, productId: variant?.productId ?? null, reason: problem ?? 'not_available' });
      continue;
    }
    const lineQuantity = await repo.addToLine(tx, actor.id, sku, quantity);
    added.push({
      sku,
      productId: variant.productId,
      brand: variant.brand,
      quantity,
      lineQuantity,
      unitPriceMinor: variant.unitPriceMinor,
      currency: variant.currency,
    });
  }
  await outbox.emit(
    tx,
    added.map((a) => ({
      type: commerceEvents.bagItemAdded,
      data: { account_id: actor.id, sku: a.sku, product_id: a.productId, quantity: a.quantity, line_quantity: a.lineQuantity } satisfies BagItemAdded,
    })),
  );
  return { added, refused };
}
