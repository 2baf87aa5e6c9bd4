import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface PopoverProps {
  /** The button's content. Give it an accessible name (visible or visually hidden text). */
  label: ReactNode;
  buttonClassName?: string;
  /** The panel lines up with this edge of the button. */
  align?: 'start' | 'end';
  /** The panel's content; `close(true)` also returns focus to the button. */
  children: (close: (refocus?: boolean) => void) => ReactNode;
}

/**
 * A button that shows a small panel of actions (share, more). A disclosure, not an ARIA menu:
 * it holds ordinary buttons and links that Tab reaches in order. Escape and clicks outside close
 * it; the panel's content is dropped on close, so a half-finished confirmation starts over.
 */
export function Popover({ label, buttonClassName, align = 'start', children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const close = (refocus = false) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  return (
    <div className="popover" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName ?? 'button button--secondary button--sm'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        {label}
      </button>
      {open && (
        <div className={`popover__panel popover__panel--${align}`} id={panelId}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
