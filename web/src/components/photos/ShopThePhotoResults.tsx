import type { ProductSummary, RecognisedProduct, ScoredProduct, VisualSearchRegion } from '../../api/types.ts';
import type { ProductsById } from '../../hooks/useProductsById.ts';
import { ButtonLink } from '../Button.tsx';
import { EmptyState } from '../EmptyState.tsx';
import { ProductCard } from '../shop/ProductCard.tsx';
import { ProductGrid, ProductGridSkeleton } from '../shop/ProductGrid.tsx';

/** What one search (or one garment of it) found. */
export interface PhotoMatch {
  recognised: RecognisedProduct | null;
  results: ScoredProduct[];
}

/** "92%": how sure recognition is, for people. */
export function confidencePercent(confidence: number): string {
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
}

/** The recognised piece (when the member may see it) and the similar ones, without the recognised one. */
export function matchedProducts(match: PhotoMatch, products: Map<string, ProductSummary>): { found: ProductSummary | null; similar: ProductSummary[] } {
  const found = match.recognised ? (products.get(match.recognised.product_id) ?? null) : null;
  const similar = match.results.flatMap((r) => {
    const product = products.get(r.product_id);
    return product && product.id !== found?.id ? [product] : [];
  });
  return { found, similar };
}

/**
 * The results of shopping a photo: the recognised piece highlighted with how sure we are, then the
 * similar pieces as a grid. An empty state when nothing the member can see came back.
 */
export function ShopThePhotoResults({ match, products }: { match: PhotoMatch; products: ProductsById }) {
  if (products.status !== 'ready') {
    return (
      <div className="shop-photo__loading">
        <p className="shop-photo__status">Finding the pieces…</p>
        <ProductGridSkeleton count={4} />
      </div>
    );
  }
  const { found, similar } = matchedProducts(match, products.products);
  if (!found && similar.length === 0) {
    return (
      <EmptyState
        icon="search"
        title="Nothing like this in the collection yet"
        action={
          <ButtonLink to="/explore" variant="secondary">
            Explore the collection
          </ButtonLink>
        }
      >
        <p>Try a photo where the piece fills more of the frame, in good light.</p>
      </EmptyState>
    );
  }
  return (
    <>
      {found && match.recognised && (
        <section className="shop-photo__found" aria-labelledby="shop-photo-found-title">
          <div className="shop-photo__found-text">
            <h2 id="shop-photo-found-title" className="product-extra__title">
              We found it
            </h2>
            <p className="shop-photo__confidence">
              <strong>{confidencePercent(match.recognised.confidence)}</strong> sure this is the piece in your photo
            </p>
          </div>
          <div className="shop-photo__found-card">
            <ProductCard product={found} eager />
          </div>
        </section>
      )}
      {similar.length > 0 && (
        <section className="product-extra" aria-labelledby="shop-photo-similar-title">
          <h2 id="shop-photo-similar-title" className="product-extra__title">
            Similar pieces
          </h2>
          <ProductGrid products={similar} label="Similar pieces" />
        </section>
      )}
    </>
  );
}

export interface RegionButtonsProps {
  regions: VisualSearchRegion[];
  selected: number;
  onSelect: (index: number) => void;
}

/** The garments found in the photo, drawn over its preview as buttons: tapping one shops that piece. */
export function RegionButtons({ regions, selected, onSelect }: RegionButtonsProps) {
  return (
    <div className="shop-photo__regions" role="group" aria-label="Pieces found in your photo">
      {regions.map((region, index) => {
        const { x, y, w, h } = region.box;
        const percent = (v: number) => `${Math.min(100, Math.max(0, v * 100))}%`;
        return (
          <button
            key={index}
            type="button"
            className={index === selected ? 'shop-photo__region shop-photo__region--selected' : 'shop-photo__region'}
            style={{ left: percent(x), top: percent(y), width: percent(w), height: percent(h) }}
            aria-pressed={index === selected}
            onClick={() => onSelect(index)}
          >
            <span className="shop-photo__region-number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="visually-hidden">
              Piece {index + 1} of {regions.length}
              {region.recognised ? ', recognised' : ''}
            </span>
          </button>
        );
      })}
    </div>
  );
}
