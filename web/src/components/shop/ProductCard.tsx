import { Link } from 'react-router';
import type { ProductSummary } from '../../api/types.ts';
import { Price } from '../Price.tsx';
import { Skeleton } from '../Skeleton.tsx';
import { ProductBadges } from './ProductBadges.tsx';
import { ProductImage } from './ProductImage.tsx';

export interface ProductCardProps {
  product: ProductSummary;
  /** Position in the grid, so "Load more" can move focus to the first new card. */
  index?: number;
  eager?: boolean;
}

/**
 * A product in a grid. The title is the one link (its hit area stretched over the whole card),
 * so a screen reader hears one link named after the product rather than three.
 */
export function ProductCard({ product, index, eager }: ProductCardProps) {
  return (
    <article className="product-card">
      <div className="product-card__media">
        <ProductImage src={product.images[0]} alt="" eager={eager} />
        <ProductBadges product={product} />
      </div>
      <p className="product-card__brand">{product.brand}</p>
      <h3 className="product-card__title">
        <Link to={`/products/${encodeURIComponent(product.id)}`} className="product-card__link" data-product-index={index}>
          {product.title}
        </Link>
      </h3>
      <Price price={product.price} sale={product.sale_price} />
    </article>
  );
}

export function ProductCardSkeleton() {
  return (
    <div className="product-card product-card--skeleton" aria-hidden="true">
      <Skeleton shape="block" aspectRatio="3 / 4" />
      <Skeleton width="40%" />
      <Skeleton width="85%" />
      <Skeleton width="30%" />
    </div>
  );
}
