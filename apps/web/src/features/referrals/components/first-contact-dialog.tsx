import { ProblemError } from '@beacon/api-client';
import { useState } from 'react';
import { ConflictNotice } from '../../../components/conflict-notice';
import { TextField } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { withoutConflict } from '../../../lib/conflicts';
import { londonDateTimeInput, londonDateTimeToIso } from '../../../lib/format';
import { useFormProblems } from '../../../lib/problems';
import { useConflict } from '../../../lib/use-conflict';
import type { Referral } from '../api/get-referral';
import type { FirstContactBody } from '../api/record-first-contact';
import { REFERRAL_CONFLICT, referralActionBlocked } from '../utils/conflict';

const FIELDS = { at: { id: 'first-contact-at', label: 'When contact was made' } };

export function FirstContactDialog({
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
  onSubmit: (body: FirstContactBody) => void;
  onCancel: () => void;
}) {
  const [now] = useState(() => londonDateTimeInput());
  const [at, setAt] = useState(now);
  const [checked, setChecked] = useState<unknown>(null);
  const { conflict, sending } = useConflict(referral, problem, busy);
  const { byField, summary } = useFormProblems(checked ?? withoutConflict(problem), FIELDS);

  function submit() {
    const iso = londonDateTimeToIso(at);
    if (!iso) {
      setChecked(new ProblemError(400, { errors: [{ field: 'at', message: 'must be a date and time' }] }));
      return;
    }
    setChecked(null);
    sending(referral);
    onSubmit({ version: referral.version, at: iso });
  }

  return (
    <FormDialog
      open={open}
      title="Record first contact"
      submitLabel="Record first contact"
      busyLabel="Recording…"
      busy={busy}
      problems={summary}
      wide={conflict !== null}
      conflict={
        conflict && (
          <ConflictNotice
            spec={REFERRAL_CONFLICT}
            conflict={conflict}
            blocked={(latest) => referralActionBlocked('RECORD_FIRST_CONTACT', latest)}
            busy={busy}
            onApply={submit}
            onDiscard={onCancel}
          />
        )
      }
      onCancel={onCancel}
      onSubmit={submit}
    >
      <p>The waiting time stops here and the referral becomes active.</p>
      <TextField
        id="first-contact-at"
        label="When contact was made"
        hint="UK time"
        type="datetime-local"
        max={now}
        value={at}
        error={byField.at}
        onChange={(event) => setAt(event.target.value)}
      />
    </FormDialog>
  );
}
