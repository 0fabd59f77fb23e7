import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import type { SummaryItem } from '../lib/problems';
import { Button } from './button';
import { ErrorSummary } from './error-summary';

/**
 * A modal form on the native <dialog> (focus trapped, Escape closes, focus returns to the opener).
 * Enter in a field submits, as in any form; problems show in an error summary at its top. While
 * a change is refused because someone else changed the record first, the conflict notice stands at
 * the top with its own two buttons (apply again, discard) in place of the dialog's.
 */
export function FormDialog({
  open,
  title,
  children,
  submitLabel,
  cancelLabel = 'Cancel',
  busyLabel = 'Please wait…',
  tone = 'primary',
  busy = false,
  problems = [],
  wide = false,
  conflict,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  submitLabel: string;
  /** The button that closes the dialog without doing anything: "Cancel" unless that would confuse. */
  cancelLabel?: string;
  busyLabel?: string;
  tone?: 'primary' | 'danger';
  busy?: boolean;
  problems?: SummaryItem[];
  wide?: boolean;
  /** A ConflictNotice, while there is a conflict. */
  conflict?: ReactNode;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) onSubmit();
  }

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {open && (
        <form className="form" onSubmit={submit} noValidate>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {conflict}
          <ErrorSummary items={problems} />
          {children}
          {!conflict && (
            <div className="actions">
              <Button type="submit" variant={tone} disabled={busy}>
                {busy ? busyLabel : submitLabel}
              </Button>
              <Button onClick={onCancel} disabled={busy}>
                {cancelLabel}
              </Button>
            </div>
          )}
        </form>
      )}
    </dialog>
  );
}
