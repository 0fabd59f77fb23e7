import { useEffect, useId, useRef, useState } from 'react';
import { formatRemaining, IDLE_WARNING_MS } from '../lib/idle';
import { Button } from './button';

/**
 * The warning before an inactivity sign-out, on the native <dialog> (focus moves to "Stay signed
 * in", Escape stays too). The time left is shown as it runs down; it is not announced every second.
 */
export function IdleWarning({
  deadline,
  onStay,
  onSignOut,
}: {
  /** When the session ends (ms since the epoch), or null when no warning is due. */
  deadline: number | null;
  onStay: () => void;
  onSignOut: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [now, setNow] = useState(() => Date.now());
  const open = deadline !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const tick = () => setNow(Date.now());
    const timer = window.setInterval(tick, 1000);
    const first = window.setTimeout(tick, 0);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(first);
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        You’ll be signed out soon
      </h2>
      <div id={bodyId} className="dialog__body">
        <p>
          You’ll be signed out in{' '}
          <strong className="nowrap">
            {open ? formatRemaining(Math.min(deadline - now, IDLE_WARNING_MS)) : ''}
          </strong>{' '}
          because Beacon has not been used for a while. This keeps people’s records safe on a screen left
          unattended.
        </p>
        <p>A case note you are writing is kept in this tab until you sign in again.</p>
      </div>
      <div className="actions">
        <Button variant="primary" onClick={onStay}>
          Stay signed in
        </Button>
        <Button onClick={onSignOut}>Sign out now</Button>
      </div>
    </dialog>
  );
}
