import { formatDateTime } from '../../../lib/format';
import { useActor } from '../api/get-actor';
import type { AuditEvent } from '../api/get-audit-events';
import { TableWrap } from '../../../components/table-wrap';

function Actor({ id }: { id: string | null }) {
  const actor = useActor(id);
  if (!id) return <span className="muted">System</span>;
  return (
    <>
      {actor.data?.displayName ?? <span className="muted">Unknown account</span>}
      <code className="id">{id}</code>
    </>
  );
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <TableWrap>
      <table className="table table--audit">
        <caption className="visually-hidden">Audit events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time (UK)</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Actor</th>
            <th scope="col">IP address</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="nowrap">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </td>
              <td>
                <code className="action">{event.action}</code>
              </td>
              <td>
                {event.entityType}
                {event.entityId && <code className="id">{event.entityId}</code>}
              </td>
              <td>
                <Actor id={event.actorId} />
              </td>
              <td className="nowrap">{event.ip ?? <span className="muted">–</span>}</td>
              <td>
                {Object.keys(event.details).length ? (
                  <details className="details">
                    <summary>Show</summary>
                    <pre>{JSON.stringify(event.details, null, 2)}</pre>
                  </details>
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
