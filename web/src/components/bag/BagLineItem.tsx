import { useState } from 'react';
import { Link } from 'react-router';
import { problemMessage } from '../../api/client.ts';
import type { BagLine, BagLineReason } from '../../api/types.ts';
import { useBag } from '../../bag/BagContext.tsx';
import { formatMoney } from '../../lib/money.ts';
import { sizeLabel, withSize } from '../../lib/sizes.ts';
import { QuantityStepper } from '../QuantityStepper.tsx';
import { ProductImage } from '../shop/ProductImage.tsx';

const MAX_PER_LINE = 10;

/** What is wrong with a line and what the member can do about it. */
export function lineProblem(reason: BagLineReason, stock: number): string {
  switch (reason) {
    case 'sold_out':
      return 'Sold out. Remove it to check out.';
    case 'not_enough_stock':
      return `Only ${stock} left. Lower the quantity to check out.`;
    case 'not_available':
      return 'No longer available. Remove it to check out.';
  }
}

/** One line of the bag: change the quantity (saved at once) or remove it. */
export function BagLineItem({ line }: { line: BagLine }) {
  const bag = useBag();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const what = withSize(line.title, line.size);
  const productPath = `/products/${encodeURIComponent(line.product_id)}`;
  const problemId = `bag-line-problem-${line.sku}`;

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(problemMessage(error));
      setBusy(false);
      return;
    }
    setBusy(false);
  }

  const unavailable = line.reason === 'sold_out' || line.reason === 'not_available';
  return (
    <li className={line.reason ? 'bag-line bag-line--problem' : 'bag-line'} aria-busy={busy || undefined}>
      <Link to={productPath} className="bag-line__media" tabIndex={-1} aria-hidden="true">
        <ProductImage src={line.image} alt="" />
      </Link>
      <div className="bag-line__info">
        <p className="bag-line__brand">{line.brand}</p>
        <h2 className="bag-line__title">
          <Link to={productPath}>{line.title}</Link>
        </h2>
        <p className="bag-line__meta">
          {sizeLabel(line.size)} · {formatMoney(line.unit_price)} each
        </p>
        {line.reason && (
          <p className="bag-line__problem" id={problemId}>
            {lineProblem(line.reason, line.stock)}
          </p>
        )}
        {problem && (
          <p className="bag-line__problem" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="bag-line__controls">
        {!unavailable && (
          <QuantityStepper
            value={line.quantity}
            max={Math.max(1, Math.min(line.stock, MAX_PER_LINE))}
            onChange={(quantity) => void run(() => bag.setQuantity(line.sku, quantity, what))}
            label={`Quantity of ${what}`}
            disabled={busy}
          />
        )}
        <button
          type="button"
          className="link-button"
          onClick={() => void run(() => bag.remove(line.sku, what))}
          disabled={busy}
          aria-describedby={line.reason ? problemId : undefined}
        >
          Remove<span className="visually-hidden"> {what}</span>
        </button>
      </div>
      <p className="bag-line__total">
        <span className="visually-hidden">Line total </span>
        {formatMoney(line.line_total)}
      </p>
    </li>
  );
}
