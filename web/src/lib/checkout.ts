import type { CheckoutRequest } from '../api/types.ts';

/**
 * The checkout form's fields, named as the server names them (`body.shipping_address.postcode`
 * comes back as `shipping_address.postcode`) so its field errors land on the right input.
 */
export type CheckoutField =
  | 'shipping_address.name'
  | 'shipping_address.line1'
  | 'shipping_address.line2'
  | 'shipping_address.city'
  | 'shipping_address.postcode'
  | 'shipping_address.country'
  | 'shipping_address.phone'
  | 'payment.card_number'
  | 'payment.expiry'
  | 'payment.cvc';

export type CheckoutValues = Record<CheckoutField, string>;

export const checkoutLabels: Record<CheckoutField, string> = {
  'shipping_address.name': 'Full name',
  'shipping_address.line1': 'Address line 1',
  'shipping_address.line2': 'Address line 2',
  'shipping_address.city': 'Town or city',
  'shipping_address.postcode': 'Postcode',
  'shipping_address.country': 'Country',
  'shipping_address.phone': 'Phone',
  'payment.card_number': 'Card number',
  'payment.expiry': 'Expiry date',
  'payment.cvc': 'Security code',
};

export function emptyCheckout(country: string, name: string): CheckoutValues {
  return {
    'shipping_address.name': name,
    'shipping_address.line1': '',
    'shipping_address.line2': '',
    'shipping_address.city': '',
    'shipping_address.postcode': '',
    'shipping_address.country': country,
    'shipping_address.phone': '',
    'payment.card_number': '',
    'payment.expiry': '',
    'payment.cvc': '',
  };
}

/** The Luhn checksum every card number carries; catches most typos before a round trip. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

function expiryProblem(expiry: string, today: Date): string | undefined {
  const match = /^(\d{2})\/(\d{2})$/.exec(expiry);
  if (!match) return 'Enter the expiry date as MM/YY.';
  const month = Number(match[1]);
  const year = 2000 + Number(match[2]);
  if (month < 1 || month > 12) return 'Enter a month from 01 to 12.';
  // A card is valid to the end of its expiry month.
  if (year < today.getFullYear() || (year === today.getFullYear() && month < today.getMonth() + 1)) {
    return 'This card has expired.';
  }
  return undefined;
}

const required = (value: string, message: string) => (value.trim() ? undefined : message);
const atMost = (value: string, max: number) => (value.trim().length > max ? `Use at most ${max} characters.` : undefined);

export function checkCheckout(values: CheckoutValues, today = new Date()): Partial<Record<CheckoutField, string>> {
  const digits = values['payment.card_number'].replace(/\D/g, '');
  const errors: Partial<Record<CheckoutField, string | undefined>> = {
    'shipping_address.name': required(values['shipping_address.name'], 'Enter the name to deliver to.') ?? atMost(values['shipping_address.name'], 100),
    'shipping_address.line1': required(values['shipping_address.line1'], 'Enter the first line of the address.') ?? atMost(values['shipping_address.line1'], 200),
    'shipping_address.line2': atMost(values['shipping_address.line2'], 200),
    'shipping_address.city': required(values['shipping_address.city'], 'Enter the town or city.') ?? atMost(values['shipping_address.city'], 100),
    'shipping_address.postcode': required(values['shipping_address.postcode'], 'Enter the postcode.') ?? atMost(values['shipping_address.postcode'], 20),
    'shipping_address.country': required(values['shipping_address.country'], 'Choose the country.'),
    'shipping_address.phone':
      values['shipping_address.phone'].trim() && !/^\+?[0-9][0-9 ()-]{4,22}[0-9]$/.test(values['shipping_address.phone'].trim())
        ? 'Enter a phone number such as +44 20 7946 0000.'
        : undefined,
    'payment.card_number':
      digits.length < 12 || digits.length > 19
        ? 'Enter the 12 to 19 digits on the front of the card.'
        : passesLuhn(digits)
          ? undefined
          : 'Check the card number: it has a typo.',
    'payment.expiry': expiryProblem(values['payment.expiry'], today),
    'payment.cvc': /^\d{3,4}$/.test(values['payment.cvc']) ? undefined : 'Enter the 3 or 4 digits on the back of the card.',
  };
  const out: Partial<Record<CheckoutField, string>> = {};
  for (const [field, message] of Object.entries(errors) as [CheckoutField, string | undefined][]) {
    if (message) out[field] = message;
  }
  return out;
}

/** "4242424242424242" → "4242 4242 4242 4242" as it is typed. */
export function formatCardNumber(value: string): string {
  return value.replace(/\D/g, '').slice(0, 19).replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** "1229" → "12/29" as it is typed. */
export function formatExpiry(value: string): string {
  const digits = value.replace(/\D/g, '').slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
}

export function formatCvc(value: string): string {
  return value.replace(/\D/g, '').slice(0, 4);
}

export function checkoutRequest(values: CheckoutValues): CheckoutRequest {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    shipping_address: {
      name: values['shipping_address.name'].trim(),
      line1: values['shipping_address.line1'].trim(),
      line2: optional(values['shipping_address.line2']),
      city: values['shipping_address.city'].trim(),
      postcode: values['shipping_address.postcode'].trim(),
      country: values['shipping_address.country'],
      phone: optional(values['shipping_address.phone']),
    },
    payment: {
      card_number: values['payment.card_number'].replace(/\D/g, ''),
      expiry: values['payment.expiry'],
      cvc: values['payment.cvc'],
    },
    channel: 'web',
  };
}

/**
 * A fresh idempotency key. randomUUID needs a secure context (https or localhost); a shop served
 * over plain http on a local network still gets a version 4 UUID from getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
