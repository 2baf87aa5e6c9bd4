import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { fetchOrder } from '../api/orders.ts';
import type { Order } from '../api/types.ts';
import { ButtonLink } from '../components/Button.tsx';
import { Card } from '../components/Card.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Notice } from '../components/Notice.tsx';
import { CancelOrder } from '../components/orders/CancelOrder.tsx';
import { canCancel, OrderStatusBadge } from '../components/orders/OrderStatusBadge.tsx';
import { StatusHistory } from '../components/orders/StatusHistory.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { OrderLines, Totals } from '../components/shop/OrderLines.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useResource } from '../hooks/useResource.ts';
import { countries } from '../lib/countries.ts';
import { formatDateTime } from '../lib/dates.ts';
import { formatMoney } from '../lib/money.ts';
import { LoadFailedPage } from '../components/RetryNotice.tsx';

/** One order at /orders/:id, also the confirmation page right after checkout. Members only. */
export function OrderPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const justPlaced = (location.state as { placed?: boolean } | null)?.placed === true;
  const { state, retry, replace } = useResource(id, (signal) => fetchOrder(id, signal));
  useDocumentTitle(state.status === 'ready' ? `Order ${state.data.number}` : 'Order');

  if (state.status === 'loading') return <PageLoading label="Loading your order…" />;
  if (state.status === 'missing') {
    return (
      <div className="page">
        <PageHeader eyebrow="404" title="Order not found" />
        <EmptyState icon="orders" title="We can’t find this order" action={<ButtonLink to="/orders" variant="secondary">Your orders</ButtonLink>}>
          <p>It may belong to another account, or the link may be mistyped.</p>
        </EmptyState>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <LoadFailedPage heading="Order" title="We couldn’t load this order" message={state.message} onRetry={retry} />
    );
  }
  return <OrderView order={state.data} justPlaced={justPlaced} onChange={replace} />;
}

function OrderView({ order, justPlaced, onChange }: { order: Order; justPlaced: boolean; onChange: (order: Order) => void }) {
  const [cancelled, setCancelled] = useState(false);
  const address = order.shipping_address;
  const country = countries().find((c) => c.code === address.country)?.name ?? address.country;
  return (
    <div className="page">
      <PageHeader
        eyebrow={justPlaced ? 'Thank you' : 'Order'}
        title={justPlaced ? `Order ${order.number} is confirmed` : `Order ${order.number}`}
        lede={`Placed ${formatDateTime(order.created_at)}`}
        actions={<OrderStatusBadge status={order.status} />}
      />
      {cancelled && (
        <Notice tone="success" title="Your order is cancelled">
          The full amount goes back to your card, and the pieces are back in stock for others.
        </Notice>
      )}
      {justPlaced && !cancelled && (
        <Notice tone="success" title="Thank you for your order">
          Your order number is <strong>{order.number}</strong>. We’ll keep its status up to date here.
        </Notice>
      )}
      <div className="order-detail">
        <Card as="section" aria-labelledby="order-pieces-title" className="order-detail__lines">
          <h2 id="order-pieces-title" className="summary__title">
            Pieces
          </h2>
          <OrderLines lines={order.lines} label="Pieces in this order" />
          <Totals
            rows={[
              { label: 'Subtotal', value: formatMoney(order.subtotal) },
              { label: 'Shipping', value: order.shipping.amount_minor === 0 ? 'Free' : formatMoney(order.shipping) },
              { label: 'Total', value: formatMoney(order.total), total: true },
            ]}
          />
        </Card>
        <div className="order-detail__side">
          <Card as="section" aria-labelledby="order-address-title">
            <h2 id="order-address-title" className="summary__title">
              Delivering to
            </h2>
            <address className="address">
              {[address.name, address.line1, address.line2, address.city, address.postcode, country]
                .filter(Boolean)
                .map((part, index) => (
                  <span key={index}>{part}</span>
                ))}
            </address>
            {order.payment?.card_last4 && <p className="summary__note">Paid by card ending {order.payment.card_last4}</p>}
          </Card>
          <Card as="section" aria-labelledby="order-history-title">
            <h2 id="order-history-title" className="summary__title">
              Progress
            </h2>
            <StatusHistory history={order.history} />
            {canCancel(order.status) && (
              <CancelOrder
                order={order}
                onCancelled={(next) => {
                  setCancelled(true);
                  onChange(next);
                  // The button is gone: start keyboard users again from the page's heading.
                  requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-page-title]')?.focus());
                }}
              />
            )}
          </Card>
        </div>
      </div>
      <div className="button-row button-row--start">
        <ButtonLink to="/orders" variant="secondary">
          All your orders
        </ButtonLink>
        <ButtonLink to="/explore" variant="ghost">
          Keep shopping
        </ButtonLink>
      </div>
    </div>
  );
}
