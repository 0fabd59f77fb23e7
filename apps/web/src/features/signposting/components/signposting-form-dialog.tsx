import { useState } from 'react';
import { ConflictNotice } from '../../../components/conflict-notice';
import { TextArea, TextField } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { withoutConflict } from '../../../lib/conflicts';
import type { SignpostingService } from '../../../lib/signposting';
import { useFormProblems } from '../../../lib/problems';
import { useConflict } from '../../../lib/use-conflict';
import { SIGNPOSTING_CONFLICT } from '../utils/conflict';
import { keyFromName } from '../utils/key';

export interface SignpostingValues {
  key: string;
  name: string;
  description: string;
  contact: string;
}

const FIELDS = {
  key: { id: 'signposting-key', label: 'Key' },
  name: { id: 'signposting-name', label: 'Name' },
  description: { id: 'signposting-description', label: 'Description' },
  contact: { id: 'signposting-contact', label: 'How to reach it' },
};

/**
 * Adding an entry (with its key) or changing one (the key never changes: reports and suggestions
 * use it). `entry` is the entry as loaded now: after a conflict, the newer version, with what the
 * admin typed kept.
 */
export function SignpostingFormDialog({
  entry,
  open,
  busy,
  problem,
  onSubmit,
  onCancel,
}: {
  entry: SignpostingService | null;
  open: boolean;
  busy: boolean;
  problem: unknown;
  onSubmit: (values: SignpostingValues) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(entry?.name ?? '');
  const [key, setKey] = useState<string | null>(entry ? entry.key : null);
  const [description, setDescription] = useState(entry?.description ?? '');
  const [contact, setContact] = useState(entry?.contact ?? '');
  const { conflict, sending } = useConflict(entry, problem, busy);
  const { byField, summary } = useFormProblems(withoutConflict(problem), FIELDS);
  const shownKey = key ?? keyFromName(name);

  function submit() {
    if (entry) sending(entry);
    onSubmit({
      key: shownKey,
      name: name.trim(),
      description: description.trim(),
      contact: contact.trim(),
    });
  }

  return (
    <FormDialog
      open={open}
      title={entry ? `Change ${entry.name}` : 'Add a signposting service'}
      submitLabel={entry ? 'Save changes' : 'Add service'}
      busyLabel="Saving…"
      busy={busy}
      problems={summary}
      wide={conflict !== null}
      conflict={
        conflict && (
          <ConflictNotice
            spec={SIGNPOSTING_CONFLICT}
            conflict={conflict}
            busy={busy}
            onApply={submit}
            onDiscard={onCancel}
          />
        )
      }
      onCancel={onCancel}
      onSubmit={submit}
    >
      <TextField
        id={FIELDS.name.id}
        label="Name"
        autoComplete="off"
        maxLength={200}
        value={name}
        error={byField.name}
        onChange={(event) => setName(event.target.value)}
      />
      {!entry && (
        <TextField
          id={FIELDS.key.id}
          label="Key"
          hint="A permanent code for reports, in capitals with underscores. Made from the name unless you change it."
          autoComplete="off"
          spellCheck={false}
          maxLength={50}
          value={shownKey}
          error={byField.key}
          onChange={(event) => setKey(event.target.value.toUpperCase())}
        />
      )}
      <TextArea
        id={FIELDS.description.id}
        label="Description (optional)"
        hint="What it offers and who for"
        rows={3}
        maxLength={1000}
        value={description}
        error={byField.description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <TextField
        id={FIELDS.contact.id}
        label="How to reach it (optional)"
        hint="A phone number or website"
        autoComplete="off"
        maxLength={500}
        value={contact}
        error={byField.contact}
        onChange={(event) => setContact(event.target.value)}
      />
    </FormDialog>
  );
}
