import { ProblemError } from '@beacon/api-client';
import { useState } from 'react';
import { ConflictNotice } from '../../../components/conflict-notice';
import { TextField } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { withoutConflict } from '../../../lib/conflicts';
import { useFormProblems } from '../../../lib/problems';
import { useConflict } from '../../../lib/use-conflict';
import type { Visit } from '../../../lib/visits';
import { VISIT_CONFLICT, planChangeBlocked } from '../utils/conflict';
import { toMoveBody, validateMove, type MoveDraft, type MoveVisitBody } from '../utils/visit-forms';

const FIELDS = {
  date: { id: 'move-date', label: 'Date' },
  startTime: { id: 'move-start', label: 'Start time' },
  durationMinutes: { id: 'move-duration', label: 'Length' },
};

/** One planned visit to another day or time (the weekly schedule stays as it is). */
export function MoveVisitDialog({
  visit,
  open,
  busy,
  problem,
  onSubmit,
  onCancel,
}: {
  visit: Visit;
  open: boolean;
  busy: boolean;
  problem: unknown;
  onSubmit: (body: MoveVisitBody) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<MoveDraft>({
    date: visit.date,
    startTime: visit.startTime,
    durationMinutes: String(visit.durationMinutes),
  });
  const [checked, setChecked] = useState<unknown>(null);
  const { conflict, sending } = useConflict(visit, problem, busy);
  const { byField, summary } = useFormProblems(checked ?? withoutConflict(problem), FIELDS);
  const update = (patch: Partial<MoveDraft>) => setDraft((previous) => ({ ...previous, ...patch }));

  function submit() {
    const errors = validateMove(draft);
    if (errors.length) {
      setChecked(new ProblemError(400, { errors }));
      return;
    }
    setChecked(null);
    sending(visit);
    onSubmit(toMoveBody(draft, visit));
  }

  return (
    <FormDialog
      open={open}
      title="Move this visit"
      submitLabel="Move visit"
      busyLabel="Moving…"
      busy={busy}
      problems={summary}
      wide={conflict !== null}
      conflict={
        conflict && (
          <ConflictNotice
            spec={VISIT_CONFLICT}
            conflict={conflict}
            blocked={(latest) => planChangeBlocked(latest, 'moved')}
            busy={busy}
            onApply={submit}
            onDiscard={onCancel}
          />
        )
      }
      onSubmit={submit}
      onCancel={onCancel}
    >
      <p>Only this visit moves. The weekly schedule, and the visits after this one, stay as they are.</p>
      <div className="field-row">
        <TextField
          id={FIELDS.date.id}
          label="Date"
          type="date"
          value={draft.date}
          error={byField.date}
          onChange={(event) => update({ date: event.target.value })}
        />
        <TextField
          id={FIELDS.startTime.id}
          label="Start time"
          hint="UK time"
          type="time"
          value={draft.startTime}
          error={byField.startTime}
          onChange={(event) => update({ startTime: event.target.value })}
        />
      </div>
      <TextField
        id={FIELDS.durationMinutes.id}
        label="Length, in minutes"
        inputMode="numeric"
        className="field--date"
        value={draft.durationMinutes}
        error={byField.durationMinutes}
        onChange={(event) => update({ durationMinutes: event.target.value })}
      />
    </FormDialog>
  );
}
