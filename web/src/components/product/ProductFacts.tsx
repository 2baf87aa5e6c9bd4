import { Link } from 'react-router';
import type { ProductDetail } from '../../api/types.ts';
import { titleCase, useVocabulary } from '../../hooks/useVocabulary.ts';
import { ColourSwatch } from '../explore/FacetGroup.tsx';

/** Colour, materials, category and the description: what a shopper reads before choosing. */
export function ProductFacts({ product }: { product: ProductDetail }) {
  const vocabulary = useVocabulary();
  const colours = product.colours.map((slug) => {
    const known = vocabulary?.colours.find((c) => c.slug === slug);
    return { slug, name: known?.name ?? titleCase(slug), hex: known?.hex ?? null };
  });
  const category = vocabulary?.categories.find((c) => c.slug === product.category);
  const subcategory = category?.subcategories.find((s) => s.slug === product.subcategory);

  return (
    <div className="product-facts">
      {product.description && (
        <section aria-labelledby="product-description">
          <h2 id="product-description" className="product-facts__title">
            Description
          </h2>
          <p className="product-facts__description">{product.description}</p>
        </section>
      )}
      <section aria-labelledby="product-details">
        <h2 id="product-details" className="product-facts__title">
          Details
        </h2>
        <dl className="facts">
          {colours.length > 0 && (
            <div className="facts__row">
              <dt>Colour</dt>
              <dd>
                <ul className="colour-list">
                  {colours.map((colour) => (
                    <li key={colour.slug} className="colour-list__item">
                      {vocabulary && <ColourSwatch hex={colour.hex} />}
                      {colour.name}
                    </li>
                  ))}
                </ul>
                {product.colour_raw && product.colour_raw.toLowerCase() !== colours[0]?.name.toLowerCase() && (
                  <span className="facts__aside">{product.colour_raw}</span>
                )}
              </dd>
            </div>
          )}
          {product.materials.length > 0 && (
            <div className="facts__row">
              <dt>Materials</dt>
              <dd>{titleCase(product.materials.join(', '))}</dd>
            </div>
          )}
          {product.pattern && (
            <div className="facts__row">
              <dt>Pattern</dt>
              <dd>{titleCase(product.pattern)}</dd>
            </div>
          )}
          <div className="facts__row">
            <dt>Category</dt>
            <dd>
              <Link to={`/explore?category=${encodeURIComponent(product.category)}`}>
                {category?.name ?? titleCase(product.category)}
              </Link>
              {product.subcategory && <> · {subcategory?.name ?? titleCase(product.subcategory)}</>}
            </dd>
          </div>
          <div className="facts__row">
            <dt>Product code</dt>
            <dd>{product.id}</dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
