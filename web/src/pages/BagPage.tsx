import { BagLineItem } from '../components/bag/BagLineItem.tsx';
import { Button, ButtonLink } from '../components/Button.tsx';
import { Card } from '../components/Card.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { Totals } from '../components/shop/OrderLines.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useFreshBag } from '../hooks/useFreshBag.ts';
import { formatMoney } from '../lib/money.ts';
import { RetryNotice } from '../components/RetryNotice.tsx';

/** Bag: the pieces a member means to buy, with a fresh look at stock each visit. Members only. */
export function BagPage() {
  useDocumentTitle('Bag');
  const { bag, loading, problem, retry } = useFreshBag();

  const units = bag?.count ?? 0;
  return (
    <div className="page">
      <PageHeader
        eyebrow="Bag"
        title="Your bag"
        lede={bag && units > 0 ? `${units} ${units === 1 ? 'item' : 'items'}` : undefined}
      />
      {problem && (
        <RetryNotice title="We couldn’t load your bag" message={problem} onRetry={retry} />
      )}
      {!bag && loading && <PageLoading label="Loading your bag…" />}
      {bag && bag.lines.length === 0 && (
        <EmptyState
          icon="bag"
          title="Your bag is empty"
          action={
            <ButtonLink to="/explore" variant="secondary">
              Explore pieces
            </ButtonLink>
          }
        >
          <p>Pieces and whole sets you add to your bag will appear here, ready for checkout.</p>
        </EmptyState>
      )}
      {bag && bag.lines.length > 0 && (
        <div className="bag">
          <ul className="bag__lines" aria-label="Pieces in your bag">
            {bag.lines.map((line) => (
              <BagLineItem key={line.sku} line={line} />
            ))}
          </ul>
          <Card as="aside" className="bag__summary" aria-labelledby="bag-summary-title">
            <h2 id="bag-summary-title" className="summary__title">
              Summary
            </h2>
            <Totals rows={[{ label: 'Subtotal', value: bag.subtotal ? formatMoney(bag.subtotal) : '—', total: true }]} />
            <p className="summary__note">Shipping is worked out at checkout.</p>
            {bag.problems.length > 0 ? (
              <>
                <Notice tone="warning">
                  {bag.problems.length === 1 ? 'One piece needs' : `${bag.problems.length} pieces need`} your attention
                  before checkout.
                </Notice>
                <Button size="lg" block disabled>
                  Checkout
                </Button>
              </>
            ) : (
              <ButtonLink to="/checkout" size="lg" block>
                Checkout
              </ButtonLink>
            )}
          </Card>
        </div>
      )}
    </div>
  );
}
