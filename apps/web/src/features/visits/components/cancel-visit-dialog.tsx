import { ProblemError } from '@beacon/api-client';
import { useState } from 'react';
import { TextArea } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { useFormProblems } from '../../../lib/problems';
import type { Visit } from '../../../lib/visits';
import type { CancelVisitBody } from '../api/cancel-visit';

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
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<unknown>(null);
  const { byField, summary } = useFormProblems(checked ?? problem, FIELDS);

  function submit() {
    if (!reason.trim()) {
      setChecked(new ProblemError(400, { errors: [{ field: 'reason', message: 'is required' }] }));
      return;
    }
    setChecked(null);
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
      onSubmit={submit}
      onCancel={onCancel}
    >
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
