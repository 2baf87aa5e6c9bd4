import type { ProductSummary } from '../../api/types.ts';
import { Badge } from '../Badge.tsx';

/** Whether nobody can buy the product now: no size has stock, or it is marked sold out. */
export function isSoldOut(product: Pick<ProductSummary, 'status' | 'in_stock'>): boolean {
  return product.status === 'sold_out' || !product.in_stock;
}

/** The badges a product wears on cards and its page: early access, sold out, sale. */
export function ProductBadges({ product }: { product: ProductSummary }) {
  const soldOut = isSoldOut(product);
  const badges = [
    product.status === 'early_access' && <Badge key="early" tone="accent">Early access</Badge>,
    soldOut && <Badge key="sold-out" tone="ink">Sold out</Badge>,
    !soldOut && product.sale_price && <Badge key="sale" tone="danger">Sale</Badge>,
  ].filter(Boolean);
  if (badges.length === 0) return null;
  return <div className="product-badges">{badges}</div>;
}
