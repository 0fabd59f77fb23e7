import { can, type Role } from '@beacon/domain';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useDeactivateUser } from '../api/deactivate-user';
import type { User } from '../api/get-users';
import { useReactivateUser } from '../api/reactivate-user';
import { StatusBadge } from './users-table';

export function AccountStatus({
  user,
  myRoles,
  onDone,
  onRefused,
}: {
  user: User;
  myRoles: readonly Role[];
  onDone: (message: string) => void;
  onRefused: (error: unknown) => void;
}) {
  const deactivate = useDeactivateUser(user.id);
  const reactivate = useReactivateUser(user.id);
  const [confirming, setConfirming] = useState(false);

  return (
    <section className="card" aria-labelledby="account-status-title">
      <h2 id="account-status-title" className="section-title">
        Account status
      </h2>
      <p>
        <StatusBadge active={user.active} />{' '}
        {user.active ? 'This person can sign in.' : 'This person cannot sign in.'}
      </p>
      {user.active && can(myRoles, 'users.deactivate') && (
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Deactivate
        </Button>
      )}
      {!user.active && can(myRoles, 'users.reactivate') && (
        <Button
          onClick={() =>
            reactivate.mutate(user.version, {
              onSuccess: (after) =>
                onDone(`${after.displayName}’s account is active again. They can sign in.`),
              onError: onRefused,
            })
          }
          disabled={reactivate.isPending}
        >
          {reactivate.isPending ? 'Reactivating…' : 'Reactivate'}
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Deactivate ${user.displayName}’s account?`}
        confirmLabel="Deactivate account"
        tone="danger"
        busy={deactivate.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          deactivate.mutate(user.version, {
            onSuccess: (after) => {
              setConfirming(false);
              onDone(`${after.displayName}’s account is deactivated and all their sessions have ended.`);
            },
            onError: (error) => {
              setConfirming(false);
              onRefused(error);
            },
          })
        }
      >
        <p>
          They will be signed out at once on every device, and will not be able to sign in until an admin
          reactivates the account.
        </p>
        <p>Their records and the audit history stay as they are.</p>
      </ConfirmDialog>
    </section>
  );
}
