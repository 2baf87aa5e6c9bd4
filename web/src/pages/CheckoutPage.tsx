import { Link } from 'react-router';
import { Button, ButtonLink } from '../components/Button.tsx';
import { Card } from '../components/Card.tsx';
import { AddressFields } from '../components/checkout/AddressFields.tsx';
import { CardFields } from '../components/checkout/CardFields.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormProblem } from '../components/FormProblem.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { OrderLines, Totals } from '../components/shop/OrderLines.tsx';
import { useCheckout } from '../hooks/useCheckout.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useFreshBag } from '../hooks/useFreshBag.ts';
import { formatMoney } from '../lib/money.ts';
import { RetryNotice } from '../components/RetryNotice.tsx';

/** Checkout: where it goes and how it is paid, beside what is being bought. Members only. */
export function CheckoutPage() {
  useDocumentTitle('Checkout');
  const { bag, loading, problem, retry } = useFreshBag();
  const { form, declined, stockProblems } = useCheckout();

  if (!bag) {
    if (loading) return <PageLoading label="Loading your bag…" />;
    return (
      <div className="page">
        <PageHeader eyebrow="Checkout" title="Checkout" />
        <RetryNotice title="We couldn’t load your bag" message={problem} onRetry={retry} />
      </div>
    );
  }
  if (bag.lines.length === 0 && !form.busy) {
    return (
      <div className="page">
        <PageHeader eyebrow="Checkout" title="Checkout" />
        <EmptyState
          icon="bag"
          title="Your bag is empty"
          action={
            <ButtonLink to="/explore" variant="secondary">
              Explore pieces
            </ButtonLink>
          }
        >
          <p>Add a piece to your bag, then come back here to check out.</p>
        </EmptyState>
      </div>
    );
  }

  const outOfStock = Object.keys(stockProblems).length > 0;
  const blocked = bag.problems.length > 0;
  return (
    <div className="page">
      <PageHeader eyebrow="Checkout" title="Checkout" lede="Your order is placed once the payment goes through." />
      <div className="checkout">
        <Card as="aside" className="checkout__summary" aria-labelledby="checkout-summary-title">
          <h2 id="checkout-summary-title" className="summary__title">
            Your order
          </h2>
          <OrderLines lines={bag.lines} problems={stockProblems} label="Pieces in this order" />
          <Totals
            rows={[
              { label: 'Subtotal', value: bag.subtotal ? formatMoney(bag.subtotal) : '—' },
              { label: 'Shipping', value: 'Added when the order is placed' },
            ]}
          />
          <p className="summary__note">
            <Link to="/bag">Edit your bag</Link>
          </p>
        </Card>
        <form className="form checkout__form" onSubmit={form.onSubmit} noValidate aria-describedby={form.problem ? 'checkout-problem' : undefined}>
          <FormProblem id="checkout-problem" problem={form.problem} />
          {outOfStock && (
            <Notice tone="danger" title="Some pieces ran out while you were checking out">
              <p>
                Nothing was charged. <Link to="/bag">Review your bag</Link> and try again.
              </p>
            </Notice>
          )}
          <AddressFields form={form} />
          <CardFields form={form} declined={declined} />
          {blocked && !outOfStock && (
            <Notice tone="warning">
              Some pieces in your bag can’t be bought as they are. <Link to="/bag">Review your bag</Link> first.
            </Notice>
          )}
          <Button type="submit" size="lg" block loading={form.busy} loadingLabel="Placing your order…" disabled={blocked}>
            Place order
          </Button>
        </form>
      </div>
    </div>
  );
}
