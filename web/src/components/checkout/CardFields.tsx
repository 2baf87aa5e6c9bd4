import type { CheckoutForm } from '../../hooks/useCheckout.ts';
import { Notice } from '../Notice.tsx';
import { TextField } from '../TextField.tsx';

/** The test provider's cards, so anyone trying the shop can walk both paths. */
function TestCards() {
  return (
    <div className="test-cards" id="test-cards">
      <p className="test-cards__title">Test payments</p>
      <ul className="test-cards__list">
        <li>
          <code className="code">4242 4242 4242 4242</code> succeeds
        </li>
        <li>
          <code className="code">4000 0000 0000 0002</code> is declined
        </li>
      </ul>
      <p className="test-cards__note">Use any future expiry date and any 3-digit security code.</p>
    </div>
  );
}

/** Card number, expiry and security code; a decline is explained right here. */
export function CardFields({ form, declined }: { form: CheckoutForm; declined: string | null }) {
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">Payment</legend>
      {declined && (
        <Notice tone="danger" title="Your payment didn’t go through">
          <p>
            {/[.!?]$/.test(declined) ? declined : `${declined}.`} Nothing was charged, and your bag is just as you left it. Try another card.</p>
        </Notice>
      )}
      <TestCards />
      <TextField
        {...form.field('payment.card_number')}
        label="Card number"
        inputMode="numeric"
        autoComplete="cc-number"
        spellCheck={false}
        required
      />
      <div className="form-row">
        <TextField
          {...form.field('payment.expiry')}
          label="Expiry date"
          hint="MM/YY"
          inputMode="numeric"
          autoComplete="cc-exp"
          placeholder="MM/YY"
          required
        />
        <TextField
          {...form.field('payment.cvc')}
          label="Security code"
          hint="3 or 4 digits"
          inputMode="numeric"
          autoComplete="cc-csc"
          required
        />
      </div>
    </fieldset>
  );
}
