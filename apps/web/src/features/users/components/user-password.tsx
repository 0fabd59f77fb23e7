import { can, TEMPORARY_PASSWORD_HOURS, type Role } from '@beacon/domain';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Notice } from '../../../components/notice';
import { paths } from '../../../config/paths';
import type { User } from '../api/get-users';
import { useResetUserPassword, type TemporaryPassword } from '../api/reset-user-password';
import {
  formatUntil,
  passwordStanding,
  passwordStandingText,
  passwordStatusLabel,
} from '../utils/temporary-password';

/**
 * An account's password as an admin sees it (their own, or a temporary one and until when), and
 * resetting a forgotten one: the temporary password is shown here this once, to pass on.
 */
export function UserPassword({
  user,
  me,
  onRefused,
}: {
  user: User;
  me: { id: string; roles: readonly Role[] };
  onRefused: (error: unknown) => void;
}) {
  const reset = useResetUserPassword(user.id);
  const [confirming, setConfirming] = useState(false);
  const [given, setGiven] = useState<TemporaryPassword | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const self = user.id === me.id;
  const standing = passwordStanding(user.temporaryPasswordUntil);
  const status = passwordStatusLabel(standing);

  return (
    <section className="card" aria-labelledby="user-password-title">
      <h2 ref={title} id="user-password-title" className="section-title" tabIndex={-1}>
        Password
      </h2>
      {/* Before the password box: closing hands focus back first, then the box's heading takes it. */}
      <ConfirmDialog
        open={confirming}
        title={`Reset ${user.displayName}’s password?`}
        confirmLabel="Reset password"
        tone="danger"
        busy={reset.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          reset.mutate(undefined, {
            onSuccess: (answer) => {
              setConfirming(false);
              setGiven(answer);
              reset.reset();
            },
            onError: (error) => {
              setConfirming(false);
              onRefused(error);
            },
          })
        }
      >
        <p>They will be signed out everywhere and must choose a new password when they sign in.</p>
        <p>
          Beacon will show you a temporary password once, for you to pass on to them. It works for{' '}
          {TEMPORARY_PASSWORD_HOURS} hours.
        </p>
      </ConfirmDialog>
      <p>
        <span className={`badge badge--${status.tone}`}>{status.text}</span> {passwordStandingText(standing)}
      </p>
      {self ? (
        <p className="muted">
          This is your own account: change your password on{' '}
          <Link to={paths.account.getHref()}>your account page</Link>.
        </p>
      ) : given ? (
        <TemporaryPasswordBox
          name={user.displayName}
          given={given}
          onDone={() => {
            // The button is going: the section's heading takes focus, not the top of the page.
            title.current?.focus();
            setGiven(null);
          }}
        />
      ) : (
        can(me.roles, 'users.resetPassword') && (
          <>
            <p className="muted">
              If they have forgotten their password, reset it. Beacon shows you a temporary password to pass
              on to them.
            </p>
            <Button variant="danger" onClick={() => setConfirming(true)}>
              Reset password
            </Button>
          </>
        )
      )}
    </section>
  );
}

/**
 * The temporary password, this once: large, easy to read out and to copy. Its heading takes focus
 * when it appears, as the dialog before it is gone.
 */
function TemporaryPasswordBox({
  name,
  given,
  onDone,
}: {
  name: string;
  given: TemporaryPassword;
  onDone: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const value = useRef<HTMLElement>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(given.temporaryPassword);
      setStatus('The temporary password is on your clipboard.');
    } catch {
      // No clipboard here (permission, an older browser): select it to copy by hand.
      const selection = window.getSelection();
      if (value.current && selection) {
        selection.selectAllChildren(value.current);
        setStatus('The password is selected: copy it with Ctrl+C (⌘C on a Mac).');
      } else {
        setStatus('The password could not be copied. Read it out or write it down instead.');
      }
    }
  }

  return (
    <div className="temporary-password">
      <h3 ref={heading} tabIndex={-1} className="subheading">
        Temporary password for {name}
      </h3>
      <p>{name} has been signed out everywhere. Pass this password on to them.</p>
      <p className="temporary-password__value">
        <span className="visually-hidden">Temporary password: </span>
        <code ref={value} translate="no">
          {given.temporaryPassword}
        </code>
      </p>
      <p>
        It works until <strong>{formatUntil(given.validUntil)}</strong>. When they sign in with it, they must
        choose their own password.
      </p>
      <Notice tone="warning" title="This is the only time it is shown">
        <p>
          Give it to {name} in person or by phone, never by email, text or chat message. If it is lost, reset
          the password again.
        </p>
      </Notice>
      <div className="actions actions--tight">
        <Button onClick={copy}>
          Copy<span className="visually-hidden"> the temporary password</span>
        </Button>
        <Button variant="primary" onClick={onDone}>
          Done<span className="visually-hidden"> with the temporary password</span>
        </Button>
      </div>
      <p className="field__hint temporary-password__status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
