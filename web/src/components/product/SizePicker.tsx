import { forwardRef } from 'react';
import type { Variant } from '../../api/types.ts';

/** Sizes with this many units or fewer say how many are left. */
export const LOW_STOCK = 3;

export interface SizePickerProps {
  variants: Variant[];
  selected: string | null;
  onSelect: (sku: string) => void;
  error?: string | null;
}

function stockNote(stock: number): string {
  if (stock <= 0) return 'Sold out';
  if (stock <= LOW_STOCK) return `Only ${stock} left`;
  return '';
}

/**
 * Sizes as a radio group (arrow keys move between them); sold-out sizes are shown but disabled,
 * and low stock is said beside the size. The ref is the group, for focusing on a missing choice.
 */
export const SizePicker = forwardRef<HTMLFieldSetElement, SizePickerProps>(function SizePicker(
  { variants, selected, onSelect, error },
  ref,
) {
  return (
    <fieldset className={error ? 'size-picker size-picker--invalid' : 'size-picker'} ref={ref} aria-describedby={error ? 'size-error' : undefined}>
      <legend className="size-picker__legend">Size</legend>
      <div className="size-picker__options">
        {variants.map((variant) => {
          const note = stockNote(variant.stock);
          return (
            <label key={variant.sku} className="size-option">
              <input
                type="radio"
                name="size"
                className="size-option__input"
                value={variant.sku}
                checked={selected === variant.sku}
                disabled={variant.stock <= 0}
                onChange={() => onSelect(variant.sku)}
              />
              <span className="size-option__size">{variant.size}</span>
              {note && (
                <span className={variant.stock <= 0 ? 'size-option__note' : 'size-option__note size-option__note--low'}>
                  <span className="visually-hidden">, </span>
                  {note}
                </span>
              )}
            </label>
          );
        })}
      </div>
      {error && (
        <p className="field__error" id="size-error">
          <span aria-hidden="true" className="field__error-mark">!</span>
          {error}
        </p>
      )}
    </fieldset>
  );
});
