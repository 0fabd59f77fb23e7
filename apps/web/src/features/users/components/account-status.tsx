import { can, type Role } from '@beacon/domain';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ConflictNotice } from '../../../components/conflict-notice';
import { conflictOf } from '../../../lib/conflicts';
import { isStaleVersion } from '../../../lib/problems';
import { useDeactivateUser } from '../api/deactivate-user';
import type { User } from '../api/get-users';
import { useReactivateUser } from '../api/reactivate-user';
import { USER_CONFLICT, statusChangeBlocked } from '../utils/conflict';
import { StatusBadge } from './users-table';

type Change = 'deactivate' | 'reactivate';

/**
 * Whether the account signs in, and deactivating or reactivating it (with the version loaded). If
 * someone else changed the account first, the conflict notice here says what changed, to apply the
 * change again or discard it.
 */
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
  const [refusal, setRefusal] = useState<{ change: Change; before: User; error: unknown } | null>(null);
  const conflict = refusal ? conflictOf(refusal.error, refusal.before, user) : null;
  const busy = deactivate.isPending || reactivate.isPending;

  function run(change: Change, on: User) {
    const mutation = change === 'deactivate' ? deactivate : reactivate;
    mutation.mutate(on.version, {
      onSuccess: (after) => {
        setConfirming(false);
        setRefusal(null);
        onDone(
          change === 'deactivate'
            ? `${after.displayName}’s account is deactivated and all their sessions have ended.`
            : `${after.displayName}’s account is active again. They can sign in.`,
        );
      },
      onError: (error) => {
        setConfirming(false);
        if (isStaleVersion(error)) setRefusal({ change, before: on, error });
        else {
          setRefusal(null);
          onRefused(error);
        }
      },
    });
  }

  return (
    <section className="card" aria-labelledby="account-status-title">
      <h2 id="account-status-title" className="section-title">
        Account status
      </h2>
      {refusal && conflict && (
        <ConflictNotice
          spec={USER_CONFLICT}
          conflict={conflict}
          blocked={(latest) => statusChangeBlocked(latest, refusal.change)}
          busy={busy}
          onApply={() => run(refusal.change, user)}
          onDiscard={() => setRefusal(null)}
        />
      )}
      <p>
        <StatusBadge active={user.active} />{' '}
        {user.active ? 'This person can sign in.' : 'This person cannot sign in.'}
      </p>
      {!conflict && user.active && can(myRoles, 'users.deactivate') && (
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Deactivate
        </Button>
      )}
      {!conflict && !user.active && can(myRoles, 'users.reactivate') && (
        <Button onClick={() => run('reactivate', user)} disabled={reactivate.isPending}>
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
        onConfirm={() => run('deactivate', user)}
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
