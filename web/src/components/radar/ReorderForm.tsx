import { useId, useState, type FormEvent } from 'react';
import { Button } from '../Button.tsx';
import { FormProblem } from '../FormProblem.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { TextField } from '../TextField.tsx';

const NOTE_MAX = 500;

export interface ReorderFormProps {
  /** The suggested quantity, prefilled; the buyer may change it. */
  suggested: number | null;
  busy: boolean;
  problem: string | null;
  fieldErrors: Record<string, string>;
  onSubmit: (quantity: number, note: string | undefined) => void;
  onCancel: () => void;
}

/** Reorder stock for the trend: how many units (the suggestion to start with) and a note for the record. */
export function ReorderForm({ suggested, busy, problem, fieldErrors, onSubmit, onCancel }: ReorderFormProps) {
  const problemId = useId();
  const [quantity, setQuantity] = useState(suggested && suggested > 0 ? String(suggested) : '');
  const [note, setNote] = useState('');
  const [quantityError, setQuantityError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const units = Number(quantity);
    if (!/^\d+$/.test(quantity.trim()) || units < 1 || units > 1_000_000) {
      setQuantityError('Enter a whole number of units from 1 to 1,000,000.');
      return;
    }
    if ([...note].length > NOTE_MAX) return;
    setQuantityError(null);
    onSubmit(units, note.trim() || undefined);
  }

  return (
    <form className="radar-action-form" aria-label="Reorder" noValidate onSubmit={submit} aria-describedby={problem ? problemId : undefined}>
      <TextField
        label="Quantity"
        hint={suggested !== null ? `Suggested: ${suggested.toLocaleString()} units` : undefined}
        inputMode="numeric"
        type="number"
        min={1}
        max={1_000_000}
        step={1}
        value={quantity}
        onChange={(event) => setQuantity(event.target.value)}
        error={quantityError ?? fieldErrors['quantity']}
        autoFocus
      />
      <TextAreaField label="Note" optional value={note} onChange={(event) => setNote(event.target.value)} max={NOTE_MAX} error={fieldErrors['note']} />
      <FormProblem id={problemId} problem={problem} />
      <div className="button-row button-row--start">
        <Button type="submit" loading={busy} loadingLabel="Reordering…">
          Place reorder
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
