import { Icon } from './Icon.tsx';

export interface QuantityStepperProps {
  value: number;
  onChange: (quantity: number) => void;
  min?: number;
  max: number;
  /** Names the group for assistive technology, e.g. "Quantity of Silk slip dress". */
  label: string;
  disabled?: boolean;
  /** Read the new value out politely (when nothing else announces the change). */
  live?: boolean;
}

/** − value + buttons. Buttons at the limits are disabled rather than silently doing nothing. */
export function QuantityStepper({ value, onChange, min = 1, max, label, disabled = false, live = false }: QuantityStepperProps) {
  return (
    <div className="stepper" role="group" aria-label={label}>
      <button
        type="button"
        className="stepper__button"
        onClick={() => onChange(value - 1)}
        disabled={disabled || value <= min}
      >
        <Icon name="minus" size={18} />
        <span className="visually-hidden">Decrease quantity</span>
      </button>
      <span className="stepper__value" aria-live={live ? 'polite' : undefined} aria-atomic={live || undefined}>
        <span className="visually-hidden">Quantity </span>
        {value}
      </span>
      <button
        type="button"
        className="stepper__button"
        onClick={() => onChange(value + 1)}
        disabled={disabled || value >= max}
      >
        <Icon name="plus" size={18} />
        <span className="visually-hidden">Increase quantity</span>
      </button>
    </div>
  );
}
