import { ProblemError } from '@beacon/api-client';
import { PASSWORD_MIN_LENGTH } from '@beacon/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { TextField } from '../../../components/fields';
import { MessageRegion, type Message } from '../../../components/notice';
import { useFormProblems } from '../../../lib/problems';
import { useChangePassword } from '../api/change-password';
import {
  EMPTY_PASSWORD_DRAFT,
  passwordDraftProblems,
  passwordProblem,
  type PasswordDraft,
} from '../utils/password-form';

const FIELDS = {
  currentPassword: { id: 'account-current-password', label: 'Current password' },
  newPassword: { id: 'account-new-password', label: 'The new password' },
  confirmPassword: { id: 'account-confirm-password', label: 'The new password typed again' },
};

/** Replacing a password an admin gave: the one they have is the temporary one. */
const TEMPORARY_FIELDS = {
  ...FIELDS,
  currentPassword: { id: 'account-current-password', label: 'Temporary password' },
};

export function ChangePasswordForm({
  email,
  temporary = false,
  onChanged,
}: {
  email: string;
  /** The password now is one an admin gave (the page to choose one's own): worded for that. */
  temporary?: boolean;
  /** After a change, in place of the message here: the page moves on. */
  onChanged?: () => void;
}) {
  const fields = temporary ? TEMPORARY_FIELDS : FIELDS;
  const change = useChangePassword();
  const [draft, setDraft] = useState<PasswordDraft>(EMPTY_PASSWORD_DRAFT);
  const [checked, setChecked] = useState<unknown>(null);
  const [message, setMessage] = useState<Message | null>(null);
  // One object per failed attempt: the error summary takes focus whenever its problem changes.
  const problem = useMemo(() => checked ?? passwordProblem(change.error), [checked, change.error]);
  const { byField, summary } = useFormProblems(problem, fields);
  const set = (key: keyof PasswordDraft) => (event: { target: { value: string } }) =>
    setDraft((previous) => ({ ...previous, [key]: event.target.value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    setMessage(null);
    const errors = passwordDraftProblems(draft);
    if (errors.length) {
      change.reset();
      setChecked(new ProblemError(400, { errors }));
      return;
    }
    setChecked(null);
    change.mutate(
      { currentPassword: draft.currentPassword, newPassword: draft.newPassword },
      {
        onSuccess: () => {
          setDraft(EMPTY_PASSWORD_DRAFT);
          if (onChanged) {
            onChanged();
            return;
          }
          setMessage({
            tone: 'success',
            title: 'Your password has been changed',
            text: 'You are still signed in here. Any other sessions of yours have been signed out; use the new password next time.',
          });
        },
        onError: () => setDraft((previous) => ({ ...previous, currentPassword: '' })),
      },
    );
  }

  return (
    <section className="card" aria-labelledby="change-password-title">
      <h2 id="change-password-title" className="section-title">
        {temporary ? 'Your new password' : 'Change your password'}
      </h2>
      <MessageRegion message={message} />
      <form className="form" onSubmit={submit} noValidate aria-labelledby="change-password-title">
        <ErrorSummary items={summary} />
        {/* For password managers: whose password this is. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          id={fields.currentPassword.id}
          label={fields.currentPassword.label}
          hint={temporary ? 'The password an admin gave you.' : undefined}
          type="password"
          autoComplete="current-password"
          value={draft.currentPassword}
          error={byField.currentPassword}
          onChange={set('currentPassword')}
        />
        <TextField
          id={FIELDS.newPassword.id}
          label="New password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters, and not a common password. A few unrelated words are easy to remember and hard to guess.`}
          type="password"
          autoComplete="new-password"
          value={draft.newPassword}
          error={byField.newPassword}
          onChange={set('newPassword')}
        />
        <TextField
          id={FIELDS.confirmPassword.id}
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={draft.confirmPassword}
          error={byField.confirmPassword}
          onChange={set('confirmPassword')}
        />
        {!temporary && <p className="muted">Changing your password signs you out everywhere else.</p>}
        <div className="actions">
          <Button type="submit" variant="primary" disabled={change.isPending}>
            {temporary
              ? change.isPending
                ? 'Saving…'
                : 'Save my password'
              : change.isPending
                ? 'Changing…'
                : 'Change password'}
          </Button>
        </div>
      </form>
    </section>
  );
}
