import { forwardRef, useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { Icon } from './Icon.tsx';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Label beside the control rather than above it (a compact sort control). */
  inline?: boolean;
}

/** A native select dressed like TextField: same label, hint and error wiring. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, hint, error, inline = false, className, children, ...rest },
  ref,
) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={['field', inline ? 'field--inline' : '', error ? 'field--invalid' : '', className ?? '']
        .filter(Boolean)
        .join(' ')}
    >
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="field__control">
        <select
          {...rest}
          ref={ref}
          id={id}
          className="field__input field__select"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        >
          {children}
        </select>
        <Icon name="chevronDown" size={18} className="field__select-chevron" />
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
