import { useId, useState, type FormEvent } from 'react';
import { Button } from '../Button.tsx';
import { FormProblem } from '../FormProblem.tsx';
import { TextAreaField } from '../TextAreaField.tsx';

const REASON_MAX = 500;

export interface DismissFormProps {
  busy: boolean;
  problem: string | null;
  fieldErrors: Record<string, string>;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/** Dismiss an alert: the reason is required, so the team can later see why a trend was let go. */
export function DismissForm({ busy, problem, fieldErrors, onSubmit, onCancel }: DismissFormProps) {
  const problemId = useId();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      setReasonError('Say why you are dismissing this alert.');
      return;
    }
    if ([...text].length > REASON_MAX) return;
    setReasonError(null);
    onSubmit(text);
  }

  return (
    <form className="radar-action-form" aria-label="Dismiss" noValidate onSubmit={submit} aria-describedby={problem ? problemId : undefined}>
      <TextAreaField
        label="Reason"
        hint="For example: a one-off event, or already stocked deeply."
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        max={REASON_MAX}
        required
        error={reasonError ?? fieldErrors['reason']}
        autoFocus
      />
      <FormProblem id={problemId} problem={problem} />
      <div className="button-row button-row--start">
        <Button type="submit" loading={busy} loadingLabel="Dismissing…">
          Dismiss alert
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
