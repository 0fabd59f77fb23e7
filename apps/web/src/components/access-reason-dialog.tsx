import { ProblemError } from '@beacon/api-client';
import { useMemo, useState, type ReactNode } from 'react';
import { normaliseReason, reasonProblems } from '../lib/access-reason';
import { useFormProblems } from '../lib/problems';
import { TextArea } from './fields';
import { FormDialog } from './form-dialog';

/**
 * Asks why case content is being opened ("break glass"). The reason is checked here as the API
 * would (5–500 characters, one line, Latin-1 as a header needs), then handed to the page, which
 * keeps it in memory for the search session.
 */
export function AccessReasonDialog({
  id,
  open,
  title = 'Why are you looking?',
  intro,
  label = 'Reason',
  hint = 'For example a subject access request reference, a complaint, or a safeguarding check. It is kept in the audit trail with what you open.',
  submitLabel = 'Continue',
  initial = '',
  busy = false,
  onGive,
  onCancel,
}: {
  id: string;
  open: boolean;
  title?: string;
  intro?: ReactNode;
  label?: string;
  hint?: string;
  submitLabel?: string;
  /** The text the field starts with each time the dialog opens. */
  initial?: string;
  busy?: boolean;
  onGive: (reason: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<unknown>(null);
  const [wasOpen, setWasOpen] = useState(open);
  // Each opening starts afresh from `initial`.
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setText(initial);
      setProblem(null);
    }
  }
  const fields = useMemo(() => ({ reason: { id: `${id}-reason`, label: 'The reason' } }), [id]);
  const { byField, summary } = useFormProblems(problem, fields);

  function submit() {
    const problems = reasonProblems(text);
    if (problems.length) {
      setProblem(
        new ProblemError(400, { errors: problems.map((message) => ({ field: 'reason', message })) }),
      );
      return;
    }
    setProblem(null);
    onGive(normaliseReason(text));
  }

  return (
    <FormDialog
      open={open}
      title={title}
      submitLabel={submitLabel}
      busy={busy}
      problems={summary}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {intro}
      <TextArea
        id={fields.reason.id}
        label={label}
        hint={hint}
        rows={3}
        maxLength={600}
        value={text}
        error={byField.reason}
        onChange={(event) => setText(event.target.value)}
      />
    </FormDialog>
  );
}
