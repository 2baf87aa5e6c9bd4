import { useRef, useState } from 'react';
import { cancelOrder } from '../../api/orders.ts';
import { problemMessage } from '../../api/client.ts';
import type { Order } from '../../api/types.ts';
import { Button } from '../Button.tsx';
import { Notice } from '../Notice.tsx';

export interface CancelOrderProps {
  order: Order;
  onCancelled: (order: Order) => void;
}

/** Cancel, then confirm: a two-step button so one slip of the thumb cancels nothing. */
export function CancelOrder({ order, onCancelled }: CancelOrderProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);

  async function confirm() {
    setBusy(true);
    setProblem(null);
    try {
      onCancelled(await cancelOrder(order.id));
    } catch (error) {
      setProblem(problemMessage(error));
      setBusy(false);
    }
  }

  if (!confirming) {
    return (
      <Button
        ref={startRef}
        variant="secondary"
        onClick={() => {
          setConfirming(true);
          requestAnimationFrame(() => keepRef.current?.focus());
        }}
      >
        Cancel order
      </Button>
    );
  }
  return (
    <div className="cancel-order" role="group" aria-labelledby="cancel-order-question">
      <p id="cancel-order-question" className="cancel-order__question">
        Cancel order {order.number}? You’ll be refunded in full.
      </p>
      <div className="cancel-order__actions">
        <Button variant="primary" onClick={confirm} loading={busy} loadingLabel="Cancelling…">
          Yes, cancel it
        </Button>
        <Button
          ref={keepRef}
          variant="ghost"
          disabled={busy}
          onClick={() => {
            setConfirming(false);
            setProblem(null);
            requestAnimationFrame(() => startRef.current?.focus());
          }}
        >
          Keep my order
        </Button>
      </div>
      {problem && <Notice tone="danger">{problem}</Notice>}
    </div>
  );
}
