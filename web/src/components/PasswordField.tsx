import { forwardRef, useState } from 'react';
import { TextField, type TextFieldProps } from './TextField.tsx';

/** A password input with a Show/Hide toggle: typing a 10+ character password blind on a phone is hard. */
export const PasswordField = forwardRef<HTMLInputElement, Omit<TextFieldProps, 'type' | 'adornment'>>(
  function PasswordField(props, ref) {
    const [visible, setVisible] = useState(false);
    return (
      <TextField
        {...props}
        ref={ref}
        type={visible ? 'text' : 'password'}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        adornment={
          <button
            type="button"
            className="field__toggle"
            aria-pressed={visible}
            onClick={() => setVisible((was) => !was)}
          >
            {visible ? 'Hide' : 'Show'}
            <span className="visually-hidden"> password</span>
          </button>
        }
      />
    );
  },
);
