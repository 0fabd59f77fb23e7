import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  /** A sentence shown under the label and tied to the control for assistive technology. */
  error?: string;
}

function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function FieldText({ id, hint, error }: Omit<FieldProps, 'label'>) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField({
  id,
  label,
  hint,
  error,
  className,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={['field', error ? 'field--error' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldText id={id} hint={hint} error={error} />
      <input
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  className,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className={['field', error ? 'field--error' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldText id={id} hint={hint} error={error} />
      <select
        id={id}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

/** A fieldset of checkboxes: one legend, one error for the group. */
export function CheckboxGroup<T extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  disabled,
  stacked = false,
}: {
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: T; label: string; tag?: string }[];
  value: readonly T[];
  onChange: (next: T[]) => void;
  disabled?: boolean;
  /** One option a line, for long lists and long labels. */
  stacked?: boolean;
}) {
  return (
    <fieldset
      className={['field', 'fieldset', error ? 'field--error' : null].filter(Boolean).join(' ')}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="field__label">{legend}</legend>
      <FieldText id={id} hint={hint} error={error} />
      <div className={stacked ? 'checkboxes checkboxes--stacked' : 'checkboxes'}>
        {options.map((option) => (
          <div className="checkbox" key={option.value}>
            <input
              type="checkbox"
              id={`${id}-${option.value}`}
              checked={value.includes(option.value)}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? options.map((o) => o.value).filter((v) => v === option.value || value.includes(v))
                    : value.filter((v) => v !== option.value),
                )
              }
            />
            <label htmlFor={`${id}-${option.value}`}>
              {option.label}
              {option.tag && <span className="tag tag--muted checkbox__tag">{option.tag}</span>}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  className,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className={['field', error ? 'field--error' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldText id={id} hint={hint} error={error} />
      <textarea
        id={id}
        className="input textarea"
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...textarea}
      />
    </div>
  );
}

/** One checkbox with its label beside it, for a yes-or-absent fact. */
export function Checkbox({
  id,
  label,
  hint,
  error,
  checked,
  onChange,
  disabled,
}: FieldProps & { checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean }) {
  return (
    <div className={['field', error ? 'field--error' : null].filter(Boolean).join(' ')}>
      <FieldText id={id} error={error} />
      <div className="checkbox">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field__hint checkbox__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A fieldset of radios: one legend, one error for the group. Each radio's id is `${id}-${value}`,
 * so an error summary links to the first option.
 */
export function RadioGroup<T extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  inline = false,
  disabled,
}: {
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: T; label: string; hint?: ReactNode; disabled?: boolean }[];
  value: T | '' | null | undefined;
  onChange: (next: T) => void;
  inline?: boolean;
  disabled?: boolean;
}) {
  return (
    <fieldset
      className={['field', 'fieldset', error ? 'field--error' : null].filter(Boolean).join(' ')}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="field__label">{legend}</legend>
      <FieldText id={id} hint={hint} error={error} />
      <div className={inline ? 'radios radios--inline' : 'radios'}>
        {options.map((option) => (
          <div className="radio" key={option.value}>
            <input
              type="radio"
              id={`${id}-${option.value}`}
              name={id}
              value={option.value}
              checked={value === option.value}
              disabled={disabled || option.disabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={`${id}-${option.value}`}>
              {option.label}
              {option.hint && (
                <span id={`${id}-${option.value}-hint`} className="radio__hint">
                  {option.hint}
                </span>
              )}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A whole number with big − and + buttons beside it: quick to set with a finger on a ward tablet,
 * and still a plain text box for typing (numeric keypad on touch screens).
 */
export function StepperField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  min = 0,
  max,
  disabled,
}: FieldProps & {
  value: string;
  onChange: (next: string) => void;
  min?: number;
  max?: number;
  disabled?: boolean;
}) {
  const current = /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
  const step = (by: number) => {
    const next = Math.max(min, Math.min(max ?? Number.MAX_SAFE_INTEGER, (current ?? min) + by));
    onChange(String(next));
  };
  return (
    <div className={['field', error ? 'field--error' : null].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldText id={id} hint={hint} error={error} />
      <div className="stepper">
        <button
          type="button"
          className="button button--secondary stepper__button"
          aria-label={`${label}: one fewer`}
          disabled={disabled || (current !== null && current <= min)}
          onClick={() => step(-1)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <input
          id={id}
          className="input stepper__input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event) => onChange(event.target.value)}
        />
        <button
          type="button"
          className="button button--secondary stepper__button"
          aria-label={`${label}: one more`}
          disabled={disabled || (current !== null && max !== undefined && current >= max)}
          onClick={() => step(1)}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
    </div>
  );
}
