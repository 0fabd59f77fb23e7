import type { Schemas } from '@beacon/api-client';
import { formatDay, formatTime } from '../lib/format';
import { summariseUserAgent } from '../lib/user-agent';
import { Button } from './button';
import { TableWrap } from './table-wrap';

export type SignedInSession = Schemas['SessionDto'];

/** "25 Nov 2026, 12:11": to the minute is enough to recognise a sign-in. */
function formatWhen(iso: string): string {
  return `${formatDay(iso)}, ${formatTime(iso)}`;
}

/** "Chrome on Linux, signed in 3 May 2026, 09:12": enough to tell sessions apart in a sentence. */
export function describeSession(session: SignedInSession): string {
  return `${summariseUserAgent(session.userAgent)}, signed in ${formatWhen(session.startedAt)}`;
}

/**
 * Where an account is signed in, newest first: the browser, when it signed in and was last
 * active (its last token refresh), and from which address. Each row but the current one can be
 * ended with `endLabel`.
 */
export function SessionsTable({
  sessions,
  caption,
  endLabel,
  busyId,
  onEnd,
}: {
  sessions: SignedInSession[];
  caption: string;
  endLabel: string;
  busyId?: string | null;
  onEnd: (session: SignedInSession) => void;
}) {
  return (
    <TableWrap>
      <table className="table table--sessions">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Browser</th>
            <th scope="col">Signed in (UK)</th>
            <th scope="col">Last active (UK)</th>
            <th scope="col">IP address</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <th scope="row">
                {summariseUserAgent(session.userAgent)}
                {session.current && (
                  <>
                    {' '}
                    <span className="tag tag--ok">This device</span>
                  </>
                )}
              </th>
              <td className="nowrap">
                <time dateTime={session.startedAt}>{formatWhen(session.startedAt)}</time>
              </td>
              <td className="nowrap">
                <time dateTime={session.lastActiveAt}>{formatWhen(session.lastActiveAt)}</time>
              </td>
              <td className="break">{session.ip ?? <span className="muted">–</span>}</td>
              <td>
                {session.current ? (
                  <span className="muted">In use here</span>
                ) : (
                  <Button
                    onClick={() => onEnd(session)}
                    disabled={busyId === session.id}
                    aria-label={`${endLabel}: ${describeSession(session)}`}
                  >
                    {endLabel}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
