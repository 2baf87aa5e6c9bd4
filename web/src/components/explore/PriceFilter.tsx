import { useEffect, useId, useState, type FormEvent } from 'react';
import { currencySymbol, inputToMinor, minorToInput } from '../../lib/money.ts';
import { Button } from '../Button.tsx';

export interface PriceFilterProps {
  currency: string;
  /** The chosen bounds, in minor units. */
  min?: number;
  max?: number;
  /** The cheapest and dearest results, shown as placeholders. */
  lowest: number | null;
  highest: number | null;
  onApply: (min: number | undefined, max: number | undefined) => void;
}

/** A price range typed in the currency's major unit ("120"), sent in minor units. */
export function PriceFilter({ currency, min, max, lowest, highest, onApply }: PriceFilterProps) {
  const id = useId();
  const [from, setFrom] = useState(min !== undefined ? minorToInput(min, currency) : '');
  const [to, setTo] = useState(max !== undefined ? minorToInput(max, currency) : '');
  const [problem, setProblem] = useState<string | null>(null);

  // The URL is the source of truth: back, forward and "Clear all" reset the boxes.
  useEffect(() => {
    setFrom(min !== undefined ? minorToInput(min, currency) : '');
    setTo(max !== undefined ? minorToInput(max, currency) : '');
    setProblem(null);
  }, [min, max, currency]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const low = from.trim() ? inputToMinor(from, currency) : undefined;
    const high = to.trim() ? inputToMinor(to, currency) : undefined;
    if ((from.trim() && low === undefined) || (to.trim() && high === undefined)) {
      setProblem('Enter prices as numbers, like 120 or 99.50.');
      return;
    }
    if (low !== undefined && high !== undefined && low > high) {
      setProblem('The lowest price must not be above the highest.');
      return;
    }
    setProblem(null);
    onApply(low, high);
  }

  const symbol = currencySymbol(currency);
  return (
    <form className="facet" onSubmit={apply} aria-labelledby={`${id}-legend`} noValidate>
      <p className="facet__legend" id={`${id}-legend`}>
        Price ({currency})
      </p>
      <div className="price-filter">
        <label className="price-filter__field">
          <span className="price-filter__label">
            Min<span className="visually-hidden"> price</span>
          </span>
          <span className="price-filter__control">
            <span className="price-filter__symbol" aria-hidden="true">{symbol}</span>
            <input
              className="field__input price-filter__input"
              inputMode="decimal"
              value={from}
              placeholder={lowest !== null ? minorToInput(lowest, currency) : ''}
              onChange={(event) => setFrom(event.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
            />
          </span>
        </label>
        <label className="price-filter__field">
          <span className="price-filter__label">
            Max<span className="visually-hidden"> price</span>
          </span>
          <span className="price-filter__control">
            <span className="price-filter__symbol" aria-hidden="true">{symbol}</span>
            <input
              className="field__input price-filter__input"
              inputMode="decimal"
              value={to}
              placeholder={highest !== null ? minorToInput(highest, currency) : ''}
              onChange={(event) => setTo(event.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
            />
          </span>
        </label>
        <Button type="submit" variant="secondary" size="sm">
          Apply
        </Button>
      </div>
      {problem && (
        <p className="field__error" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
