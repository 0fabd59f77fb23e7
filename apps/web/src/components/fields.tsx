import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

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
}: {
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (next: T[]) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset
      className={['field', 'fieldset', error ? 'field--error' : null].filter(Boolean).join(' ')}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="field__label">{legend}</legend>
      <FieldText id={id} hint={hint} error={error} />
      <div className="checkboxes">
        {options.map((option) => (
          <div className="checkbox" key={option.value}>
            <input
              type="checkbox"
              id={`${id}-${option.value}`}
              checked={value.includes(option.value)}
              disabled={disabled}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? options.map((o) => o.value).filter((v) => v === option.value || value.includes(v))
                    : value.filter((v) => v !== option.value),
                )
              }
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
