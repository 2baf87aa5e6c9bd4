import { useId, useRef, useState, type ReactNode } from 'react';
import { problemMessage } from '../api/client.ts';
import { Button } from './Button.tsx';
import { Notice } from './Notice.tsx';

export interface ConfirmActionProps {
  /** What the first button says ("Delete"); include a visually hidden object when it is ambiguous. */
  label: ReactNode;
  /** The question asked before anything happens: "Delete this comment?" */
  question: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  keepLabel?: string;
  /** Does the work; a rejection shows its message and keeps the question open. */
  onConfirm: () => Promise<void>;
  /** A text link (quiet, in lists), a secondary button, or an item of a Popover's list. */
  look?: 'link' | 'button' | 'item';
}

/** A destructive action in two steps, so one slip of the thumb deletes nothing. */
export function ConfirmAction({ label, question, confirmLabel, busyLabel, keepLabel = 'Cancel', onConfirm, look = 'link' }: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  async function confirm() {
    setBusy(true);
    setProblem(null);
    try {
      await onConfirm();
      setConfirming(false);
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setBusy(false);
    }
  }

  if (!confirming) {
    const start = () => {
      setConfirming(true);
      requestAnimationFrame(() => keepRef.current?.focus());
    };
    return look !== 'button' ? (
      <button ref={startRef} type="button" className={look === 'item' ? 'popover__item' : 'link-button'} onClick={start}>
        {label}
      </button>
    ) : (
      <Button ref={startRef} variant="secondary" size="sm" onClick={start}>
        {label}
      </Button>
    );
  }
  return (
    <div className="confirm-action" role="group" aria-labelledby={questionId}>
      <p id={questionId} className="confirm-action__question">
        {question}
      </p>
      <div className="confirm-action__buttons">
        <Button size="sm" onClick={confirm} loading={busy} loadingLabel={busyLabel}>
          {confirmLabel}
        </Button>
        <Button
          ref={keepRef}
          size="sm"
          variant="ghost"
          disabled={busy}
          onClick={() => {
            setConfirming(false);
            setProblem(null);
            requestAnimationFrame(() => startRef.current?.focus());
          }}
        >
          {keepLabel}
        </Button>
      </div>
      {problem && <Notice tone="danger">{problem}</Notice>}
    </div>
  );
}
