import { ProblemError } from '@beacon/api-client';
import { isIsoDate } from '@beacon/domain';
import { useState } from 'react';
import { ConflictNotice } from '../../../components/conflict-notice';
import { TextField } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { withoutConflict } from '../../../lib/conflicts';
import { useFormProblems } from '../../../lib/problems';
import { useConflict } from '../../../lib/use-conflict';
import type { EndScheduleBody } from '../api/end-schedule';
import type { Schedule } from '../api/get-schedules';
import { SCHEDULE_CONFLICT } from '../utils/conflict';
import { defaultEndsOn, scheduleText } from '../utils/schedule-form';

const FIELDS = { endsOn: { id: 'end-schedule-on', label: 'Last day' } };

/**
 * Ends a schedule on a day; planned visits after it are removed, logged ones kept. `schedule` is
 * the schedule as loaded now: after a conflict, the newer version.
 */
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
  const { conflict, sending } = useConflict(schedule, problem, busy);
  const { byField, summary } = useFormProblems(checked ?? withoutConflict(problem), FIELDS);

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
    sending(schedule);
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
      wide={conflict !== null}
      conflict={
        conflict && (
          <ConflictNotice
            spec={SCHEDULE_CONFLICT}
            conflict={conflict}
            busy={busy}
            onApply={submit}
            onDiscard={onCancel}
          />
        )
      }
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
