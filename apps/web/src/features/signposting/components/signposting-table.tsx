import { Button } from '../../../components/button';
import type { SignpostingService } from '../../../lib/signposting';
import { TableWrap } from '../../../components/table-wrap';

export function SignpostingTable({
  entries,
  busyId,
  onEdit,
  onRetire,
  onRestore,
}: {
  entries: SignpostingService[];
  busyId: string | null;
  onEdit: (entry: SignpostingService) => void;
  onRetire: (entry: SignpostingService) => void;
  onRestore: (entry: SignpostingService) => void;
}) {
  return (
    <TableWrap>
      <table className="table">
        <caption className="visually-hidden">Signposting directory</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">How to reach it</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className={entry.active ? undefined : 'row--muted'}>
              <th scope="row">
                {entry.name}
                {entry.description && <span className="cell-note">{entry.description}</span>}
                <span className="id">{entry.key}</span>
              </th>
              <td className="break">{entry.contact || <span className="muted">Not recorded</span>}</td>
              <td>
                <span className={entry.active ? 'tag tag--ok' : 'tag tag--muted'}>
                  {entry.active ? 'Offered' : 'Retired'}
                </span>
              </td>
              <td>
                <div className="row-actions">
                  <Button variant="link" onClick={() => onEdit(entry)} aria-label={`Change ${entry.name}`}>
                    Change
                  </Button>
                  {entry.active ? (
                    <Button
                      variant="link"
                      onClick={() => onRetire(entry)}
                      disabled={busyId === entry.id}
                      aria-label={`Retire ${entry.name}`}
                    >
                      Retire
                    </Button>
                  ) : (
                    <Button
                      variant="link"
                      onClick={() => onRestore(entry)}
                      disabled={busyId === entry.id}
                      aria-label={`Restore ${entry.name}`}
                    >
                      {busyId === entry.id ? 'Restoring…' : 'Restore'}
                    </Button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
