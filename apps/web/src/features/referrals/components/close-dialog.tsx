import { ProblemError, type FieldError } from '@beacon/api-client';
import {
  CLOSURE_OUTCOMES,
  CLOSURE_OUTCOME_LABELS,
  isClosureOutcome,
  type ClosureOutcome,
} from '@beacon/domain';
import { useState } from 'react';
import { ConflictNotice } from '../../../components/conflict-notice';
import { SelectField, TextArea } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { RestoredDraftNotice } from '../../../components/restored-draft-notice';
import { withoutConflict } from '../../../lib/conflicts';
import { changedSinceDraft } from '../../../lib/drafts';
import { useFormProblems } from '../../../lib/problems';
import { useConflict } from '../../../lib/use-conflict';
import { useDialogDraft } from '../../../lib/use-draft';
import type { CloseBody } from '../api/close-referral';
import type { Referral } from '../api/get-referral';
import { REFERRAL_CONFLICT, referralActionBlocked } from '../utils/conflict';

const FIELDS = {
  outcome: { id: 'close-outcome', label: 'Outcome' },
  reason: { id: 'close-reason', label: 'Reason' },
};

export function CloseDialog({
  referral,
  open,
  busy,
  problem,
  onSubmit,
  onCancel,
}: {
  referral: Referral;
  open: boolean;
  busy: boolean;
  problem: unknown;
  onSubmit: (body: CloseBody) => void;
  onCancel: () => void;
}) {
  const draft = useDialogDraft<{ outcome: ClosureOutcome | ''; reason: string }>(
    `close.${referral.id}`,
    open,
    {
      initial: { outcome: '', reason: '' },
      version: referral.version,
      restore: (kept) => ({ ...kept, outcome: isClosureOutcome(kept.outcome) ? kept.outcome : '' }),
    },
  );
  const { outcome, reason } = draft.values;
  const setOutcome = (next: ClosureOutcome | '') =>
    draft.setValues((previous) => ({ ...previous, outcome: next }));
  const setReason = (next: string) => draft.setValues((previous) => ({ ...previous, reason: next }));
  const [checked, setChecked] = useState<unknown>(null);
  const { conflict, sending } = useConflict(referral, problem, busy);
  const { byField, summary } = useFormProblems(checked ?? withoutConflict(problem), FIELDS);

  function submit() {
    const errors: FieldError[] = [];
    if (!outcome) errors.push({ field: 'outcome', message: 'is required: choose one' });
    if (!reason.trim()) errors.push({ field: 'reason', message: 'is required' });
    if (errors.length) {
      setChecked(new ProblemError(400, { errors }));
      return;
    }
    setChecked(null);
    sending(referral);
    onSubmit({ version: referral.version, outcome: outcome as ClosureOutcome, reason: reason.trim() });
  }

  return (
    <FormDialog
      open={open}
      title={`Close ${referral.reference}?`}
      submitLabel="Close referral"
      busyLabel="Closing…"
      tone="danger"
      busy={busy}
      problems={summary}
      wide={conflict !== null}
      conflict={
        conflict && (
          <ConflictNotice
            spec={REFERRAL_CONFLICT}
            conflict={conflict}
            blocked={(latest) => referralActionBlocked('CLOSE', latest)}
            busy={busy}
            onApply={submit}
            onDiscard={onCancel}
          />
        )
      }
      onCancel={onCancel}
      onSubmit={submit}
    >
      <RestoredDraftNotice
        restored={draft.restored}
        changed={changedSinceDraft(draft.restored, referral) ? 'referral' : null}
        onDiscard={() => {
          draft.discard();
          setChecked(null);
        }}
      />
      <p>A closed referral cannot be reopened: a new referral starts new work.</p>
      <SelectField
        id="close-outcome"
        label="Outcome"
        value={outcome}
        error={byField.outcome}
        onChange={(event) => setOutcome(isClosureOutcome(event.target.value) ? event.target.value : '')}
      >
        <option value="">Choose the outcome</option>
        {CLOSURE_OUTCOMES.map((value) => (
          <option key={value} value={value}>
            {CLOSURE_OUTCOME_LABELS[value]}
          </option>
        ))}
      </SelectField>
      <TextArea
        id="close-reason"
        label="Reason"
        hint="Kept in the referral’s history"
        rows={3}
        maxLength={2000}
        value={reason}
        error={byField.reason}
        onChange={(event) => setReason(event.target.value)}
      />
    </FormDialog>
  );
}
