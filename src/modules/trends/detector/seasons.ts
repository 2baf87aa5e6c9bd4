/**
 * The longer seasonality the baseline knows: how much of a garment members wear in each month,
 * relative to the year's average, in each hemisphere. Three months of history cannot teach a yearly
 * cycle, so this is a prior: warm-weather wear peaks in the local summer, cold-weather wear in the
 * local winter, and the southern hemisphere runs six months apart. Everything else is flat.
 */

/** Northern months January…December. */
const WARM = [0.5, 0.5, 0.65, 0.85, 1.15, 1.45, 1.6, 1.5, 1.05, 0.75, 0.5, 0.45];
const COLD = [1.5, 1.35, 1.05, 0.75, 0.55, 0.45, 0.45, 0.55, 0.85, 1.2, 1.5, 1.6];

const WARM_CATEGORIES = new Set(['swimwear', 'shorts']);
const COLD_CATEGORIES = new Set(['knitwear', 'coats-jackets']);

/** The seasonal index of a category in a hemisphere at a time (1 for all-year categories and non-category keys). */
export function seasonalIndex(category: string | null, hemisphere: 'north' | 'south', time: number): number {
  const table = category === null ? null : WARM_CATEGORIES.has(category) ? WARM : COLD_CATEGORIES.has(category) ? COLD : null;
  if (table === null) return 1;
  const month = new Date(time).getUTCMonth();
  return table[hemisphere === 'north' ? month : (month + 6) % 12]!;
}
