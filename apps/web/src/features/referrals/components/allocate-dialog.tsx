import { ProblemError } from '@beacon/api-client';
import { useEffect, useState } from 'react';
import { ConflictNotice } from '../../../components/conflict-notice';
import { RadioGroup, TextArea } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { Notice } from '../../../components/notice';
import { QueryError } from '../../../components/query-error';
import { Loading } from '../../../components/status';
import { withoutConflict } from '../../../lib/conflicts';
import { useFormProblems } from '../../../lib/problems';
import { useConflict } from '../../../lib/use-conflict';
import type { AllocateBody } from '../api/allocate-referral';
import { useAdvocates, type Advocate } from '../api/get-advocates';
import type { Referral } from '../api/get-referral';
import { REFERRAL_CONFLICT, referralActionBlocked } from '../utils/conflict';

const FIELDS = {
  advocateId: { id: 'allocate-advocate', label: 'Advocate' },
  reason: { id: 'allocate-reason', label: 'Reason' },
};

function caseloadText(advocate: Advocate) {
  const cases = advocate.activeCaseload === 1 ? '1 open case' : `${advocate.activeCaseload} open cases`;
  return `${cases}, ${advocate.awaitingFirstContact} awaiting first contact`;
}

/** Allocation and re-allocation: the advocates with their caseloads, so the work is shared fairly. */
export function AllocateDialog({
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
  onSubmit: (body: AllocateBody) => void;
  onCancel: () => void;
}) {
  const advocates = useAdvocates({ enabled: open });
  const [advocateId, setAdvocateId] = useState('');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<unknown>(null);
  const { conflict, sending } = useConflict(referral, problem, busy);
  const { byField, summary } = useFormProblems(checked ?? withoutConflict(problem), FIELDS);
  const reallocating = referral.allocatedAdvocateId !== null;
  const firstChoice = advocates.data?.items.find(
    (advocate) => advocate.id !== referral.allocatedAdvocateId,
  )?.id;

  // The dialog opens while the advocates load: once they are there, start on the first one.
  useEffect(() => {
    if (open && firstChoice) document.getElementById(`allocate-advocate-${firstChoice}`)?.focus();
  }, [open, firstChoice]);

  function submit() {
    if (!advocateId) {
      setChecked(
        new ProblemError(400, { errors: [{ field: 'advocateId', message: 'is required: choose one' }] }),
      );
      return;
    }
    setChecked(null);
    sending(referral);
    onSubmit({ advocateId, version: referral.version, ...(reason.trim() ? { reason: reason.trim() } : {}) });
  }

  return (
    <FormDialog
      open={open}
      title={reallocating ? `Re-allocate ${referral.reference}` : `Allocate ${referral.reference}`}
      submitLabel={reallocating ? 'Re-allocate' : 'Allocate'}
      busyLabel="Allocating…"
      busy={busy}
      problems={summary}
      wide={conflict !== null}
      conflict={
        conflict && (
          <ConflictNotice
            spec={REFERRAL_CONFLICT}
            conflict={conflict}
            blocked={(latest) => referralActionBlocked('ALLOCATE', latest, advocateId)}
            busy={busy}
            onApply={submit}
            onDiscard={onCancel}
          />
        )
      }
      onCancel={onCancel}
      onSubmit={submit}
    >
      {advocates.isPending ? (
        <Loading label="Loading advocates and their caseloads…" />
      ) : advocates.isError ? (
        <QueryError title="The advocates could not be loaded" query={advocates} />
      ) : advocates.data.items.length === 0 ? (
        <Notice title="There are no active advocates">
          <p>An admin can give an account the Advocate role.</p>
        </Notice>
      ) : (
        <RadioGroup
          id="allocate-advocate"
          legend="Advocate"
          hint="Open cases are those allocated or active."
          options={advocates.data.items.map((advocate) => ({
            value: advocate.id,
            label:
              advocate.id === referral.allocatedAdvocateId
                ? `${advocate.displayName} (allocated now)`
                : advocate.displayName,
            hint: caseloadText(advocate),
            disabled: advocate.id === referral.allocatedAdvocateId,
          }))}
          value={advocateId}
          error={byField.advocateId}
          onChange={setAdvocateId}
        />
      )}
      <TextArea
        id="allocate-reason"
        label={reallocating ? 'Reason for re-allocating (optional)' : 'Note for the history (optional)'}
        rows={2}
        maxLength={2000}
        value={reason}
        error={byField.reason}
        onChange={(event) => setReason(event.target.value)}
      />
    </FormDialog>
  );
}
