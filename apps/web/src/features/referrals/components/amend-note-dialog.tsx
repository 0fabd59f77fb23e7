import { ProblemError } from '@beacon/api-client';
import { NOTE_KIND_LABELS } from '@beacon/domain';
import { useState } from 'react';
import { ConflictNotice } from '../../../components/conflict-notice';
import { TextArea } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { RestoredDraftNotice } from '../../../components/restored-draft-notice';
import { withoutConflict } from '../../../lib/conflicts';
import { changedSinceDraft } from '../../../lib/drafts';
import { formatDateTime } from '../../../lib/format';
import { useFormProblems } from '../../../lib/problems';
import { useConflict } from '../../../lib/use-conflict';
import { useDialogDraft } from '../../../lib/use-draft';
import { NOTE_CONFLICT } from '../utils/conflict';
import {
  NOTE_MAX,
  characterCount,
  characterCountText,
  toAmendBody,
  validateAmend,
  type AmendDraft,
  type AmendNoteBody,
  type Note,
} from '../utils/casework';

const FIELDS = {
  body: { id: 'amend-body', label: 'Note' },
  reason: { id: 'amend-reason', label: 'Reason for the change' },
};

/**
 * A correction to a saved note: a new version with its reason. The note is never edited in place;
 * the earlier versions stay readable on the timeline. `note` is the note as loaded now: after a
 * conflict, the newer version. What is typed is kept as a draft in this tab until saved or cancelled.
 */
export function AmendNoteDialog({
  note,
  open,
  busy,
  problem,
  onSubmit,
  onCancel,
}: {
  note: Note;
  open: boolean;
  busy: boolean;
  /** The refusal of the last attempt: field errors and 403 here, a conflict in its notice. */
  problem: unknown;
  onSubmit: (body: AmendNoteBody) => void;
  onCancel: () => void;
}) {
  const saved = useDialogDraft<AmendDraft>(`amend-note.${note.id}`, open, {
    initial: { body: note.body, reason: '' },
    version: note.version,
  });
  const { values: draft, setValues: setDraft } = saved;
  const [checked, setChecked] = useState<unknown>(null);
  const { conflict, sending } = useConflict(note, problem, busy);
  const { byField, summary } = useFormProblems(checked ?? withoutConflict(problem), FIELDS);
  const left = NOTE_MAX - characterCount(draft.body);

  function submit() {
    const errors = validateAmend(draft, note.body);
    if (errors.length) {
      setChecked(new ProblemError(400, { errors }));
      return;
    }
    setChecked(null);
    sending(note);
    onSubmit(toAmendBody(draft, note.version));
  }

  return (
    <FormDialog
      open={open}
      title={`Amend the ${NOTE_KIND_LABELS[note.kind].toLowerCase()} note`}
      submitLabel="Save the amendment"
      busyLabel="Saving…"
      busy={busy}
      problems={summary}
      wide
      conflict={
        conflict && (
          <ConflictNotice
            spec={NOTE_CONFLICT}
            conflict={conflict}
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
        changed={changedSinceDraft(saved.restored, note) ? 'note' : null}
        onDiscard={() => {
          saved.discard({ body: note.body, reason: '' });
          setChecked(null);
        }}
      />
      <p className="muted">
        Written by {note.createdBy.displayName}, {formatDateTime(note.createdAt)}. The current text stays
        readable as version {note.version}; yours becomes version {note.version + 1}.
      </p>
      <TextArea
        id={FIELDS.body.id}
        label="Note"
        rows={8}
        value={draft.body}
        error={byField.body}
        aria-describedby={`amend-body-count${byField.body ? ' amend-body-error' : ''}`}
        onChange={(event) => setDraft((previous) => ({ ...previous, body: event.target.value }))}
      />
      <p
        id="amend-body-count"
        className={left < 0 ? 'char-count char-count--over' : 'char-count'}
        aria-live={left < 500 ? 'polite' : 'off'}
      >
        {characterCountText(draft.body)}
      </p>
      <TextArea
        id={FIELDS.reason.id}
        label="Reason for the change"
        hint="For example: corrected the date, added what was agreed"
        rows={2}
        maxLength={1000}
        value={draft.reason}
        error={byField.reason}
        onChange={(event) => setDraft((previous) => ({ ...previous, reason: event.target.value }))}
      />
    </FormDialog>
  );
}
