import { isProblem } from '@beacon/api-client';
import type { Role } from '@beacon/domain';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ConflictNotice } from '../../../components/conflict-notice';
import { ErrorSummary } from '../../../components/error-summary';
import { CheckboxGroup, TextField } from '../../../components/fields';
import { isStaleVersion, useFormProblems } from '../../../lib/problems';
import { useConflict } from '../../../lib/use-conflict';
import type { User } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';
import { USER_CONFLICT } from '../utils/conflict';
import { ROLE_OPTIONS } from './new-user-form';

const FIELDS = {
  displayName: { id: 'edit-user-name', label: 'Display name' },
  roles: { id: 'edit-user-roles-ADVOCATE', label: 'Roles' },
};

/** What the admin changed; a field left alone follows the account as loaded. */
interface Edits {
  displayName?: string;
  roles?: Role[];
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => [...a].sort().join() === [...b].sort().join();

/**
 * Display name and roles, sent with the version the account was loaded at. A field the admin has
 * not touched shows the account as it is now; one they changed keeps their answer. If someone else
 * changed the account first (409), the account reloads and the conflict notice says what changed,
 * the admin's answers kept to apply again or discard.
 */
export function EditUserForm({
  user,
  onSaved,
  onRefused,
}: {
  user: User;
  onSaved: () => void;
  /** A refusal about the whole account (422 rule, say), shown by the page. */
  onRefused: (error: unknown) => void;
}) {
  const update = useUpdateUser(user.id);
  const [edits, setEdits] = useState<Edits>({});
  const displayName = edits.displayName ?? user.displayName;
  const roles = edits.roles ?? user.roles;
  const { conflict, sending } = useConflict(user, update.error, update.isPending);
  // Field errors stay beside the form; refusals of the whole change are the page's to show.
  const fieldError = isProblem(update.error, 400) ? update.error : null;
  const { byField, summary } = useFormProblems(fieldError, FIELDS);
  const unchanged = displayName.trim() === user.displayName && sameRoles(roles, user.roles);

  function send() {
    if (update.isPending) return;
    sending(user);
    update.mutate(
      { displayName, roles, version: user.version },
      {
        onSuccess: () => {
          setEdits({});
          onSaved();
        },
        onError: (error) => {
          if (!isProblem(error, 400) && !isStaleVersion(error)) onRefused(error);
        },
      },
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send();
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="edit-user-title">
      <h2 id="edit-user-title" className="section-title">
        Name and roles
      </h2>
      {conflict && (
        <ConflictNotice
          spec={USER_CONFLICT}
          conflict={conflict}
          blocked={() => (unchanged ? 'Your change is already in place: nothing to save.' : null)}
          busy={update.isPending}
          onApply={send}
          onDiscard={() => {
            setEdits({});
            update.reset();
          }}
        />
      )}
      <ErrorSummary items={summary} />
      <TextField
        id={FIELDS.displayName.id}
        label="Display name"
        autoComplete="off"
        value={displayName}
        error={byField.displayName}
        onChange={(event) => setEdits((previous) => ({ ...previous, displayName: event.target.value }))}
      />
      <CheckboxGroup
        id="edit-user-roles"
        legend="Roles"
        options={ROLE_OPTIONS}
        value={roles}
        error={byField.roles}
        onChange={(next) => setEdits((previous) => ({ ...previous, roles: next }))}
      />
      {!conflict && (
        <div className="actions">
          <Button type="submit" variant="primary" disabled={update.isPending || unchanged}>
            {update.isPending ? 'Saving…' : 'Save changes'}
          </Button>
        </div>
      )}
    </form>
  );
}
