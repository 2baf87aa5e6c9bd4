import { Button, ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Notice } from '../components/Notice.tsx';
import { OrderCard } from '../components/orders/OrderCard.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useOrderHistory } from '../hooks/useOrderHistory.ts';
import { RetryNotice } from '../components/RetryNotice.tsx';

/** The member's order history at /orders. Members only. */
export function OrdersPage() {
  useDocumentTitle('Your orders');
  const history = useOrderHistory();
  const { orders } = history;

  return (
    <div className="page">
      <PageHeader eyebrow="Orders" title="Your orders" lede="Everything you’ve ordered, newest first." />
      {history.problem && (
        <RetryNotice title="We couldn’t load your orders" message={history.problem} onRetry={history.retry} />
      )}
      {!orders && !history.problem && <PageLoading label="Loading your orders…" />}
      {orders && orders.length === 0 && (
        <EmptyState
          icon="orders"
          title="No orders yet"
          action={
            <ButtonLink to="/explore" variant="secondary">
              Explore pieces
            </ButtonLink>
          }
        >
          <p>When you buy something it appears here, with where it has got to.</p>
        </EmptyState>
      )}
      {orders && orders.length > 0 && (
        <>
          <ul className="order-list" aria-label="Orders">
            {orders.map((order) => (
              <li key={order.id}>
                <OrderCard order={order} />
              </li>
            ))}
          </ul>
          <div className="load-more">
            {history.moreProblem && <Notice tone="danger">{history.moreProblem}</Notice>}
            {history.next && (
              <Button variant="secondary" onClick={history.loadMore} loading={history.loadingMore} loadingLabel="Loading more…">
                Load more orders
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
