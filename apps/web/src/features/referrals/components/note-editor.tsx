import { ProblemError } from '@beacon/api-client';
import { NOTE_KINDS, NOTE_KIND_LABELS, isNoteKind } from '@beacon/domain';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { RadioGroup, TextArea, TextField } from '../../../components/fields';
import { RestoredDraftNotice } from '../../../components/restored-draft-notice';
import { useFormProblems } from '../../../lib/problems';
import { useDraft } from '../../../lib/use-draft';
import { useCreateNote } from '../api/create-note';
import {
  EMPTY_NOTE,
  NOTE_MAX,
  characterCount,
  characterCountText,
  toCreateNoteBody,
  validateNote,
  type Note,
  type NoteDraftValues,
} from '../utils/casework';

const FIELDS = {
  kind: { id: 'note-kind-CONTACT', label: 'Kind of note' },
  minutesSpent: { id: 'note-minutes', label: 'Time spent' },
  body: { id: 'note-body', label: 'Note' },
};

/** Near the limit the count is announced as it changes; before then it would only be noise. */
const ANNOUNCE_WITHIN = 500;

/**
 * A new case note. What is typed is kept as a draft in this tab (by person and referral) as it is
 * typed, so a session that ends mid-note loses nothing: signing in again brings the draft back.
 * Saving the note, or signing out, clears it.
 */
export function NoteEditor({ referralId, onSaved }: { referralId: string; onSaved: (note: Note) => void }) {
  const {
    values: draft,
    setValues: setDraft,
    restored,
    discard: discardDraft,
  } = useDraft<NoteDraftValues>(`note.${referralId}`, {
    initial: EMPTY_NOTE,
    isEmpty: (values) => values.body.trim() === '' && values.minutes.trim() === '',
    restore: (kept) => ({ ...kept, kind: isNoteKind(kept.kind) ? kept.kind : '' }),
  });
  const [checked, setChecked] = useState<unknown>(null);
  const create = useCreateNote(referralId);
  const { byField, summary } = useFormProblems(checked ?? create.error, FIELDS);
  const left = NOTE_MAX - characterCount(draft.body);

  function update(patch: Partial<NoteDraftValues>) {
    setDraft((previous) => ({ ...previous, ...patch }));
  }

  function discard() {
    discardDraft();
    setChecked(null);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const errors = validateNote(draft);
    if (errors.length) {
      setChecked(new ProblemError(400, { detail: 'The note is not ready to save.', errors }));
      return;
    }
    setChecked(null);
    create.mutate(toCreateNoteBody(draft), {
      onSuccess: (note) => {
        discardDraft();
        onSaved(note);
      },
    });
  }

  return (
    <form className="form note-editor" onSubmit={submit} noValidate aria-labelledby="note-editor-title">
      <h3 id="note-editor-title" className="subheading">
        Add a case note
      </h3>
      <RestoredDraftNotice restored={restored} onDiscard={discard} discardLabel="Discard the draft" />
      <ErrorSummary items={summary} />
      <RadioGroup
        id="note-kind"
        legend="Kind of note"
        inline
        options={NOTE_KINDS.map((value) => ({ value, label: NOTE_KIND_LABELS[value] }))}
        value={draft.kind}
        error={byField.kind}
        onChange={(kind) => update({ kind })}
      />
      <TextArea
        id={FIELDS.body.id}
        label="Note"
        hint="What happened, what the person wants, what was agreed. Kept as a draft in this tab while you type."
        rows={7}
        value={draft.body}
        error={byField.body}
        aria-describedby={`note-body-hint note-body-count${byField.body ? ' note-body-error' : ''}`}
        onChange={(event) => update({ body: event.target.value })}
      />
      <p
        id="note-body-count"
        className={left < 0 ? 'char-count char-count--over' : 'char-count'}
        aria-live={left < ANNOUNCE_WITHIN ? 'polite' : 'off'}
      >
        {characterCountText(draft.body)}
      </p>
      <TextField
        id={FIELDS.minutesSpent.id}
        label="Time spent, in minutes (optional)"
        inputMode="numeric"
        autoComplete="off"
        className="field--date"
        value={draft.minutes}
        error={byField.minutesSpent}
        onChange={(event) => update({ minutes: event.target.value })}
      />
      <div className="actions">
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? 'Saving the note…' : 'Save note'}
        </Button>
      </div>
    </form>
  );
}
