import type { ProductSummary } from '../../api/types.ts';
import { ProductCard, ProductCardSkeleton } from './ProductCard.tsx';

export interface ProductGridProps {
  products: ProductSummary[];
  /** Names the list for assistive technology ("Search results", "You may also like"). */
  label: string;
}

/** Two columns on phones, up to four on wide screens. */
export function ProductGrid({ products, label }: ProductGridProps) {
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((product, index) => (
        <li key={product.id} className="product-grid__item">
          <ProductCard product={product} index={index} eager={index < 4} />
        </li>
      ))}
    </ul>
  );
}

/** The grid's shape while the first results load. */
export function ProductGridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <div className="product-grid" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <ProductCardSkeleton key={i} />
      ))}
    </div>
  );
}
