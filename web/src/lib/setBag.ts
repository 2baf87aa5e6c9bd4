import type { ProductSet, ProductSummary, SetBagResult, SetSkipReason, Variant } from '../api/types.ts';
import { withSize } from './sizes.ts';

/**
 * What the member chose for a piece with several sizes: a SKU, LEAVE_OUT, or '' for nothing yet.
 * (A plain string: SKUs are strings too.)
 */
export type SizeChoice = string;
export const LEAVE_OUT = '__leave_out__';

/** The sizes a member can choose from: those with stock. */
export function sizesInStock(product: ProductSummary): Variant[] {
  const soldOut = product.status === 'sold_out' || !product.in_stock;
  return soldOut ? [] : product.variants.filter((v) => v.stock > 0);
}

/** Pieces that need a size chosen: more than one size in stock. */
export function needsSize(product: ProductSummary): boolean {
  return sizesInStock(product).length > 1;
}

/** The SKUs to send: only the chosen sizes (a lone size in stock is added without asking). */
export function chosenSizes(choices: Record<string, SizeChoice>): Record<string, string> {
  const sizes: Record<string, string> = {};
  for (const [productId, choice] of Object.entries(choices)) if (choice && choice !== LEAVE_OUT) sizes[productId] = choice;
  return sizes;
}

export interface BagSummaryLine {
  productId: string;
  text: string;
}

export interface SetBagSummary {
  added: BagSummaryLine[];
  skipped: BagSummaryLine[];
}

function skipReason(reason: SetSkipReason, leftOut: boolean): string {
  switch (reason) {
    case 'sold_out':
      return 'sold out';
    case 'not_available':
      return 'not available to buy';
    case 'not_enough_stock':
      return 'not enough left in stock';
    case 'choose_size':
      return leftOut ? 'left out, as you chose' : 'needs a size: choose one above';
  }
}

/** The answer in words: each piece added (with its size) and each skipped (with why). */
export function summarise(set: ProductSet, result: SetBagResult, choices: Record<string, SizeChoice>): SetBagSummary {
  const products = new Map(set.items.map((item) => [item.product.id, item.product]));
  return {
    added: result.added.map(({ product_id, sku }) => {
      const product = products.get(product_id);
      const size = product?.variants.find((v) => v.sku === sku)?.size;
      const title = product?.title ?? product_id;
      return { productId: product_id, text: size ? withSize(title, size) : title };
    }),
    skipped: result.skipped.map(({ product_id, reason }) => ({
      productId: product_id,
      text: `${products.get(product_id)?.title ?? product_id}: ${skipReason(reason, choices[product_id] === LEAVE_OUT)}`,
    })),
  };
}
