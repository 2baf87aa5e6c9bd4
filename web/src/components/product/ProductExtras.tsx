import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { fetchProduct } from '../../api/catalog.ts';
import type { MemberPhoto, ProductSummary, SimilarProduct } from '../../api/types.ts';
import { ProductGrid } from '../shop/ProductGrid.tsx';

const SIMILAR_SHOWN = 4;

/**
 * "You may also like": the best visually similar pieces, each read as a product so it shows with
 * its price and badges. Pieces this member cannot see are left out; nothing shows when none remain.
 */
export function SimilarProducts({ similar }: { similar: SimilarProduct[] }) {
  const [products, setProducts] = useState<ProductSummary[]>([]);
  const ids = similar.slice(0, SIMILAR_SHOWN).map((s) => s.product_id);
  const key = ids.join(',');

  useEffect(() => {
    setProducts([]);
    if (!key) return;
    const controller = new AbortController();
    Promise.allSettled(key.split(',').map((id) => fetchProduct(id, controller.signal))).then((answers) => {
      if (controller.signal.aborted) return;
      setProducts(answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : [])));
    }, () => undefined);
    return () => controller.abort();
  }, [key]);

  if (products.length === 0) return null;
  return (
    <section className="product-extra" aria-labelledby="similar-title">
      <h2 id="similar-title" className="product-extra__title">
        You may also like
      </h2>
      <ProductGrid products={products} label="Similar pieces" />
    </section>
  );
}

/** Member photos tagged with this piece (the latest few), each opening its photo page. */
export function MemberPhotos({ photos, title }: { photos: MemberPhoto[]; title: string }) {
  if (photos.length === 0) return null;
  return (
    <section className="product-extra product-extra--photos" aria-labelledby="member-photos-title">
      <h2 id="member-photos-title" className="product-extra__title">
        Member photos
      </h2>
      <ul className="member-photos" aria-label={`Members wearing ${title}, newest first`}>
        {photos.map((photo, index) => (
          <li key={photo.id} className="member-photos__item">
            <Link to={`/photos/${encodeURIComponent(photo.id)}`} className="member-photos__link">
              <img src={photo.url} alt={`A member wearing ${title}, photo ${index + 1}`} loading="lazy" decoding="async" />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
