import { ProblemError } from '@beacon/api-client';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { validateRange, type DateRange } from '../lib/date-range';
import { useFormProblems } from '../lib/problems';
import { Button } from './button';
import { ErrorSummary } from './error-summary';
import { TextField } from './fields';

/**
 * The from–to days of a report, applied with a button (not on every keystroke: a half-typed date
 * would fetch a report nobody asked for). `children` adds more filters beside the dates.
 */
export function RangeForm({
  id,
  value,
  maxDays,
  label,
  onChange,
  children,
}: {
  id: string;
  value: DateRange;
  maxDays: number;
  label: string;
  onChange: (range: DateRange) => void;
  children?: ReactNode;
}) {
  const [draft, setDraft] = useState<DateRange>(value);
  const [problem, setProblem] = useState<unknown>(null);
  const fields = useMemo(
    () => ({
      from: { id: `${id}-from`, label: 'The start date' },
      to: { id: `${id}-to`, label: 'The end date' },
    }),
    [id],
  );
  const { byField, summary } = useFormProblems(problem, fields);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validateRange(draft, maxDays);
    if (errors.length) {
      setProblem(new ProblemError(400, { errors }));
      return;
    }
    setProblem(null);
    onChange(draft);
  }

  return (
    <form className="filters range-form" onSubmit={submit} noValidate aria-label={label}>
      <ErrorSummary items={summary} />
      <TextField
        id={fields.from.id}
        label="From"
        type="date"
        value={draft.from}
        error={byField.from}
        onChange={(event) => setDraft((previous) => ({ ...previous, from: event.target.value }))}
      />
      <TextField
        id={fields.to.id}
        label="To"
        type="date"
        value={draft.to}
        error={byField.to}
        onChange={(event) => setDraft((previous) => ({ ...previous, to: event.target.value }))}
      />
      {children}
      <div className="range-form__submit">
        <Button type="submit" variant="primary">
          Show
        </Button>
      </div>
    </form>
  );
}
