import { ProblemError } from '@beacon/api-client';
import { isIsoDate } from '@beacon/domain';
import { useState } from 'react';
import { TextField } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { useFormProblems } from '../../../lib/problems';
import type { EndScheduleBody } from '../api/end-schedule';
import type { Schedule } from '../api/get-schedules';
import { defaultEndsOn, scheduleText } from '../utils/schedule-form';

const FIELDS = { endsOn: { id: 'end-schedule-on', label: 'Last day' } };

/** Ends a schedule on a day; planned visits after it are removed, logged ones kept. */
export function EndScheduleDialog({
  schedule,
  today,
  open,
  busy,
  problem,
  onSubmit,
  onCancel,
}: {
  schedule: Schedule;
  today: string;
  open: boolean;
  busy: boolean;
  problem: unknown;
  onSubmit: (body: EndScheduleBody) => void;
  onCancel: () => void;
}) {
  const [endsOn, setEndsOn] = useState(() => defaultEndsOn(schedule, today));
  const [checked, setChecked] = useState<unknown>(null);
  const { byField, summary } = useFormProblems(checked ?? problem, FIELDS);

  function submit() {
    if (!isIsoDate(endsOn) || endsOn < schedule.startsOn) {
      setChecked(
        new ProblemError(400, {
          errors: [{ field: 'endsOn', message: 'must be a day on or after the schedule’s first day' }],
        }),
      );
      return;
    }
    setChecked(null);
    onSubmit({ endsOn, version: schedule.version });
  }

  return (
    <FormDialog
      open={open}
      title="End this schedule"
      submitLabel="End schedule"
      cancelLabel="Keep it"
      busyLabel="Ending…"
      tone="danger"
      busy={busy}
      problems={summary}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <p>
        {schedule.wardName}, {schedule.hospitalName}. {scheduleText(schedule)}, with {schedule.advocateName}.
      </p>
      <p className="muted">Planned visits after the last day are removed. Visits already logged are kept.</p>
      <TextField
        id={FIELDS.endsOn.id}
        label="Last day"
        type="date"
        min={schedule.startsOn}
        className="field--date"
        value={endsOn}
        error={byField.endsOn}
        onChange={(event) => setEndsOn(event.target.value)}
      />
    </FormDialog>
  );
}
