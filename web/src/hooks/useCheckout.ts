import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { placeOrder } from '../api/orders.ts';
import { useBag } from '../bag/BagContext.tsx';
import { browserCountry } from '../lib/countries.ts';
import {
  checkCheckout,
  checkoutLabels,
  checkoutRequest,
  emptyCheckout,
  formatCardNumber,
  formatCvc,
  formatExpiry,
  newIdempotencyKey,
  type CheckoutField,
  type CheckoutValues,
} from '../lib/checkout.ts';
import { useMemberForm } from './useMemberForm.ts';

export type CheckoutForm = ReturnType<typeof useMemberForm<CheckoutField, CheckoutValues>>;

/**
 * The checkout form and what happens when it is sent.
 *
 * Idempotency: one key per checkout attempt. Sending exactly the same thing again (after a lost
 * answer or a double press) reuses the key, so the server answers with the first outcome instead
 * of charging twice; any change (another card, a corrected address, a bag that changed) is a new
 * attempt with a new key.
 */
export function useCheckout() {
  const navigate = useNavigate();
  const { bag, refresh } = useBag();
  const attempt = useRef<{ key: string; fingerprint: string } | null>(null);
  const [declined, setDeclined] = useState<string | null>(null);
  const [stockProblems, setStockProblems] = useState<Record<string, string>>({});

  const form = useMemberForm<CheckoutField, CheckoutValues>({
    initial: emptyCheckout(browserCountry(), ''),
    check: (values) => checkCheckout(values),
    labels: checkoutLabels,
    normalise: { 'payment.card_number': formatCardNumber, 'payment.expiry': formatExpiry, 'payment.cvc': formatCvc },
    async send(values) {
      setDeclined(null);
      setStockProblems({});
      const request = checkoutRequest(values);
      const fingerprint = JSON.stringify([request, bag?.lines.map((line) => [line.sku, line.quantity])]);
      if (attempt.current?.fingerprint !== fingerprint) attempt.current = { key: newIdempotencyKey(), fingerprint };
      try {
        const order = await placeOrder(request, attempt.current.key);
        void navigate(`/orders/${encodeURIComponent(order.id)}`, { replace: true, state: { placed: true } });
        // The bag is empty now; the badge should say so. A failed refresh only delays that.
        refresh().catch(() => undefined);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 402 || error.code === 'COT_ERR_PAYMENT_DECLINED')) {
          setDeclined(error.message);
          return;
        }
        if (error instanceof ApiError && error.status === 409) {
          const problems: Record<string, string> = {};
          for (const detail of error.details) {
            if (detail.field?.startsWith('sku:')) problems[detail.field.slice(4)] = detail.message;
          }
          setStockProblems(problems);
          // Show the stock as it is now; the member decides what to change in the bag.
          refresh().catch(() => undefined);
          return;
        }
        throw error;
      }
    },
  });

  return { form, declined, stockProblems };
}
