import type { Money } from '../api/types.ts';
import { formatMoney } from '../lib/money.ts';

export interface PriceProps {
  price: Money;
  /** When set, the price a shopper pays; the original is struck through beside it. */
  sale?: Money | null;
  size?: 'md' | 'lg';
}

/** A price, or a sale price with the original struck through, read out as "was …, now …". */
export function Price({ price, sale, size = 'md' }: PriceProps) {
  if (!sale) {
    return (
      <span className={`price price--${size}`}>
        <span className="price__now">{formatMoney(price)}</span>
      </span>
    );
  }
  return (
    <span className={`price price--${size}`}>
      <span className="visually-hidden">Was </span>
      <s className="price__was">{formatMoney(price)}</s>
      <span className="visually-hidden">, now </span>
      <span className="price__now price__now--sale">{formatMoney(sale)}</span>
    </span>
  );
}
