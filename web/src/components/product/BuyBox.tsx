import { useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { problemMessage } from '../../api/client.ts';
import type { ProductDetail } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useBag } from '../../bag/BagContext.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { withSize } from '../../lib/sizes.ts';
import { Button, ButtonLink } from '../Button.tsx';
import { Icon } from '../Icon.tsx';
import { Notice } from '../Notice.tsx';
import { QuantityStepper } from '../QuantityStepper.tsx';
import { isSoldOut } from '../shop/ProductBadges.tsx';
import { SizePicker } from './SizePicker.tsx';

const MAX_PER_ORDER = 10;

/** A lone size in stock is chosen for the member; with several they choose. */
function initialSku(product: ProductDetail): string | null {
  const available = product.variants.filter((v) => v.stock > 0);
  return product.variants.length === 1 && available.length === 1 ? (available[0]?.sku ?? null) : null;
}

/** Why the member cannot buy now, or null when they can. */
function blocker(product: ProductDetail): string | null {
  if (isSoldOut(product)) return 'Sold out';
  if (product.can_buy) return null;
  if (product.status === 'early_access' && product.release_at) return `Available from ${formatDateTime(product.release_at)}`;
  return 'Not available to buy';
}

/** Size, quantity and "Add to bag". Visitors are sent to sign in and brought back here. */
export function BuyBox({ product }: { product: ProductDetail }) {
  const { member } = useAuth();
  const bag = useBag();
  const navigate = useNavigate();
  const location = useLocation();
  const [sku, setSku] = useState<string | null>(() => initialSku(product));
  const [quantity, setQuantity] = useState(1);
  const [sizeError, setSizeError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sizes = useRef<HTMLFieldSetElement>(null);

  const variant = product.variants.find((v) => v.sku === sku) ?? null;
  const maxQuantity = Math.max(1, Math.min(variant?.stock ?? 1, MAX_PER_ORDER));
  const reason = member ? blocker(product) : isSoldOut(product) ? 'Sold out' : null;

  function choose(next: string) {
    setSku(next);
    setSizeError(null);
    setAdded(null);
    const stock = product.variants.find((v) => v.sku === next)?.stock ?? 1;
    setQuantity((was) => Math.min(was, Math.max(1, Math.min(stock, MAX_PER_ORDER))));
  }

  async function addToBag() {
    if (!member) {
      void navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    if (!variant) {
      setSizeError('Choose a size.');
      sizes.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    setAdded(null);
    try {
      const what = withSize(product.title, variant.size);
      await bag.add(variant.sku, quantity, what);
      setAdded(`${quantity > 1 ? `${quantity} × ` : ''}${what}`);
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="buy-box">
      {product.variants.length > 0 && (
        <SizePicker ref={sizes} variants={product.variants} selected={sku} onSelect={choose} error={sizeError} />
      )}
      {!reason && (
        <div className="buy-box__quantity">
          <span className="buy-box__label" aria-hidden="true">
            Quantity
          </span>
          <QuantityStepper
            value={quantity}
            onChange={setQuantity}
            max={maxQuantity}
            label={`Quantity of ${product.title}`}
            live
          />
        </div>
      )}
      {reason ? (
        <Button size="lg" block disabled>
          {reason}
        </Button>
      ) : (
        <Button size="lg" block onClick={addToBag} loading={busy} loadingLabel="Adding…">
          <Icon name="bag" size={20} />
          Add to bag
        </Button>
      )}
      {!member && !reason && <p className="buy-box__hint">You’ll sign in first, then come straight back here.</p>}
      {problem && <Notice tone="danger">{problem}</Notice>}
      {added && (
        <div className="added-to-bag">
          <p className="added-to-bag__text">
            <Icon name="check" size={18} />
            Added to your bag: {added}
          </p>
          <div className="added-to-bag__actions">
            <ButtonLink to="/bag" variant="secondary" size="sm">
              View bag ({bag.count})
            </ButtonLink>
            <ButtonLink to="/checkout" size="sm">
              Checkout
            </ButtonLink>
          </div>
        </div>
      )}
    </div>
  );
}
