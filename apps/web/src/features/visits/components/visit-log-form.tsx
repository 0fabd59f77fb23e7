import { ProblemError } from '@beacon/api-client';
import { isVisitLogStatus } from '@beacon/domain';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ConflictNotice } from '../../../components/conflict-notice';
import { ErrorSummary } from '../../../components/error-summary';
import { RadioGroup, StepperField, TextArea } from '../../../components/fields';
import { RestoredDraftNotice } from '../../../components/restored-draft-notice';
import { withoutConflict } from '../../../lib/conflicts';
import { changedSinceDraft } from '../../../lib/drafts';
import { useFormProblems } from '../../../lib/problems';
import { useConflict } from '../../../lib/use-conflict';
import { useDraft } from '../../../lib/use-draft';
import type { Visit } from '../../../lib/visits';
import { VISIT_CONFLICT } from '../utils/conflict';
import {
  LOG_LIMITS,
  initialLogDraft,
  toLogBody,
  validateLog,
  type LogVisitBody,
  type VisitLogDraft,
} from '../utils/visit-forms';

const FIELDS = {
  status: { id: 'log-status-HELD', label: 'What happened' },
  patientsSeen: { id: 'log-patients-seen', label: 'Patients seen' },
  newReferrals: { id: 'log-new-referrals', label: 'New referrals picked up' },
  minutesSpent: { id: 'log-minutes', label: 'Time spent' },
  note: { id: 'log-note', label: 'Note' },
  reason: { id: 'log-reason', label: 'Reason' },
};

/**
 * The log of one visit, made for a tablet on the ward: two big choices, then only the questions
 * that choice needs, with − and + beside every number. The answers are kept as a draft in this tab
 * until saved, so a session that ends on the ward loses nothing. If someone else changed the visit
 * first, the answers stay and the conflict notice says what changed.
 */
export function VisitLogForm({
  visit,
  today,
  busy,
  problem,
  submitLabel,
  onSubmit,
  onCancel,
  onDiscard,
}: {
  visit: Visit;
  today: string;
  busy: boolean;
  problem: unknown;
  submitLabel: string;
  /** Sends the log; `saved` is for its success (the draft goes). */
  onSubmit: (body: LogVisitBody, saved: () => void) => void;
  onCancel?: () => void;
  /** After the person discards their log in a conflict. */
  onDiscard?: () => void;
}) {
  const saved = useDraft<VisitLogDraft>(`visit-log.${visit.id}`, {
    initial: () => initialLogDraft(visit),
    version: visit.version,
    restore: (kept) => ({ ...kept, status: isVisitLogStatus(kept.status) ? kept.status : '' }),
  });
  const { values: draft, setValues: setDraft } = saved;
  const [checked, setChecked] = useState<unknown>(null);
  const { conflict, sending } = useConflict(visit, problem, busy);
  const { byField, summary } = useFormProblems(checked ?? withoutConflict(problem), FIELDS);
  const update = (patch: Partial<VisitLogDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const future = visit.date > today;

  function send() {
    if (busy) return;
    const errors = validateLog(draft, visit, today);
    if (errors.length) {
      setChecked(new ProblemError(400, { detail: 'Some answers need a look.', errors }));
      return;
    }
    setChecked(null);
    sending(visit);
    onSubmit(toLogBody(draft, visit.version), () => saved.forget());
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send();
  }

  function discard() {
    saved.discard(initialLogDraft(visit));
    setChecked(null);
  }

  return (
    <form className="form visit-log" onSubmit={submit} noValidate aria-label="Visit log">
      {conflict && (
        <ConflictNotice
          spec={VISIT_CONFLICT}
          conflict={conflict}
          busy={busy}
          onApply={send}
          onDiscard={() => {
            discard();
            onDiscard?.();
          }}
        />
      )}
      <RestoredDraftNotice
        restored={saved.restored}
        changed={changedSinceDraft(saved.restored, visit) ? 'visit' : null}
        onDiscard={discard}
      />
      <ErrorSummary items={summary} />
      <RadioGroup
        id="log-status"
        legend="What happened?"
        options={[
          {
            value: 'HELD' as const,
            label: 'The visit was held',
            hint: future ? 'Available on the day of the visit' : 'You went on the ward',
            disabled: future,
          },
          {
            value: 'CANCELLED' as const,
            label: 'The visit was cancelled',
            hint: 'It did not happen: say why',
          },
        ]}
        value={draft.status}
        error={byField.status}
        onChange={(status) => update({ status })}
      />
      {draft.status === 'HELD' && (
        <div className="field-row visit-log__numbers">
          <StepperField
            id={FIELDS.patientsSeen.id}
            label="Patients seen"
            hint="Everyone you spoke with"
            max={LOG_LIMITS.people}
            value={draft.patientsSeen}
            error={byField.patientsSeen}
            onChange={(patientsSeen) => update({ patientsSeen })}
          />
          <StepperField
            id={FIELDS.newReferrals.id}
            label="New referrals picked up"
            hint="People who asked for an advocate"
            max={LOG_LIMITS.people}
            value={draft.newReferrals}
            error={byField.newReferrals}
            onChange={(newReferrals) => update({ newReferrals })}
          />
        </div>
      )}
      {draft.status !== '' && (
        <StepperField
          id={FIELDS.minutesSpent.id}
          label="Time spent, in minutes"
          hint={draft.status === 'HELD' ? 'On the ward and writing up' : 'Travel or waiting, if any'}
          max={LOG_LIMITS.minutes}
          value={draft.minutesSpent}
          error={byField.minutesSpent}
          onChange={(minutesSpent) => update({ minutesSpent })}
        />
      )}
      {draft.status === 'CANCELLED' && (
        <TextArea
          id={FIELDS.reason.id}
          label="Reason"
          hint="For example: ward closed to visitors"
          rows={3}
          maxLength={LOG_LIMITS.reason}
          value={draft.reason}
          error={byField.reason}
          onChange={(event) => update({ reason: event.target.value })}
        />
      )}
      {draft.status !== '' && (
        <TextArea
          id={FIELDS.note.id}
          label="Note (optional)"
          hint="About the visit itself. No names or details of patients: those go in their case notes."
          rows={3}
          maxLength={LOG_LIMITS.note}
          value={draft.note}
          error={byField.note}
          onChange={(event) => update({ note: event.target.value })}
        />
      )}
      {!conflict && (
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy} className="button--large">
            {busy ? 'Saving…' : submitLabel}
          </Button>
          {onCancel && (
            <Button
              onClick={() => {
                discard();
                onCancel();
              }}
              disabled={busy}
              className="button--large"
            >
              Keep the log as it was
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
