import { Link } from 'react-router';
import type { Money } from '../../api/types.ts';
import { formatMoney } from '../../lib/money.ts';
import { sizeLabel } from '../../lib/sizes.ts';
import { ProductImage } from './ProductImage.tsx';

/** What bag lines and order lines have in common, for a compact read-only list. */
export interface SummaryLine {
  sku: string;
  product_id: string;
  title: string;
  brand: string;
  size: string;
  image: string | null;
  unit_price: Money;
  quantity: number;
  line_total: Money;
}

export interface OrderLinesProps {
  lines: SummaryLine[];
  /** A problem per SKU (stock that ran out at checkout), shown under its line. */
  problems?: Record<string, string>;
  label: string;
}

/** The pieces of a bag or an order, compact: photo, name, size, quantity and line total. */
export function OrderLines({ lines, problems = {}, label }: OrderLinesProps) {
  return (
    <ul className="order-lines" aria-label={label}>
      {lines.map((line) => (
        <li key={line.sku} className="order-line">
          <ProductImage src={line.image} alt="" className="order-line__image" />
          <div className="order-line__info">
            <p className="order-line__brand">{line.brand}</p>
            <p className="order-line__title">
              <Link to={`/products/${encodeURIComponent(line.product_id)}`}>{line.title}</Link>
            </p>
            <p className="order-line__meta">
              {sizeLabel(line.size)} · {line.quantity} × {formatMoney(line.unit_price)}
            </p>
            {problems[line.sku] && <p className="order-line__problem">{problems[line.sku]}</p>}
          </div>
          <p className="order-line__total">{formatMoney(line.line_total)}</p>
        </li>
      ))}
    </ul>
  );
}

export interface TotalsProps {
  rows: { label: string; value: string; total?: boolean }[];
}

/** Subtotal, shipping and total as a definition list; the total row stands out. */
export function Totals({ rows }: TotalsProps) {
  return (
    <dl className="summary__totals">
      {rows.map((row) => (
        <div key={row.label} className={row.total ? 'summary__row summary__row--total' : 'summary__row'}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
