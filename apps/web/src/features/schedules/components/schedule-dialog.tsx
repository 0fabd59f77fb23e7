import { ProblemError } from '@beacon/api-client';
import { WEEKDAYS, WEEKDAY_LABELS, isWeekday } from '@beacon/domain';
import { useState } from 'react';
import { SelectField, TextField } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import type { Advocate } from '../../../lib/advocates';
import { wardsByHospital, type Ward } from '../../../lib/hospitals';
import { useFormProblems } from '../../../lib/problems';
import type { CreateScheduleBody } from '../api/create-schedule';
import {
  emptySchedule,
  toCreateScheduleBody,
  validateSchedule,
  type ScheduleDraft,
} from '../utils/schedule-form';

const FIELDS = {
  wardId: { id: 'schedule-ward', label: 'Ward' },
  advocateId: { id: 'schedule-advocate', label: 'Advocate' },
  weekday: { id: 'schedule-weekday', label: 'Day' },
  startTime: { id: 'schedule-start', label: 'Start time' },
  durationMinutes: { id: 'schedule-duration', label: 'Length' },
  startsOn: { id: 'schedule-starts-on', label: 'First day' },
  endsOn: { id: 'schedule-ends-on', label: 'Last day' },
};

/** A new weekly visit: which ward, who, which day and time, from when (and until when). */
export function ScheduleDialog({
  open,
  today,
  wards,
  advocates,
  busy,
  problem,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  today: string;
  wards: readonly Ward[];
  advocates: readonly Advocate[];
  busy: boolean;
  problem: unknown;
  onSubmit: (body: CreateScheduleBody) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<ScheduleDraft>(() => emptySchedule(today));
  const [checked, setChecked] = useState<unknown>(null);
  const { byField, summary } = useFormProblems(checked ?? problem, FIELDS);
  const update = (patch: Partial<ScheduleDraft>) => setDraft((previous) => ({ ...previous, ...patch }));

  function submit() {
    const errors = validateSchedule(draft);
    if (errors.length) {
      setChecked(new ProblemError(400, { errors }));
      return;
    }
    setChecked(null);
    onSubmit(toCreateScheduleBody(draft));
  }

  return (
    <FormDialog
      open={open}
      title="Add a visit schedule"
      submitLabel="Add schedule"
      busyLabel="Adding…"
      busy={busy}
      problems={summary}
      wide
      onSubmit={submit}
      onCancel={onCancel}
    >
      <p className="muted">
        The advocate then has a visit to log every week on that day. Times are UK time, and stay the same when
        the clocks change.
      </p>
      <div className="field-row">
        <SelectField
          id={FIELDS.wardId.id}
          label="Ward"
          value={draft.wardId}
          error={byField.wardId}
          onChange={(event) => update({ wardId: event.target.value })}
        >
          <option value="">Choose a ward</option>
          {wardsByHospital(wards).map((group) => (
            <optgroup key={group.hospitalName} label={group.hospitalName}>
              {group.wards.map((ward) => (
                <option key={ward.id} value={ward.id}>
                  {ward.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <SelectField
          id={FIELDS.advocateId.id}
          label="Advocate"
          value={draft.advocateId}
          error={byField.advocateId}
          onChange={(event) => update({ advocateId: event.target.value })}
        >
          <option value="">Choose an advocate</option>
          {advocates.map((advocate) => (
            <option key={advocate.id} value={advocate.id}>
              {advocate.displayName}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="field-row">
        <SelectField
          id={FIELDS.weekday.id}
          label="Day"
          value={draft.weekday}
          error={byField.weekday}
          onChange={(event) => update({ weekday: isWeekday(event.target.value) ? event.target.value : '' })}
        >
          <option value="">Choose a day</option>
          {WEEKDAYS.map((weekday) => (
            <option key={weekday} value={weekday}>
              {WEEKDAY_LABELS[weekday]}
            </option>
          ))}
        </SelectField>
        <TextField
          id={FIELDS.startTime.id}
          label="Start time"
          type="time"
          value={draft.startTime}
          error={byField.startTime}
          onChange={(event) => update({ startTime: event.target.value })}
        />
        <TextField
          id={FIELDS.durationMinutes.id}
          label="Length, in minutes"
          inputMode="numeric"
          autoComplete="off"
          value={draft.durationMinutes}
          error={byField.durationMinutes}
          onChange={(event) => update({ durationMinutes: event.target.value })}
        />
      </div>
      <div className="field-row">
        <TextField
          id={FIELDS.startsOn.id}
          label="First day"
          type="date"
          value={draft.startsOn}
          error={byField.startsOn}
          onChange={(event) => update({ startsOn: event.target.value })}
        />
        <TextField
          id={FIELDS.endsOn.id}
          label="Last day (optional)"
          hint="Leave blank to keep it going"
          type="date"
          value={draft.endsOn}
          error={byField.endsOn}
          onChange={(event) => update({ endsOn: event.target.value })}
        />
      </div>
    </FormDialog>
  );
}
