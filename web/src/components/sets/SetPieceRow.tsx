import { forwardRef } from 'react';
import { Link } from 'react-router';
import type { ProductSummary } from '../../api/types.ts';
import { LEAVE_OUT, sizesInStock, type SizeChoice } from '../../lib/setBag.ts';
import { sizeLabel } from '../../lib/sizes.ts';
import { Price } from '../Price.tsx';
import { SelectField } from '../SelectField.tsx';
import { ProductImage } from '../shop/ProductImage.tsx';
import { isSoldOut } from '../shop/ProductBadges.tsx';

export interface SetPieceRowProps {
  product: ProductSummary;
  position: number;
  choice: SizeChoice;
  onChoose: (choice: SizeChoice) => void;
  error?: string | null;
}

/**
 * One piece of a set, in order: photo, brand, title, price, and what "Add all to bag" will do
 * with it: a size chooser when several sizes are in stock, the lone size, or "Sold out".
 * The ref is the size chooser, for focusing a missing choice.
 */
export const SetPieceRow = forwardRef<HTMLSelectElement, SetPieceRowProps>(function SetPieceRow(
  { product, position, choice, onChoose, error },
  ref,
) {
  const inStock = sizesInStock(product);
  const path = `/products/${encodeURIComponent(product.id)}`;
  return (
    <li className="set-piece">
      <span className="set-piece__position" aria-hidden="true">
        {position}
      </span>
      <Link to={path} className="set-piece__media" tabIndex={-1} aria-hidden="true">
        <ProductImage src={product.images[0]} alt="" />
      </Link>
      <div className="set-piece__info">
        <p className="set-piece__brand">{product.brand}</p>
        <h3 className="set-piece__title">
          <Link to={path}>{product.title}</Link>
        </h3>
        <Price price={product.price} sale={product.sale_price} />
      </div>
      <div className="set-piece__size">
        {isSoldOut(product) || inStock.length === 0 ? (
          <p className="set-piece__note set-piece__note--out">Sold out</p>
        ) : inStock.length === 1 ? (
          <p className="set-piece__note">{sizeLabel(inStock[0]?.size ?? '')}</p>
        ) : (
          <SelectField
            ref={ref}
            label={
              <>
                Size<span className="visually-hidden"> for {product.title}</span>
              </>
            }
            value={choice}
            onChange={(event) => onChoose(event.target.value)}
            error={error}
          >
            <option value="">Choose a size</option>
            {product.variants.map((variant) => (
              <option key={variant.sku} value={variant.sku} disabled={variant.stock <= 0}>
                {variant.size}
                {variant.stock <= 0 ? ' — sold out' : ''}
              </option>
            ))}
            <option value={LEAVE_OUT}>Leave this piece out</option>
          </SelectField>
        )}
      </div>
    </li>
  );
});
