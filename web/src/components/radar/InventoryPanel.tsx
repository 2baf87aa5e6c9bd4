import { Link } from 'react-router';
import type { InventoryContext, StockBySize } from '../../api/trends.ts';
import { countOf } from '../../lib/words.ts';
import { ProductImage } from '../shop/ProductImage.tsx';
import { formatShare } from './radarWords.ts';

function daysOfCover(days: number | null): string {
  if (days === null) return 'No sales in 7 days';
  return `${days.toLocaleString(undefined, { maximumFractionDigits: 1 })} ${days === 1 ? 'day' : 'days'}`;
}

/**
 * Whether the shop can ride the trend: stock on hand and by size, what sold, how fast it sells
 * through, how long the stock lasts, what is already on order, and the reorder Coterie suggests.
 */
export function InventoryPanel({ inventory }: { inventory: InventoryContext }) {
  const advice = inventory.suggested_reorder;
  const figures: [string, string][] = [
    ['Stock on hand', countOf(inventory.stock_on_hand, 'unit', 'units')],
    ['Sold, last 7 days', inventory.sold_7d.toLocaleString()],
    ['Sold, last 28 days', inventory.sold_28d.toLocaleString()],
    ['Sell-through, 7 days', formatShare(inventory.sell_through_7d)],
    ['Sell-through, 28 days', formatShare(inventory.sell_through_28d)],
    ['Days of cover', daysOfCover(inventory.days_of_cover)],
    ['On order', countOf(inventory.on_order, 'unit', 'units')],
  ];
  return (
    <div className="inventory">
      <dl className="radar-facts radar-facts--compact" aria-label="Stock and sales">
        {figures.map(([term, value]) => (
          <div key={term} className="radar-facts__item">
            <dt className="radar-facts__term">{term}</dt>
            <dd className="radar-facts__value">{value}</dd>
          </div>
        ))}
      </dl>
      <StockSizes sizes={inventory.stock_by_size} />
      <div className="inventory__advice" role="group" aria-labelledby="reorder-advice-title">
        <p id="reorder-advice-title" className="inventory__advice-title">
          Suggested reorder
        </p>
        <p className="inventory__advice-quantity">{countOf(advice.quantity, 'unit', 'units')}</p>
        <p className="inventory__formula">{advice.formula}</p>
      </div>
      {inventory.products.length > 0 && (
        <ul className="inventory__products" aria-label="Products behind this alert, most sold first">
          {inventory.products.map((product) => (
            <li key={product.product_id} className="inventory__product">
              <ProductImage src={product.image} alt="" className="inventory__thumb" />
              <div>
                <Link to={`/products/${encodeURIComponent(product.product_id)}`} className="inventory__product-link">
                  {product.title}
                </Link>
                <p className="radar-muted">
                  {countOf(product.stock, 'unit', 'units')} in stock · {product.sold_7d.toLocaleString()} sold in 7 days
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Stock by size, so a buyer sees which sizes will run out first. */
function StockSizes({ sizes }: { sizes: StockBySize[] }) {
  if (sizes.length === 0) return null;
  return (
    <div className="radar-table-wrap">
      <table className="radar-table radar-table--sizes">
        <caption className="inventory__caption">Stock by size</caption>
        <thead>
          <tr>
            <th scope="col">Size</th>
            <th scope="col" className="radar-table__number">
              Stock
            </th>
          </tr>
        </thead>
        <tbody>
          {sizes.map((row) => (
            <tr key={row.size} className={row.stock === 0 ? 'radar-table__row--out' : undefined}>
              <th scope="row">{row.size}</th>
              <td className="radar-table__number">{row.stock === 0 ? 'Sold out' : row.stock.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
