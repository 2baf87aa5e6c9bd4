import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';

type Errors<Field extends string> = Partial<Record<Field, string>>;
/** The controls a member form holds: text inputs and selects. */
type FieldElement = HTMLInputElement | HTMLSelectElement;

export interface MemberFormOptions<Field extends string, Values extends Record<Field, string>> {
  initial: Values;
  /** The client-side rules; an empty object means the values may be sent. */
  check: (values: Values) => Errors<Field>;
  send: (values: Values) => Promise<void>;
  /** Normalises a value as it is typed (e.g. handles are lowercase). */
  normalise?: Partial<Record<Field, (value: string) => string>>;
  /** Field names as the member sees them, to complete the server's terse messages. */
  labels: Record<Field, string>;
}

/**
 * The server words field problems to follow the field's name ("is already taken"); next to the
 * field they read better as a sentence: "Handle is already taken."
 */
export function asSentence(label: string, message: string): string {
  const text = /^[a-z]/.test(message) ? `${label} ${message}` : message;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Form state for the member forms: values, per-field errors from the client rules or from the
 * server's `details`, a form-level problem for everything else, a busy flag, and focus moved to
 * the first field that needs attention so nobody has to hunt for the red text.
 */
export function useMemberForm<Field extends string, Values extends Record<Field, string>>(
  options: MemberFormOptions<Field, Values>,
) {
  const { initial, check, send, normalise, labels } = options;
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Errors<Field>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef(new Map<Field, FieldElement | null>());
  const fieldOrder = Object.keys(initial) as Field[];

  function focusFirst(found: Errors<Field>) {
    const first = fieldOrder.find((field) => found[field]);
    if (first) inputs.current.get(first)?.focus();
  }

  /** Props for one TextField or SelectField: value, change, blur, error and a ref for focusing. */
  function field(name: Field) {
    return {
      name,
      value: values[name],
      error: errors[name] ?? null,
      ref: (element: FieldElement | null) => {
        inputs.current.set(name, element);
      },
      onChange(event: ChangeEvent<FieldElement>) {
        const raw = event.target.value;
        const value = normalise?.[name]?.(raw) ?? raw;
        const next = { ...values, [name]: value };
        setValues(next);
        // Once a field has complained, let it clear (or change) its complaint as the member types.
        if (errors[name]) setErrors((was) => ({ ...was, [name]: check(next)[name] }));
      },
      onBlur() {
        // Judge a field when the member leaves it, but never scold an untouched empty field.
        if (values[name] === '') return;
        setErrors((was) => ({ ...was, [name]: check(values)[name] }));
      },
    };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setProblem(null);
    const found = check(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    setBusy(true);
    try {
      await send(values);
    } catch (error) {
      setBusy(false);
      if (!(error instanceof ApiError)) {
        setProblem('Something went wrong in the app. Please try again.');
        return;
      }
      const fromServer = error.fieldErrors();
      const known: Errors<Field> = {};
      for (const field of fieldOrder) {
        const message = fromServer[field];
        if (message) known[field] = asSentence(labels[field], message);
      }
      if (Object.keys(known).length > 0) {
        setErrors(known);
        focusFirst(known);
      } else {
        setProblem(error.message);
      }
      return;
    }
    // Success unmounts the form through navigation; only reset busy when still mounted.
    setBusy(false);
  }

  return { values, errors, problem, busy, field, onSubmit };
}
