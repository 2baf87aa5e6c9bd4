/**
 * The inventory panel of an alert and the reorder advice.
 *
 *   daily demand  d = max(sold over 7 days ÷ 7, sold over 28 days ÷ 28) × lift, where lift is the
 *                     trend's unique members over the last 24 h ÷ what the baseline expected,
 *                     between 1 and 4 (the trend is expected to carry sales with it, within reason)
 *   safety stock  s = z · √(L · (d + d²/r))    demand over the lead time L treated as negative
 *                     binomial (r = 4) at a 95% service level (z = 1.645)
 *   reorder       q = max(0, ⌈d · L + s − stock on hand − on order⌉)
 *
 * On order is what buyers recorded as reordered from alerts on the same key within the lead time.
 */
import type { InventoryRow } from './trends.repository.js';
import type { InventoryContext } from './trends.schemas.js';

export const SERVICE_LEVEL_Z = 1.645;
const DISPERSION = 4;
const MAX_LIFT = 4;

export interface ReorderInputs {
  sold7d: number;
  sold28d: number;
  /** Unique members over the last 24 h and what the baseline expected in them. */
  actors24h: number;
  expectedActors24h: number;
  stockOnHand: number;
  onOrder: number;
  leadTimeDays: number;
}

/** The suggested reorder quantity and the figures behind it (see the formula above). */
export function suggestReorderQuantity(i: ReorderInputs): InventoryContext['suggested_reorder'] {
  const rate = Math.max(i.sold7d / 7, i.sold28d / 28);
  const lift = Math.min(MAX_LIFT, Math.max(1, i.actors24h / Math.max(1, i.expectedActors24h)));
  const daily = rate * lift;
  const safety = SERVICE_LEVEL_Z * Math.sqrt(i.leadTimeDays * (daily + (daily * daily) / DISPERSION));
  const quantity = Math.max(0, Math.ceil(daily * i.leadTimeDays + safety - i.stockOnHand - i.onOrder));
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return {
    quantity,
    daily_demand: r2(daily),
    lead_time_days: i.leadTimeDays,
    safety_stock: r2(safety),
    stock_on_hand: i.stockOnHand,
    on_order: i.onOrder,
    formula:
      `${r2(daily)} a day (sales ${r2(rate)} a day × trend lift ${r2(lift)}) × ${i.leadTimeDays} days lead time + ` +
      `${r2(safety)} safety stock − ${i.stockOnHand} on hand − ${i.onOrder} on order = ${quantity}`,
  };
}

/** The inventory panel from the products behind an alert. */
export function inventoryContext(
  rows: readonly InventoryRow[],
  demand: { actors24h: number; expectedActors24h: number; onOrder: number; leadTimeDays: number },
  imageUrl: (key: string) => string,
): InventoryContext {
  const products = rows.map((r) => {
    const sizes = r.sizes.map((s) => ({ size: s.size, stock: Number(s.stock) }));
    return {
      product_id: r.product_id,
      title: r.title,
      image: r.image === null ? null : imageUrl(r.image),
      stock: sizes.reduce((n, s) => n + s.stock, 0),
      stock_by_size: sizes,
      sold_7d: Number(r.sold_7d),
      sold_28d: Number(r.sold_28d),
    };
  });
  const bySize = new Map<string, number>();
  for (const p of products) for (const s of p.stock_by_size) bySize.set(s.size, (bySize.get(s.size) ?? 0) + s.stock);
  const stockOnHand = products.reduce((n, p) => n + p.stock, 0);
  const sold7d = products.reduce((n, p) => n + p.sold_7d, 0);
  const sold28d = products.reduce((n, p) => n + p.sold_28d, 0);
  const through = (sold: number) => (sold + stockOnHand === 0 ? 0 : Math.round((sold / (sold + stockOnHand)) * 1000) / 1000);
  products.sort((a, b) => b.sold_28d - a.sold_28d || b.sold_7d - a.sold_7d || (a.product_id < b.product_id ? -1 : 1));
  return {
    products: products.slice(0, 12),
    stock_on_hand: stockOnHand,
    stock_by_size: [...bySize.entries()].map(([size, stock]) => ({ size, stock })),
    sold_7d: sold7d,
    sold_28d: sold28d,
    sell_through_7d: through(sold7d),
    sell_through_28d: through(sold28d),
    days_of_cover: sold7d === 0 ? null : Math.round((stockOnHand / (sold7d / 7)) * 10) / 10,
    on_order: demand.onOrder,
    suggested_reorder: suggestReorderQuantity({
      sold7d,
      sold28d,
      actors24h: demand.actors24h,
      expectedActors24h: demand.expectedActors24h,
      stockOnHand,
      onOrder: demand.onOrder,
      leadTimeDays: demand.leadTimeDays,
    }),
  };
}
