import { useMemo } from 'react';
import type { CheckoutForm } from '../../hooks/useCheckout.ts';
import { countries } from '../../lib/countries.ts';
import { SelectField } from '../SelectField.tsx';
import { TextField } from '../TextField.tsx';

/** Where the order goes, with the autocomplete names browsers fill addresses from. */
export function AddressFields({ form }: { form: CheckoutForm }) {
  const all = useMemo(() => countries(), []);
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">Shipping address</legend>
      <TextField {...form.field('shipping_address.name')} label="Full name" autoComplete="shipping name" required />
      <TextField {...form.field('shipping_address.line1')} label="Address line 1" autoComplete="shipping address-line1" required />
      <TextField {...form.field('shipping_address.line2')} label="Address line 2" optional autoComplete="shipping address-line2" />
      <div className="form-row">
        <TextField {...form.field('shipping_address.city')} label="Town or city" autoComplete="shipping address-level2" required />
        <TextField
          {...form.field('shipping_address.postcode')}
          label="Postcode"
          autoComplete="shipping postal-code"
          autoCapitalize="characters"
          required
        />
      </div>
      <SelectField {...form.field('shipping_address.country')} label="Country" autoComplete="shipping country" required>
        <option value="">Choose a country</option>
        {all.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </SelectField>
      <TextField
        {...form.field('shipping_address.phone')}
        label="Phone"
        optional
        hint="Only for the courier, if they need to reach you."
        type="tel"
        autoComplete="shipping tel"
      />
    </fieldset>
  );
}
