import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { fetchProduct } from '../api/catalog.ts';
import { fetchLoveState } from '../api/social.ts';
import type { ProductDetail } from '../api/types.ts';
import { ButtonLink } from '../components/Button.tsx';
import { Comments } from '../components/comments/Comments.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Icon } from '../components/Icon.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Price } from '../components/Price.tsx';
import { BuyBox } from '../components/product/BuyBox.tsx';
import { MemberPhotos, SimilarProducts } from '../components/product/ProductExtras.tsx';
import { ProductFacts } from '../components/product/ProductFacts.tsx';
import { ProductGallery } from '../components/product/ProductGallery.tsx';
import { AddToSet } from '../components/sets/AddToSet.tsx';
import { ProductBadges } from '../components/shop/ProductBadges.tsx';
import { Skeleton } from '../components/Skeleton.tsx';
import { SocialActions } from '../components/social/SocialActions.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useResource } from '../hooks/useResource.ts';
import { formatDateTime } from '../lib/dates.ts';
import { LoadFailedPage } from '../components/RetryNotice.tsx';

/** The product and its love state together; a love state that fails to load leaves the heart unknown. */
async function fetchProductWithLoves(id: string, signal: AbortSignal): Promise<ProductDetail> {
  const [product, loves] = await Promise.all([
    fetchProduct(id, signal),
    fetchLoveState({ kind: 'product', id }, signal).catch((error: unknown) => {
      if (signal.aborted) throw error;
      return null;
    }),
  ]);
  return loves ? { ...product, loved: loves.loved, loves: loves.loves } : product;
}

/** One product at /products/:id: photos, price, sizes and "Add to bag". Open to visitors. */
export function ProductPage() {
  const { id = '' } = useParams();
  const { state, retry } = useResource(id, (signal) => fetchProductWithLoves(id, signal));
  useDocumentTitle(state.status === 'ready' ? `${state.data.title} · ${state.data.brand}` : state.status === 'missing' ? 'Piece not found' : 'Product');

  switch (state.status) {
    case 'loading':
      return <ProductSkeleton />;
    case 'missing':
      return <ProductNotFound />;
    case 'failed':
      return (
        <LoadFailedPage heading="This piece didn’t load" title="We couldn’t load this piece" message={state.message} onRetry={retry} />
      );
    case 'ready':
      return <ProductView product={state.data} />;
  }
}

function ProductView({ product }: { product: ProductDetail }) {
  const target = useMemo(() => ({ kind: 'product' as const, id: product.id }), [product.id]);
  return (
    <div className="page product">
      <div className="product__layout">
        <ProductGallery key={product.id} images={product.images} title={product.title} />
        <div className="product__info">
          <Link className="product__brand" to={`/explore?brand=${encodeURIComponent(product.brand_slug)}`}>
            {product.brand}
          </Link>
          <h1 className="product__title" tabIndex={-1} data-page-title>
            {product.title}
          </h1>
          <Price price={product.price} sale={product.sale_price} size="lg" />
          <ProductBadges product={product} />
          {product.status === 'early_access' && (
            <p className="product__release">
              <Icon name="clock" size={18} />
              {product.release_at ? <>Released to everyone on {formatDateTime(product.release_at)}</> : <>For our closest clients first</>}
            </p>
          )}
          <BuyBox key={product.id} product={product} />
          <SocialActions target={target} title={product.title} loved={product.loved ?? false} loves={product.loves ?? null}>
            <AddToSet productId={product.id} title={product.title} />
          </SocialActions>
          <ProductFacts product={product} />
        </div>
      </div>
      <MemberPhotos photos={product.member_photos} title={product.title} />
      <SimilarProducts similar={product.similar} />
      <Comments key={product.id} target={target} />
    </div>
  );
}

function ProductSkeleton() {
  return (
    <div className="page product" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading this piece…
      </p>
      <div className="product__layout" aria-hidden="true">
        <Skeleton shape="block" aspectRatio="3 / 4" />
        <div className="product__info">
          <Skeleton width="30%" />
          <Skeleton width="80%" />
          <Skeleton width="25%" />
          <Skeleton shape="block" aspectRatio="6 / 1" />
        </div>
      </div>
    </div>
  );
}

function ProductNotFound() {
  return (
    <div className="page">
      <PageHeader eyebrow="404" title="Piece not found" />
      <EmptyState
        icon="lost"
        title="This piece isn’t here"
        action={
          <ButtonLink to="/explore" variant="secondary">
            Explore the collection
          </ButtonLink>
        }
      >
        <p>It may have sold out for good, not be released yet, or the link may be mistyped.</p>
      </EmptyState>
    </div>
  );
}
