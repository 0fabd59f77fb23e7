import { ProblemError } from '@beacon/api-client';
import { useState } from 'react';
import { ConflictNotice } from '../../../components/conflict-notice';
import { TextArea } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { RestoredDraftNotice } from '../../../components/restored-draft-notice';
import { withoutConflict } from '../../../lib/conflicts';
import { useFormProblems } from '../../../lib/problems';
import { useConflict } from '../../../lib/use-conflict';
import { useDialogDraft } from '../../../lib/use-draft';
import type { Visit } from '../../../lib/visits';
import type { CancelVisitBody } from '../api/cancel-visit';
import { VISIT_CONFLICT, planChangeBlocked } from '../utils/conflict';

const FIELDS = { reason: { id: 'cancel-visit-reason', label: 'Reason' } };

/** Calls off one planned visit ahead of time; coverage counts it as cancelled, not missed. */
export function CancelVisitDialog({
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
  onSubmit: (body: CancelVisitBody) => void;
  onCancel: () => void;
}) {
  const saved = useDialogDraft(`cancel-visit.${visit.id}`, open, { initial: { reason: '' } });
  const reason = saved.values.reason;
  const setReason = (next: string) => saved.setValues({ reason: next });
  const [checked, setChecked] = useState<unknown>(null);
  const { conflict, sending } = useConflict(visit, problem, busy);
  const { byField, summary } = useFormProblems(checked ?? withoutConflict(problem), FIELDS);

  function submit() {
    if (!reason.trim()) {
      setChecked(new ProblemError(400, { errors: [{ field: 'reason', message: 'is required' }] }));
      return;
    }
    setChecked(null);
    sending(visit);
    onSubmit({ reason: reason.trim(), version: visit.version });
  }

  return (
    <FormDialog
      open={open}
      title="Cancel this visit"
      submitLabel="Cancel visit"
      cancelLabel="Keep the visit"
      busyLabel="Cancelling…"
      tone="danger"
      busy={busy}
      problems={summary}
      wide={conflict !== null}
      conflict={
        conflict && (
          <ConflictNotice
            spec={VISIT_CONFLICT}
            conflict={conflict}
            blocked={(latest) => planChangeBlocked(latest, 'cancelled')}
            busy={busy}
            onApply={submit}
            onDiscard={onCancel}
          />
        )
      }
      onSubmit={submit}
      onCancel={onCancel}
    >
      <RestoredDraftNotice
        restored={saved.restored}
        onDiscard={() => {
          saved.discard();
          setChecked(null);
        }}
      />
      <p>
        The visit to {visit.wardName} will show as cancelled. The weekly schedule and the other visits stay as
        they are.
      </p>
      <TextArea
        id={FIELDS.reason.id}
        label="Reason"
        hint="For example: ward closed to visitors, or you are on leave"
        rows={3}
        maxLength={1000}
        value={reason}
        error={byField.reason}
        onChange={(event) => setReason(event.target.value)}
      />
    </FormDialog>
  );
}
