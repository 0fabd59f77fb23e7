import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { roleList } from '../../../lib/roles';
import type { User } from '../api/get-users';
import { passwordBadge, passwordStanding } from '../utils/temporary-password';
import { TableWrap } from '../../../components/table-wrap';

export function StatusBadge({ active }: { active: boolean }) {
  return (
    <span className={active ? 'badge badge--ok' : 'badge badge--muted'}>
      {active ? 'Active' : 'Deactivated'}
    </span>
  );
}

/** Beside the status, while the account still has a password an admin gave. */
function TemporaryPasswordBadge({ until }: { until: string | null }) {
  const badge = passwordBadge(passwordStanding(until));
  return badge ? (
    <>
      {' '}
      <span className="badge badge--warning">{badge}</span>
    </>
  ) : null;
}

export function UsersTable({ users }: { users: User[] }) {
  return (
    <TableWrap>
      <table className="table">
        <caption className="visually-hidden">User accounts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                <Link to={paths.admin.user.getHref(user.id)}>{user.displayName}</Link>
              </th>
              <td className="break">{user.email}</td>
              <td>{roleList(user.roles)}</td>
              <td>
                <StatusBadge active={user.active} />
                <TemporaryPasswordBadge until={user.temporaryPasswordUntil} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
