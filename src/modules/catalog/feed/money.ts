/**
 * Prices as Merchant Center writes them ("1,299.00 GBP") turned into integer minor units, so no
 * amount ever passes through a float.
 */

/** Common ISO 4217 currencies and how many decimals their minor unit has. */
export const CURRENCY_EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'RON'].map(
    (c) => [c, 2] as const,
  ),
  ...['TRY', 'AED', 'SAR', 'QAR', 'HKD', 'SGD', 'CNY', 'TWD', 'INR', 'BRL', 'MXN', 'ZAR', 'ILS', 'THB'].map(
    (c) => [c, 2] as const,
  ),
  ...['MYR', 'IDR', 'PHP', 'RUB', 'UAH', 'EGP', 'MAD', 'NGN', 'KES', 'ARS', 'COP', 'PEN'].map((c) => [c, 2] as const),
  ...['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'UGX', 'XOF', 'XAF'].map((c) => [c, 0] as const),
  ...['KWD', 'BHD', 'OMR', 'JOD', 'TND'].map((c) => [c, 3] as const),
]);

export interface Money {
  amount_minor: number;
  currency: string;
}

export type PriceResult = { ok: true; money: Money } | { ok: false; reason: string };

export class PriceError extends Error {
  override readonly name = 'PriceError';
}

// "1,299.00" or "1299" or "0.5"; thousands separators only in groups of three, a dot for decimals.
const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** Parses a Merchant Center price, answering a reason instead of throwing. */
export function tryParseMerchantPrice(raw: string): PriceResult {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, reason: 'is empty' };
  const parts = text.split(' ');
  if (parts.length !== 2) return { ok: false, reason: 'must be an amount and a currency, like "15.00 USD"' };
  // Merchant Center writes "15.00 USD"; some exports put the code first.
  const [first = '', second = ''] = parts;
  const [amountText, code] = /^[A-Za-z]{3}$/.test(first) ? [second, first] : [first, second];
  if (!/^[A-Za-z]{3}$/.test(code)) return { ok: false, reason: 'is missing an ISO 4217 currency code' };
  const currency = code.toUpperCase();
  const exponent = CURRENCY_EXPONENTS.get(currency);
  if (exponent === undefined) return { ok: false, reason: `has an unsupported currency ${currency}` };
  if (amountText.startsWith('-')) return { ok: false, reason: 'must not be negative' };
  const m = AMOUNT.exec(amountText);
  if (m === null) return { ok: false, reason: `has an amount that is not a number: ${amountText.slice(0, 40)}` };
  const whole = (m[1] ?? '').replace(/,/g, '');
  const fraction = m[2] ?? '';
  if (fraction.length > exponent) {
    return { ok: false, reason: `has more than ${exponent} decimals for ${currency}` };
  }
  const minor = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'is too large' };
  return { ok: true, money: { amount_minor: Number(minor), currency } };
}

/** Parses a Merchant Center price ("1,299.00 GBP") into minor units; throws PriceError when invalid. */
export function parseMerchantPrice(raw: string): Money {
  const result = tryParseMerchantPrice(raw);
  if (!result.ok) throw new PriceError(`price ${result.reason}`);
  return result.money;
}

/** Writes money back in Merchant Center's form ("1299.00 GBP"). */
export function formatMerchantPrice(money: Money): string {
  const exponent = CURRENCY_EXPONENTS.get(money.currency);
  if (exponent === undefined) throw new PriceError(`unsupported currency ${money.currency}`);
  const digits = String(money.amount_minor).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  return exponent === 0 ? `${whole} ${money.currency}` : `${whole}.${digits.slice(-exponent)} ${money.currency}`;
}
