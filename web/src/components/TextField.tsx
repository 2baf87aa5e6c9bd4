import { forwardRef, useId, type InputHTMLAttributes, type ReactNode } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  /** Guidance shown under the label before anything goes wrong. */
  hint?: ReactNode;
  /** When set the field is marked invalid and the message is read out with it. */
  error?: string | null;
  /** Marks the field optional in its label, since required is the norm in our forms. */
  optional?: boolean;
  /** A control that sits inside the input's right edge, e.g. a show-password toggle. */
  adornment?: ReactNode;
}

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, hint, error, optional = false, adornment, className, type = 'text', ...rest },
  ref,
) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  // The error comes first so screen readers hear what is wrong before the general guidance.
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;

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
      <div className={adornment ? 'field__control field__control--adorned' : 'field__control'}>
        <input
          {...rest}
          ref={ref}
          id={id}
          type={type}
          className="field__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {adornment && <div className="field__adornment">{adornment}</div>}
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true" className="field__error-mark">!</span>
          {error}
        </p>
      )}
    </div>
  );
});
