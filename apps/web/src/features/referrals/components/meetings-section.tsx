import { ProblemError, isProblem } from '@beacon/api-client';
import { MEETING_KINDS, MEETING_KIND_LABELS, can, isMeetingKind } from '@beacon/domain';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { MessageRegion, type Message } from '../../../components/notice';
import { Checkbox, SelectField, TextArea, TextField } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { QueryError } from '../../../components/query-error';
import { RestoredDraftNotice } from '../../../components/restored-draft-notice';
import { EmptyState, Loading } from '../../../components/status';
import { formatDateTime, formatMinutes, londonDateTimeInput } from '../../../lib/format';
import { useFormProblems } from '../../../lib/problems';
import { useDialogDraft, useDraftWaiting } from '../../../lib/use-draft';
import { useUser } from '../../../lib/use-session';
import { useCreateMeeting } from '../api/create-meeting';
import type { Referral } from '../api/get-referral';
import { useMeetings } from '../api/get-meetings';
import {
  EMPTY_MEETING,
  toCreateMeetingBody,
  validateMeeting,
  type CreateMeetingBody,
  type MeetingDraft,
} from '../utils/casework';

const OPEN_STATUSES = ['ALLOCATED', 'ACTIVE'];

/** Meetings with the person or on their behalf: the list, and recording one on an open case. */
export function MeetingsSection({ referral }: { referral: Referral }) {
  const [message, setMessage] = useState<Message | null>(null);
  const me = useUser();
  const meetings = useMeetings(referral.id);
  const create = useCreateMeeting(referral.id);
  const isOpen = OPEN_STATUSES.includes(referral.status);
  const mayRecord = can(me.roles, 'meetings.create') && isOpen;
  // A meeting being recorded when the session ended opens again, as it was left.
  const draftWaiting = useDraftWaiting();
  const [dialog, setDialog] = useState(() => ({
    open: mayRecord && draftWaiting(`meeting.${referral.id}`),
    opening: 0,
  }));
  const items = meetings.data?.items ?? [];

  return (
    <section className="card card--tight" aria-labelledby="meetings-title">
      <div className="card__header">
        <h2 id="meetings-title" className="section-title">
          Meetings
        </h2>
        {mayRecord && (
          <Button
            onClick={() => {
              create.reset();
              setMessage(null);
              setDialog((previous) => ({ open: true, opening: previous.opening + 1 }));
            }}
          >
            Record a meeting
          </Button>
        )}
      </div>
      <MessageRegion message={message} />
      {!isOpen && can(me.roles, 'meetings.create') && (
        <p className="muted">Meetings are recorded once the case is allocated, and until it closes.</p>
      )}
      {meetings.isPending ? (
        <Loading label="Loading meetings…" />
      ) : meetings.isError ? (
        <QueryError title="The meetings could not be loaded" query={meetings} />
      ) : items.length === 0 ? (
        <EmptyState title="No meetings recorded yet.">
          <p>
            {mayRecord
              ? 'Record meetings with the person or on their behalf (ward rounds, tribunals, reviews) with “Record a meeting”.'
              : 'Meetings with the person or on their behalf appear here once recorded.'}
          </p>
        </EmptyState>
      ) : (
        <ul className="meetings">
          {[...items].reverse().map((meeting) => (
            <li key={meeting.id} className="meetings__item">
              <p className="meetings__title">
                <strong>{MEETING_KIND_LABELS[meeting.kind]}</strong>{' '}
                {meeting.inPrivate && <span className="tag tag--info">In private</span>}
              </p>
              <p className="muted">
                {formatDateTime(meeting.startsAt)}
                {meeting.durationMinutes ? ` · ${formatMinutes(meeting.durationMinutes)}` : ''} ·{' '}
                {meeting.location}
              </p>
              {meeting.attendees.length > 0 && <p>With: {meeting.attendees.join(', ')}</p>}
              {meeting.outcome && <p className="pre-line">Outcome: {meeting.outcome}</p>}
            </li>
          ))}
        </ul>
      )}
      {mayRecord && (
        <MeetingDialog
          key={dialog.opening}
          referralId={referral.id}
          open={dialog.open}
          busy={create.isPending}
          problem={create.error}
          onCancel={() => setDialog((previous) => ({ ...previous, open: false }))}
          onSubmit={(body) =>
            create.mutate(body, {
              onSuccess: (meeting) => {
                setDialog((previous) => ({ ...previous, open: false }));
                setMessage({ tone: 'success', text: `${MEETING_KIND_LABELS[meeting.kind]} recorded.` });
              },
              onError: (error) => {
                if (isProblem(error, 409) && !error.fieldErrors.length) {
                  // The case is no longer open (closed meanwhile): the server says so.
                  setDialog((previous) => ({ ...previous, open: false }));
                  setMessage({ tone: 'error', title: 'The meeting was not recorded', text: error.detail });
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
  kind: { id: 'meeting-kind', label: 'Kind of meeting' },
  startsAt: { id: 'meeting-starts', label: 'Date and time' },
  durationMinutes: { id: 'meeting-duration', label: 'Length' },
  location: { id: 'meeting-location', label: 'Where' },
  inPrivate: { id: 'meeting-private', label: 'In private' },
  attendees: { id: 'meeting-attendees', label: 'Who was there' },
  outcome: { id: 'meeting-outcome', label: 'Outcome' },
};

function MeetingDialog({
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
  onSubmit: (body: CreateMeetingBody) => void;
  onCancel: () => void;
}) {
  const saved = useDialogDraft<MeetingDraft>(`meeting.${referralId}`, open, {
    initial: () => ({ ...EMPTY_MEETING, startsAt: londonDateTimeInput() }),
    restore: (kept) => ({ ...kept, kind: isMeetingKind(kept.kind) ? kept.kind : '' }),
  });
  const { values: draft, setValues: setDraft } = saved;
  const [checked, setChecked] = useState<unknown>(null);
  const { byField, summary } = useFormProblems(checked ?? problem, FIELDS);
  const update = (patch: Partial<MeetingDraft>) => setDraft((previous) => ({ ...previous, ...patch }));

  function submit() {
    const errors = validateMeeting(draft);
    if (errors.length) {
      setChecked(new ProblemError(400, { errors }));
      return;
    }
    setChecked(null);
    onSubmit(toCreateMeetingBody(draft));
  }

  return (
    <FormDialog
      open={open}
      title="Record a meeting"
      submitLabel="Save the meeting"
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
      <p className="muted">
        A meeting with the person that has taken place is their first contact, if none is recorded yet.
        Meetings ahead show on the calendar.
      </p>
      <SelectField
        id={FIELDS.kind.id}
        label="Kind of meeting"
        value={draft.kind}
        error={byField.kind}
        onChange={(event) => update({ kind: isMeetingKind(event.target.value) ? event.target.value : '' })}
      >
        <option value="">Choose the kind of meeting</option>
        {MEETING_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {MEETING_KIND_LABELS[kind]}
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        <TextField
          id={FIELDS.startsAt.id}
          label="Date and time"
          hint="UK time"
          type="datetime-local"
          value={draft.startsAt}
          error={byField.startsAt}
          onChange={(event) => update({ startsAt: event.target.value })}
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
      <TextField
        id={FIELDS.location.id}
        label="Where"
        hint="For example: Ashby Ward meeting room"
        autoComplete="off"
        maxLength={200}
        value={draft.location}
        error={byField.location}
        onChange={(event) => update({ location: event.target.value })}
      />
      <Checkbox
        id={FIELDS.inPrivate.id}
        label="Met the person in private"
        hint="The IMHA’s right to see the person without staff present"
        checked={draft.inPrivate}
        error={byField.inPrivate}
        onChange={(inPrivate) => update({ inPrivate })}
      />
      <TextArea
        id={FIELDS.attendees.id}
        label="Who was there (optional)"
        hint="One name or role a line, for example: Client, Responsible clinician"
        rows={3}
        value={draft.attendees}
        error={byField.attendees}
        onChange={(event) => update({ attendees: event.target.value })}
      />
      <TextArea
        id={FIELDS.outcome.id}
        label="Outcome (optional)"
        hint="Leave blank for a meeting still to come"
        rows={3}
        maxLength={5000}
        value={draft.outcome}
        error={byField.outcome}
        onChange={(event) => update({ outcome: event.target.value })}
      />
    </FormDialog>
  );
}
