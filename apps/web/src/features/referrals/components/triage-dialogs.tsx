import { ProblemError } from '@beacon/api-client';
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '@beacon/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConflictNotice } from '../../../components/conflict-notice';
import { RadioGroup, TextArea } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { RestoredDraftNotice } from '../../../components/restored-draft-notice';
import { withoutConflict } from '../../../lib/conflicts';
import { changedSinceDraft, conform } from '../../../lib/drafts';
import { useFormProblems } from '../../../lib/problems';
import { signpostingServicesQueryOptions } from '../../../lib/signposting';
import { useConflict } from '../../../lib/use-conflict';
import { useDialogDraft } from '../../../lib/use-draft';
import type { Referral } from '../api/get-referral';
import type { TriageBody } from '../api/triage-referral';
import { REFERRAL_CONFLICT, referralActionBlocked } from '../utils/conflict';
import { suggestedServiceIds, toSignpostInputs } from '../utils/signposting';
import { SignpostingPicker, type SignpostingChoice } from './signposting-picker';

interface DialogProps {
  referral: Referral;
  open: boolean;
  busy: boolean;
  /** The refusal of the last attempt: field errors beside the fields, a conflict in its notice. */
  problem: unknown;
  onSubmit: (body: TriageBody) => void;
  onCancel: () => void;
}

const ACCEPT_FIELDS = {
  priority: { id: 'accept-priority-ROUTINE', label: 'Priority' },
  reason: { id: 'accept-note', label: 'Note' },
  signposting: { id: 'accept-signposting-services', label: 'Signposting' },
};

const DECLINE_FIELDS = {
  reason: { id: 'decline-reason', label: 'Reason' },
  signposting: { id: 'decline-signposting-services', label: 'Signposting' },
};

const NO_CHOICE: SignpostingChoice = { serviceIds: [], other: '', note: '' };

/**
 * The active directory, with the entries suggested for the referral's out-of-scope issues ticked
 * at first (`choice` stays null until the person changes it).
 */
function useSignpostingChoice(
  referral: Referral,
  choice: SignpostingChoice | null,
  setChoice: (choice: SignpostingChoice) => void,
) {
  const directory = useQuery(signpostingServicesQueryOptions());
  const suggested = suggestedServiceIds(directory.data?.items ?? [], referral.scope.outOfScope);
  const value = choice ?? { serviceIds: suggested, other: '', note: '' };
  const picker = {
    data: directory.data?.items,
    isPending: directory.isPending,
    error: directory.error,
    refetch: directory.refetch,
    isFetching: directory.isFetching,
  };
  return {
    picker,
    value,
    setChoice,
    signposts: () => toSignpostInputs(value.serviceIds, value.other, value.note),
  };
}

export function AcceptDialog({ referral, open, busy, problem, onSubmit, onCancel }: DialogProps) {
  const [priority, setPriority] = useState<Priority>(referral.priority);
  const [note, setNote] = useState('');
  const [choice, setChoice] = useState<SignpostingChoice | null>(null);
  const signposting = useSignpostingChoice(referral, choice, setChoice);
  const { conflict, sending } = useConflict(referral, problem, busy);
  const { byField, summary } = useFormProblems(withoutConflict(problem), ACCEPT_FIELDS);
  const outOfScope = referral.scope.outOfScope;

  function submit() {
    const signposts = outOfScope.length ? signposting.signposts() : [];
    sending(referral);
    onSubmit({
      decision: 'ACCEPT',
      version: referral.version,
      ...(priority !== referral.priority ? { priority } : {}),
      ...(note.trim() ? { reason: note.trim() } : {}),
      ...(signposts.length ? { signposting: signposts } : {}),
    });
  }

  return (
    <FormDialog
      open={open}
      title={`Accept ${referral.reference}?`}
      submitLabel="Accept referral"
      busyLabel="Accepting…"
      busy={busy}
      problems={summary}
      wide={outOfScope.length > 0 || conflict !== null}
      conflict={
        conflict && (
          <ConflictNotice
            spec={REFERRAL_CONFLICT}
            conflict={conflict}
            blocked={(latest) => referralActionBlocked('TRIAGE_ACCEPT', latest)}
            busy={busy}
            onApply={submit}
            onDiscard={onCancel}
          />
        )
      }
      onCancel={onCancel}
      onSubmit={submit}
    >
      <p>The referral will wait for a manager to allocate it to an advocate.</p>
      <RadioGroup
        id="accept-priority"
        legend="Priority"
        inline
        options={PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] }))}
        value={priority}
        error={byField.priority}
        onChange={setPriority}
      />
      {outOfScope.length > 0 && (
        <SignpostingPicker
          idPrefix="accept-signposting"
          legend="Signposting for the issues the service does not cover"
          hint="The referral goes on for the issues in scope; record where the person was pointed for the rest."
          directory={signposting.picker}
          outOfScope={outOfScope}
          value={signposting.value}
          error={byField.signposting}
          onChange={signposting.setChoice}
        />
      )}
      <TextArea
        id="accept-note"
        label="Note for the history (optional)"
        rows={2}
        maxLength={2000}
        value={note}
        error={byField.reason}
        onChange={(event) => setNote(event.target.value)}
      />
    </FormDialog>
  );
}

interface DeclineDraft {
  reason: string;
  /** Null until the person changes the suggested signposting. */
  choice: SignpostingChoice | null;
}

export function DeclineDialog({ referral, open, busy, problem, onSubmit, onCancel }: DialogProps) {
  const draft = useDialogDraft<DeclineDraft>(`decline.${referral.id}`, open, {
    initial: { reason: '', choice: null },
    version: referral.version,
    restore: (kept) => ({ ...kept, choice: kept.choice ? conform(NO_CHOICE, kept.choice) : null }),
  });
  const { reason, choice } = draft.values;
  const setReason = (next: string) => draft.setValues((previous) => ({ ...previous, reason: next }));
  const [checked, setChecked] = useState<unknown>(null);
  const signposting = useSignpostingChoice(referral, choice, (next) =>
    draft.setValues((previous) => ({ ...previous, choice: next })),
  );
  const { conflict, sending } = useConflict(referral, problem, busy);
  const { byField, summary } = useFormProblems(checked ?? withoutConflict(problem), DECLINE_FIELDS);
  const outOfScope = referral.scope.outOfScope;

  function submit() {
    const signposts = signposting.signposts();
    const errors = [];
    if (!reason.trim())
      errors.push({ field: 'reason', message: 'is required: say why the referral is declined' });
    if (outOfScope.length && !signposts.length) {
      errors.push({ field: 'signposting', message: 'is required for the issues the service does not cover' });
    }
    if (errors.length) {
      setChecked(new ProblemError(400, { errors }));
      return;
    }
    setChecked(null);
    sending(referral);
    onSubmit({
      decision: 'DECLINE',
      version: referral.version,
      reason: reason.trim(),
      ...(signposts.length ? { signposting: signposts } : {}),
    });
  }

  return (
    <FormDialog
      open={open}
      title={`Decline ${referral.reference}?`}
      submitLabel="Decline referral"
      busyLabel="Declining…"
      tone="danger"
      busy={busy}
      problems={summary}
      wide
      conflict={
        conflict && (
          <ConflictNotice
            spec={REFERRAL_CONFLICT}
            conflict={conflict}
            blocked={(latest) => referralActionBlocked('TRIAGE_DECLINE', latest)}
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
      <TextArea
        id="decline-reason"
        label="Reason"
        hint="Kept in the referral’s history and shown to colleagues"
        rows={3}
        maxLength={2000}
        value={reason}
        error={byField.reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <SignpostingPicker
        idPrefix="decline-signposting"
        legend={
          outOfScope.length ? 'Where the person was signposted' : 'Where the person was signposted (optional)'
        }
        hint={
          outOfScope.length ? 'Suggestions for the issues the service does not cover are ticked.' : undefined
        }
        directory={signposting.picker}
        outOfScope={outOfScope}
        value={signposting.value}
        error={byField.signposting}
        onChange={signposting.setChoice}
      />
    </FormDialog>
  );
}
