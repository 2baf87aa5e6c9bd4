import { Link } from 'react-router';
import type { Order } from '../../api/types.ts';
import { formatDate } from '../../lib/dates.ts';
import { formatMoney } from '../../lib/money.ts';
import { ProductImage } from '../shop/ProductImage.tsx';
import { OrderStatusBadge } from './OrderStatusBadge.tsx';

/** One order in the history: number, date, status, what was in it and the total. */
export function OrderCard({ order }: { order: Order }) {
  const units = order.lines.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <article className="order-card">
      <div className="order-card__head">
        <h2 className="order-card__number">
          <Link to={`/orders/${encodeURIComponent(order.id)}`} className="order-card__link">
            Order {order.number}
          </Link>
        </h2>
        <OrderStatusBadge status={order.status} />
      </div>
      <p className="order-card__meta">
        <time dateTime={order.created_at}>{formatDate(order.created_at)}</time> · {units} {units === 1 ? 'item' : 'items'} ·{' '}
        {formatMoney(order.total)}
      </p>
      <ul className="order-card__thumbs" aria-hidden="true">
        {order.lines.slice(0, 4).map((line) => (
          <li key={line.sku}>
            <ProductImage src={line.image} alt="" className="order-card__thumb" />
          </li>
        ))}
      </ul>
    </article>
  );
}
