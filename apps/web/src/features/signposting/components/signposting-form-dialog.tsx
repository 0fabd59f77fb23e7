import { useState } from 'react';
import { TextArea, TextField } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import type { SignpostingService } from '../../../lib/signposting';
import { useFormProblems } from '../../../lib/problems';
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

/** Adding an entry (with its key) or changing one (the key never changes: reports and suggestions use it). */
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
  const { byField, summary } = useFormProblems(problem, FIELDS);
  const shownKey = key ?? keyFromName(name);

  return (
    <FormDialog
      open={open}
      title={entry ? `Change ${entry.name}` : 'Add a signposting service'}
      submitLabel={entry ? 'Save changes' : 'Add service'}
      busyLabel="Saving…"
      busy={busy}
      problems={summary}
      onCancel={onCancel}
      onSubmit={() =>
        onSubmit({
          key: shownKey,
          name: name.trim(),
          description: description.trim(),
          contact: contact.trim(),
        })
      }
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
