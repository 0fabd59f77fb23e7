import { ProblemError } from '@beacon/api-client';
import { periodProblems, type ReportPeriod } from '@beacon/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { SelectField, TextField } from '../../../components/fields';
import { useFormProblems } from '../../../lib/problems';
import { PERIOD_CHOICES, choiceOf, choicePeriod, type PeriodChoice } from '../utils/period';

/**
 * The period of a report: a month, quarter or financial year (this one or the last), or any dates.
 * Applied with a button, checked with the API's own rules (libs/domain periodProblems).
 */
export function PeriodPicker({
  value,
  today,
  onChange,
}: {
  value: ReportPeriod;
  today: string;
  onChange: (period: ReportPeriod) => void;
}) {
  const [choice, setChoice] = useState<PeriodChoice>(() => choiceOf(value, today));
  const [dates, setDates] = useState<ReportPeriod>(value);
  const [problem, setProblem] = useState<unknown>(null);
  const fields = useMemo(
    () => ({
      from: { id: 'report-from', label: 'The first day' },
      to: { id: 'report-to', label: 'The last day' },
    }),
    [],
  );
  const { byField, summary } = useFormProblems(problem, fields);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const period = choice === 'custom' ? dates : choicePeriod(choice, today);
    // The API's words name its fields; here the first day is on the screen, not "from".
    const errors = periodProblems(period.from, period.to).map((e) => ({
      ...e,
      message: e.message.replace(/\bfrom\b/, 'the first day'),
    }));
    if (errors.length) {
      setProblem(new ProblemError(400, { errors }));
      return;
    }
    setProblem(null);
    setDates(period);
    onChange(period);
  }

  return (
    <form className="filters period-picker no-print" onSubmit={submit} noValidate aria-label="Report period">
      <ErrorSummary items={summary} />
      <SelectField
        id="report-period"
        label="Period"
        value={choice}
        onChange={(event) => setChoice(event.target.value as PeriodChoice)}
      >
        {PERIOD_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
        <option value="custom">Choose dates</option>
      </SelectField>
      {choice === 'custom' && (
        <>
          <TextField
            id={fields.from.id}
            label="From"
            type="date"
            value={dates.from}
            error={byField.from}
            onChange={(event) => setDates((d) => ({ ...d, from: event.target.value }))}
          />
          <TextField
            id={fields.to.id}
            label="To (inclusive)"
            type="date"
            value={dates.to}
            error={byField.to}
            onChange={(event) => setDates((d) => ({ ...d, to: event.target.value }))}
          />
        </>
      )}
      <div className="range-form__submit">
        <Button type="submit" variant="primary">
          Show
        </Button>
      </div>
    </form>
  );
}
