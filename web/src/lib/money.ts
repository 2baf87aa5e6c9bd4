import type { Money } from '../api/types.ts';

/**
 * ISO 4217 minor-unit exponents that differ from two, for the currencies the catalogue accepts.
 * The browser's own currency data disagrees with ISO for a few codes, so ours wins.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, UGX: 0, XOF: 0, XAF: 0,
  KWD: 3, BHD: 3, OMR: 3, JOD: 3, TND: 3,
};

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    const digits = currencyExponent(currency);
    formatter = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      // "£450" rather than "£450.00"; a price with pence keeps them.
      trailingZeroDisplay: 'stripIfInteger',
    });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/** How many decimals the currency's minor unit has: 2 for GBP, 0 for JPY, 3 for KWD. */
export function currencyExponent(currency: string): number {
  const known = EXPONENTS[currency];
  if (known !== undefined) return known;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "£1,250", "¥32,000", "€89.50" in the member's locale. */
export function formatMoney({ amount_minor, currency }: Money): string {
  return formatterFor(currency).format(amount_minor / 10 ** currencyExponent(currency));
}

/** The plain number a member would type for an amount: 12050 GBP → "120.5". */
export function minorToInput(amountMinor: number, currency: string): string {
  return String(amountMinor / 10 ** currencyExponent(currency));
}

/**
 * What a member typed ("120", "120.50", "1,200") as minor units, without floating point;
 * undefined when it is empty or not an amount.
 */
export function inputToMinor(text: string, currency: string): number | undefined {
  const cleaned = text.trim().replace(/[\s,]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return undefined;
  const exponent = currencyExponent(currency);
  const fraction = (match[2] ?? '').slice(0, exponent).padEnd(exponent, '0');
  const minor = Number(match[1]) * 10 ** exponent + (fraction ? Number(fraction) : 0);
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** The currency's symbol as the member's locale writes it ("£", "US$"). */
export function currencySymbol(currency: string): string {
  const part = formatterFor(currency).formatToParts(0).find((p) => p.type === 'currency');
  return part?.value ?? currency;
}
