import { forwardRef, useId, type ReactNode, type TextareaHTMLAttributes } from 'react';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value'> {
  label: ReactNode;
  value: string;
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  /** Shows "12 / 2,000" under the box, turning to a warning past the limit. */
  max?: number;
}

/** A multi-line TextField: same label, hint and error wiring, with an optional character counter. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField(
  { label, hint, error, optional = false, max, className, value, rows = 3, ...rest },
  ref,
) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const counterId = max ? `${id}-counter` : undefined;
  const describedBy = [errorId, hintId, counterId].filter(Boolean).join(' ') || undefined;
  const length = [...value].length;
  const over = max !== undefined && length > max;

  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="field__control">
        <textarea
          {...rest}
          ref={ref}
          id={id}
          rows={rows}
          value={value}
          className="field__input field__textarea"
          aria-invalid={error || over ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true" className="field__error-mark">!</span>
          {error}
        </p>
      )}
      {max !== undefined && (
        <p className={over ? 'field__counter field__counter--over' : 'field__counter'} id={counterId}>
          {length.toLocaleString()} / {max.toLocaleString()}
          <span className="visually-hidden"> characters</span>
        </p>
      )}
    </div>
  );
});
