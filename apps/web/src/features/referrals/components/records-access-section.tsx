import { ProblemError, isProblem } from '@beacon/api-client';
import {
  RECORDS_ACCESS_BASES,
  RECORDS_ACCESS_BASIS_LABELS,
  can,
  isRecordsAccessBasis,
  londonDate,
} from '@beacon/domain';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { MessageRegion, type Message } from '../../../components/notice';
import { RadioGroup, TextArea, TextField } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { QueryError } from '../../../components/query-error';
import { RestoredDraftNotice } from '../../../components/restored-draft-notice';
import { EmptyState, Loading } from '../../../components/status';
import { formatDate } from '../../../lib/format';
import { useFormProblems } from '../../../lib/problems';
import { useDialogDraft, useDraftWaiting } from '../../../lib/use-draft';
import { useUser } from '../../../lib/use-session';
import { useCreateRecordsAccess } from '../api/create-records-access';
import type { Referral } from '../api/get-referral';
import { useRecordsAccess } from '../api/get-records-access';
import {
  toCreateRecordsAccessBody,
  validateRecordsAccess,
  type CreateRecordsAccessBody,
  type RecordsAccessDraft,
} from '../utils/casework';

/**
 * An IMHA's access to the person's records (Mental Health Act s130B): whose records, which, on
 * what basis, when and by whom. IMHA referrals only.
 */
export function RecordsAccessSection({ referral }: { referral: Referral }) {
  const [message, setMessage] = useState<Message | null>(null);
  const me = useUser();
  const isImha = referral.serviceType === 'IMHA';
  const access = useRecordsAccess(referral.id, { enabled: isImha });
  const create = useCreateRecordsAccess(referral.id);
  const mayRecord =
    isImha &&
    can(me.roles, 'recordsAccess.create') &&
    referral.status !== 'CLOSED' &&
    referral.status !== 'DECLINED';
  // Access to records being recorded when the session ended opens again, as it was left.
  const draftWaiting = useDraftWaiting();
  const [dialog, setDialog] = useState(() => ({
    open: mayRecord && draftWaiting(`records-access.${referral.id}`),
    opening: 0,
  }));
  if (!isImha) return null;
  const items = access.data?.items ?? [];

  return (
    <section className="card card--tight" aria-labelledby="records-access-title">
      <div className="card__header">
        <h2 id="records-access-title" className="section-title">
          Access to records
        </h2>
        {mayRecord && (
          <Button
            onClick={() => {
              create.reset();
              setMessage(null);
              setDialog((previous) => ({ open: true, opening: previous.opening + 1 }));
            }}
          >
            Record access to records
          </Button>
        )}
      </div>
      <MessageRegion message={message} />
      {access.isPending ? (
        <Loading label="Loading records access…" />
      ) : access.isError ? (
        <QueryError title="Access to records could not be loaded" query={access} />
      ) : items.length === 0 ? (
        <EmptyState title="No access to the person’s records recorded yet.">
          <p>
            {mayRecord
              ? 'When you look at their records (s130B), note which, on what basis and where with “Record access to records”.'
              : 'Each time an advocate looks at the person’s records (s130B), it is listed here.'}
          </p>
        </EmptyState>
      ) : (
        <ul className="meetings">
          {[...items].reverse().map((entry) => (
            <li key={entry.id} className="meetings__item">
              <p>
                <strong>{entry.recordsDescription}</strong>
              </p>
              <p className="muted">
                {formatDate(entry.accessedOn)} · held by {entry.heldBy} · recorded by{' '}
                {entry.recordedBy.displayName}
              </p>
              <p>{RECORDS_ACCESS_BASIS_LABELS[entry.basis]}</p>
            </li>
          ))}
        </ul>
      )}
      {mayRecord && (
        <RecordsAccessDialog
          key={dialog.opening}
          referralId={referral.id}
          open={dialog.open}
          busy={create.isPending}
          problem={create.error}
          onCancel={() => setDialog((previous) => ({ ...previous, open: false }))}
          onSubmit={(body) =>
            create.mutate(body, {
              onSuccess: () => {
                setDialog((previous) => ({ ...previous, open: false }));
                setMessage({ tone: 'success', text: 'Access to records recorded.' });
              },
              onError: (error) => {
                if ((isProblem(error, 422) || isProblem(error, 409)) && !error.fieldErrors.length) {
                  setDialog((previous) => ({ ...previous, open: false }));
                  setMessage({ tone: 'error', title: 'The access was not recorded', text: error.detail });
                }
              },
            })
          }
        />
      )}
    </section>
  );
}

const FIELDS = {
  recordsDescription: { id: 'records-description', label: 'Which records' },
  basis: { id: 'records-basis-CONSENT', label: 'Basis' },
  heldBy: { id: 'records-held-by', label: 'Held by' },
  accessedOn: { id: 'records-accessed-on', label: 'Date accessed' },
};

function RecordsAccessDialog({
  referralId,
  open,
  busy,
  problem,
  onSubmit,
  onCancel,
}: {
  referralId: string;
  open: boolean;
  busy: boolean;
  problem: unknown;
  onSubmit: (body: CreateRecordsAccessBody) => void;
  onCancel: () => void;
}) {
  const [today] = useState(() => londonDate());
  const saved = useDialogDraft<RecordsAccessDraft>(`records-access.${referralId}`, open, {
    initial: { recordsDescription: '', basis: '', heldBy: '', accessedOn: today },
    restore: (kept) => ({ ...kept, basis: isRecordsAccessBasis(kept.basis) ? kept.basis : '' }),
  });
  const { values: draft, setValues: setDraft } = saved;
  const [checked, setChecked] = useState<unknown>(null);
  const { byField, summary } = useFormProblems(checked ?? problem, FIELDS);
  const update = (patch: Partial<RecordsAccessDraft>) => setDraft((previous) => ({ ...previous, ...patch }));

  function submit() {
    const errors = validateRecordsAccess(draft, today);
    if (errors.length) {
      setChecked(new ProblemError(400, { errors }));
      return;
    }
    setChecked(null);
    onSubmit(toCreateRecordsAccessBody(draft));
  }

  return (
    <FormDialog
      open={open}
      title="Record access to records"
      submitLabel="Save"
      busyLabel="Saving…"
      busy={busy}
      problems={summary}
      wide
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
      <TextArea
        id={FIELDS.recordsDescription.id}
        label="Which records"
        hint="For example: medication chart, the last two ward-round entries"
        rows={3}
        maxLength={2000}
        value={draft.recordsDescription}
        error={byField.recordsDescription}
        onChange={(event) => update({ recordsDescription: event.target.value })}
      />
      <RadioGroup
        id="records-basis"
        legend="Basis"
        options={RECORDS_ACCESS_BASES.map((value) => ({ value, label: RECORDS_ACCESS_BASIS_LABELS[value] }))}
        value={draft.basis}
        error={byField.basis}
        onChange={(basis) => update({ basis })}
      />
      <div className="field-row">
        <TextField
          id={FIELDS.heldBy.id}
          label="Held by"
          hint="The organisation that holds the records"
          autoComplete="off"
          maxLength={200}
          value={draft.heldBy}
          error={byField.heldBy}
          onChange={(event) => update({ heldBy: event.target.value })}
        />
        <TextField
          id={FIELDS.accessedOn.id}
          label="Date accessed"
          type="date"
          max={today}
          value={draft.accessedOn}
          error={byField.accessedOn}
          onChange={(event) => update({ accessedOn: event.target.value })}
        />
      </div>
    </FormDialog>
  );
}
