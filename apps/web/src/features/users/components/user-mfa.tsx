import { can, mfaRequired, type Role } from '@beacon/domain';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import type { User } from '../api/get-users';
import { useResetUserMfa } from '../api/reset-user-mfa';

/** Whether an account has two-step verification on, and (admins) resetting it when a phone is lost. */
export function UserMfa({
  user,
  me,
  onDone,
  onRefused,
}: {
  user: User;
  me: { id: string; roles: readonly Role[] };
  onDone: (message: string) => void;
  onRefused: (error: unknown) => void;
}) {
  const reset = useResetUserMfa(user.id);
  const [confirming, setConfirming] = useState(false);
  const needsIt = mfaRequired(user.roles);
  const self = user.id === me.id;

  return (
    <section className="card" aria-labelledby="user-mfa-title">
      <h2 id="user-mfa-title" className="section-title">
        Two-step verification
      </h2>
      <p>
        <span className={user.mfaEnabled ? 'badge badge--ok' : 'badge badge--muted'}>
          {user.mfaEnabled ? 'On' : 'Off'}
        </span>{' '}
        {user.mfaEnabled
          ? 'They sign in with a code from an authenticator app as well as their password.'
          : needsIt
            ? 'Their role needs it: they are asked to set it up.'
            : 'They sign in with their password only.'}
      </p>
      {user.mfaEnabled && can(me.roles, 'users.mfaReset') && (
        <>
          <p className="muted">
            If they have lost their phone and their recovery codes, reset it so they can set it up again.
          </p>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Reset two-step verification
          </Button>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Reset two-step verification for ${user.displayName}?`}
        confirmLabel="Reset two-step verification"
        tone="danger"
        busy={reset.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          reset.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              onDone(
                `Two-step verification for ${user.displayName} has been reset, and all their sessions have ended.`,
              );
            },
            onError: (error) => {
              setConfirming(false);
              onRefused(error);
            },
          })
        }
      >
        <p>
          Their authenticator app and recovery codes stop working, and they are signed out at once on every
          device.
        </p>
        <p>
          {needsIt
            ? 'At their next sign-in they must set up two-step verification again before they can do anything else.'
            : 'They can sign in with their password only, and set it up again from their account page.'}
        </p>
        {self && <p>This is your own account: you will be signed out too.</p>}
      </ConfirmDialog>
    </section>
  );
}
