import { useState } from 'react';
import type { TrendAlertDetail } from '../../api/trends.ts';
import { countOf } from '../../lib/words.ts';
import { Button } from '../Button.tsx';
import { Notice } from '../Notice.tsx';
import { DismissForm } from './DismissForm.tsx';
import { ReorderForm } from './ReorderForm.tsx';
import { useAlertAction } from './useAlertAction.ts';

type Mode = 'choose' | 'reorder' | 'dismiss';

export interface AlertActionsProps {
  alert: TrendAlertDetail;
  onChange: (alert: TrendAlertDetail) => void;
}

/**
 * What a buyer does about an alert: acknowledge it (seen, watching), reorder stock (a quantity,
 * the suggestion to start with) or dismiss it (with a reason). A dismissed alert is closed.
 */
export function AlertActions({ alert, onChange }: AlertActionsProps) {
  const [mode, setMode] = useState<Mode>('choose');
  const [done, setDone] = useState<string | null>(null);
  const action = useAlertAction(alert.id, onChange);

  const open = (next: Mode) => {
    action.clear();
    setDone(null);
    setMode(next);
  };

  if (alert.status === 'dismissed') {
    return (
      <>
        {done && <Notice tone="success">{done}</Notice>}
        <p className="radar-muted">This alert was dismissed, so it takes no further actions.</p>
      </>
    );
  }

  if (mode === 'reorder') {
    return (
      <ReorderForm
        suggested={alert.inventory?.suggested_reorder.quantity ?? null}
        busy={action.busy}
        problem={action.problem}
        fieldErrors={action.fieldErrors}
        onCancel={() => open('choose')}
        onSubmit={(quantity, note) => {
          void action.send({ action: 'reorder', quantity, note }).then((ok) => {
            if (!ok) return;
            setMode('choose');
            setDone(`Reorder of ${countOf(quantity, 'unit', 'units')} recorded.`);
          });
        }}
      />
    );
  }
  if (mode === 'dismiss') {
    return (
      <DismissForm
        busy={action.busy}
        problem={action.problem}
        fieldErrors={action.fieldErrors}
        onCancel={() => open('choose')}
        onSubmit={(reason) => {
          void action.send({ action: 'dismiss', reason }).then((ok) => {
            if (!ok) return;
            setMode('choose');
            setDone('Alert dismissed.');
          });
        }}
      />
    );
  }

  return (
    <div className="radar-actions">
      {done && <Notice tone="success">{done}</Notice>}
      {action.problem && <Notice tone="danger">{action.problem}</Notice>}
      <div className="button-row button-row--start">
        {alert.status === 'new' && (
          <Button
            variant="secondary"
            loading={action.busy}
            loadingLabel="Acknowledging…"
            onClick={() => {
              setDone(null);
              void action.send({ action: 'acknowledge' }).then((ok) => ok && setDone('Alert acknowledged.'));
            }}
          >
            Acknowledge
          </Button>
        )}
        <Button onClick={() => open('reorder')} disabled={action.busy}>
          Reorder
        </Button>
        <Button variant="ghost" onClick={() => open('dismiss')} disabled={action.busy}>
          Dismiss
        </Button>
      </div>
    </div>
  );
}
