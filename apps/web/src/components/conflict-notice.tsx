import { useEffect, useId, useRef } from 'react';
import { summariseConflict, type Conflict, type ConflictSpec } from '../lib/conflicts';
import { formatDateTime } from '../lib/format';
import { Button } from './button';
import { Loading } from './status';
import { TableWrap } from './table-wrap';

/**
 * Shown where a change was refused because someone else changed the record first (409 stale
 * version), in place of the form's own buttons: the record is reloaded, and this says plainly what
 * changed in the newer version and who changed it when, while the person's own answers stay as
 * they were. "Apply my change again" sends the same answers on the newer version; "Discard my
 * change" lets them go. It takes focus when it appears, as the form's error summary would.
 */
export function ConflictNotice<T>({
  spec,
  conflict,
  blocked,
  busy = false,
  onApply,
  onDiscard,
}: {
  spec: ConflictSpec<T>;
  conflict: Conflict<T>;
  /** Why the change can no longer be applied to the newer version (null: it can). */
  blocked?: (latest: T) => string | null;
  busy?: boolean;
  onApply: () => void;
  onDiscard: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const { before, latest } = conflict;
  const summary = latest ? summariseConflict(spec, before, latest, blocked) : null;

  useEffect(() => {
    ref.current?.focus();
  }, [before]);

  return (
    <div
      ref={ref}
      className="notice notice--warning conflict"
      role="group"
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <p id={titleId} className="notice__title">
        Someone else changed this {spec.noun} after you opened it
      </p>
      <div className="notice__body">
        {!summary ? (
          <Loading label={`Loading the latest version of the ${spec.noun}…`} />
        ) : (
          <>
            <p>
              Your change was not saved, and nothing you chose or typed is lost. Here is the newer version.
            </p>
            {summary.events.length > 0 && (
              <ul className="conflict__events">
                {summary.events.map((event, index) => (
                  <li key={`${event.what}-${event.at ?? index}`}>
                    <strong>{event.what}</strong>
                    {event.by ? ` by ${event.by}` : ''}
                    {event.at ? `, ${formatDateTime(event.at)}` : ''}
                  </li>
                ))}
              </ul>
            )}
            {summary.changes.length > 0 ? (
              <TableWrap>
                <table className="table conflict__changes">
                  <caption className="conflict__caption">What changed</caption>
                  <thead>
                    <tr>
                      <th scope="col">Detail</th>
                      <th scope="col">When you opened it</th>
                      <th scope="col">Now</th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.changes.map((change) => (
                      <tr key={change.label}>
                        <th scope="row">{change.label}</th>
                        <td className="pre-line">{change.before}</td>
                        <td className="pre-line">
                          <strong>{change.after}</strong>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            ) : (
              <p>None of the details that matter to your change are different.</p>
            )}
            {summary.blocked ? (
              <p>
                <strong>{summary.blocked}</strong>
              </p>
            ) : (
              <p>Apply your change again to save it on the newer version, or discard it.</p>
            )}
            <div className="actions actions--tight">
              {!summary.blocked && (
                <Button variant="primary" onClick={onApply} disabled={busy}>
                  {busy ? 'Applying your change…' : 'Apply my change again'}
                </Button>
              )}
              <Button onClick={onDiscard} disabled={busy}>
                Discard my change
              </Button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
