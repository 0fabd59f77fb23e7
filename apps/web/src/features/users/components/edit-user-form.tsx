import { isProblem } from '@beacon/api-client';
import type { Role } from '@beacon/domain';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { CheckboxGroup, TextField } from '../../../components/fields';
import type { User } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';
import { useFormProblems } from '../../../lib/problems';
import { ROLE_OPTIONS } from './new-user-form';

const FIELDS = {
  displayName: { id: 'edit-user-name', label: 'Display name' },
  roles: { id: 'edit-user-roles-ADVOCATE', label: 'Roles' },
};

/**
 * Display name and roles, sent with the version they were loaded at. Rendered with a key of that
 * version, so when a newer version arrives (after a 409) the form starts again from it.
 */
export function EditUserForm({
  user,
  onSaved,
  onRefused,
}: {
  user: User;
  onSaved: () => void;
  /** A refusal about the whole account (409 stale, 422 rule), shown by the page. */
  onRefused: (error: unknown) => void;
}) {
  const update = useUpdateUser(user.id);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  // Field errors stay beside the form; refusals of the whole change are the page's to show.
  const fieldError = isProblem(update.error, 400) ? update.error : null;
  const { byField, summary } = useFormProblems(fieldError, FIELDS);
  const unchanged =
    displayName.trim() === user.displayName && [...roles].sort().join() === [...user.roles].sort().join();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    update.mutate(
      { displayName, roles, version: user.version },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (!isProblem(error, 400)) onRefused(error);
        },
      },
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="edit-user-title">
      <h2 id="edit-user-title" className="section-title">
        Name and roles
      </h2>
      <ErrorSummary items={summary} />
      <TextField
        id={FIELDS.displayName.id}
        label="Display name"
        autoComplete="off"
        value={displayName}
        error={byField.displayName}
        onChange={(event) => setDisplayName(event.target.value)}
      />
      <CheckboxGroup
        id="edit-user-roles"
        legend="Roles"
        options={ROLE_OPTIONS}
        value={roles}
        error={byField.roles}
        onChange={setRoles}
      />
      <div className="actions">
        <Button type="submit" variant="primary" disabled={update.isPending || unchanged}>
          {update.isPending ? 'Saving…' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}
