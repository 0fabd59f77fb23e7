import { ROLES, isRole, type Role } from '@beacon/domain';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { CheckboxGroup, TextField } from '../../../components/fields';
import { RestoredDraftNotice } from '../../../components/restored-draft-notice';
import { useDraft } from '../../../lib/use-draft';
import { ROLE_LABELS } from '../../../lib/roles';
import { useCreateUser } from '../api/create-user';
import type { User } from '../api/get-users';
import { useFormProblems } from '../../../lib/problems';
import { INITIAL_PASSWORD_HINT } from '../utils/temporary-password';

const FIELDS = {
  email: { id: 'new-user-email', label: 'Email' },
  displayName: { id: 'new-user-name', label: 'Display name' },
  password: { id: 'new-user-password', label: 'Initial password' },
  roles: { id: 'new-user-roles-ADVOCATE', label: 'Roles' },
};

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

interface NewUserDraft {
  email: string;
  displayName: string;
  roles: Role[];
}

/**
 * A new account. The email, name and roles are kept as a draft in this tab until it is created (a
 * session that ends part way loses nothing); the initial password never is.
 */
export function NewUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const create = useCreateUser();
  const saved = useDraft<NewUserDraft>('new-user', {
    initial: { email: '', displayName: '', roles: [] },
    restore: (kept) => ({ ...kept, roles: kept.roles.filter(isRole) }),
  });
  const { email, displayName, roles } = saved.values;
  const update = (patch: Partial<NewUserDraft>) => saved.setValues((previous) => ({ ...previous, ...patch }));
  const [password, setPassword] = useState('');
  const { byField, summary } = useFormProblems(create.error, FIELDS);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    create.mutate(
      { email, displayName, password, roles },
      {
        onSuccess: (user) => {
          saved.forget();
          onCreated(user);
        },
      },
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <RestoredDraftNotice
        restored={saved.restored}
        onDiscard={() => {
          saved.discard();
          setPassword('');
          create.reset();
        }}
      />
      <ErrorSummary items={summary} />
      <TextField
        id={FIELDS.email.id}
        label="Email"
        type="email"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        value={email}
        error={byField.email}
        onChange={(event) => update({ email: event.target.value })}
      />
      <TextField
        id={FIELDS.displayName.id}
        label="Display name"
        hint="How colleagues see this person in Beacon, for example Sam Taylor"
        autoComplete="off"
        value={displayName}
        error={byField.displayName}
        onChange={(event) => update({ displayName: event.target.value })}
      />
      <TextField
        id={FIELDS.password.id}
        label="Initial password"
        hint={INITIAL_PASSWORD_HINT}
        type="password"
        autoComplete="new-password"
        value={password}
        error={byField.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <CheckboxGroup
        id="new-user-roles"
        legend="Roles"
        hint="Choose at least one. A person may hold several."
        options={ROLE_OPTIONS}
        value={roles}
        error={byField.roles}
        onChange={(next) => update({ roles: next })}
      />
      <div className="actions">
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create user'}
        </Button>
      </div>
    </form>
  );
}
