import { useRef, useState } from 'react';
import { problemMessage } from '../../api/client.ts';
import { addSetToBag } from '../../api/sets.ts';
import type { ProductSet } from '../../api/types.ts';
import { useBag } from '../../bag/BagContext.tsx';
import { useSignInFirst } from '../../hooks/useSignInFirst.ts';
import { formatMoney } from '../../lib/money.ts';
import { chosenSizes, needsSize, summarise, type SetBagSummary, type SizeChoice } from '../../lib/setBag.ts';
import { countOf } from '../../lib/words.ts';
import { Button, ButtonLink } from '../Button.tsx';
import { Icon } from '../Icon.tsx';
import { Notice } from '../Notice.tsx';
import { SetPieceRow } from './SetPieceRow.tsx';

/** The set's total at today's prices, when every piece is in one currency. */
function setTotal(set: ProductSet): string | null {
  const prices = set.items.map(({ product }) => product.sale_price ?? product.price);
  const currency = prices[0]?.currency;
  if (!currency || prices.some((p) => p.currency !== currency)) return null;
  return formatMoney({ currency, amount_minor: prices.reduce((sum, p) => sum + p.amount_minor, 0) });
}

/**
 * The set's pieces in order with their prices, and "Add all to bag": a size for each piece with
 * several, then a summary of what went in and what did not, and why (read out when it appears).
 */
export function SetPieces({ set }: { set: ProductSet }) {
  const bag = useBag();
  const { signInFirst } = useSignInFirst();
  const [choices, setChoices] = useState<Record<string, SizeChoice>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [summary, setSummary] = useState<SetBagSummary | null>(null);
  const selects = useRef<Record<string, HTMLSelectElement | null>>({});
  const total = setTotal(set);

  function choose(productId: string, choice: SizeChoice) {
    setChoices((was) => ({ ...was, [productId]: choice }));
    setErrors((was) => ({ ...was, [productId]: '' }));
  }

  async function addAll() {
    if (signInFirst()) return;
    const missing = set.items.filter(({ product }) => needsSize(product) && !choices[product.id]);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map(({ product }) => [product.id, 'Choose a size, or leave this piece out.'])));
      selects.current[missing[0]?.product.id ?? '']?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    setSummary(null);
    try {
      const result = await addSetToBag(set.id, chosenSizes(choices));
      bag.replace(result.bag);
      setSummary(summarise(set, result, choices));
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="set-pieces" aria-labelledby="set-pieces-title">
      <h2 id="set-pieces-title" className="section-title">
        {countOf(set.items.length, 'piece', 'pieces')} in this set
      </h2>
      <ol className="set-pieces__list" aria-label="Pieces in this set">
        {set.items.map(({ product }, index) => (
          <SetPieceRow
            key={product.id}
            ref={(element) => {
              selects.current[product.id] = element;
            }}
            product={product}
            position={index + 1}
            choice={choices[product.id] ?? ''}
            onChoose={(choice) => choose(product.id, choice)}
            error={errors[product.id] || null}
          />
        ))}
      </ol>
      <div className="set-pieces__buy">
        {total && (
          <p className="set-pieces__total">
            <span>Whole set</span> <strong>{total}</strong>
          </p>
        )}
        <Button size="lg" block onClick={addAll} loading={busy} loadingLabel="Adding…" disabled={set.items.length === 0}>
          <Icon name="bag" size={20} />
          Add all to bag
        </Button>
        {problem && <Notice tone="danger">{problem}</Notice>}
      </div>
      <div role="status" className="set-pieces__status">
        {summary && <SetBagReport summary={summary} bagCount={bag.count} />}
      </div>
    </section>
  );
}

function SetBagReport({ summary, bagCount }: { summary: SetBagSummary; bagCount: number }) {
  const { added, skipped } = summary;
  return (
    <div className={added.length > 0 ? 'set-report set-report--added' : 'set-report'}>
      <p className="set-report__title">
        {added.length > 0 ? `Added ${countOf(added.length, 'piece', 'pieces')} to your bag` : 'Nothing was added to your bag'}
      </p>
      {added.length > 0 && (
        <ul className="set-report__list" aria-label="Added">
          {added.map((line) => (
            <li key={line.productId}>
              <Icon name="check" size={16} />
              {line.text}
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <>
          <p className="set-report__subtitle">Not added ({skipped.length})</p>
          <ul className="set-report__list set-report__list--skipped" aria-label="Not added">
            {skipped.map((line) => (
              <li key={line.productId}>
                <Icon name="minus" size={16} />
                {line.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {added.length > 0 && (
        <div className="set-report__actions">
          <ButtonLink to="/bag" variant="secondary" size="sm">
            View bag ({bagCount})
          </ButtonLink>
          <ButtonLink to="/checkout" size="sm">
            Checkout
          </ButtonLink>
        </div>
      )}
    </div>
  );
}
