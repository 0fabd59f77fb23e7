import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { roleList } from '../../../lib/roles';
import type { User } from '../api/get-users';

export function StatusBadge({ active }: { active: boolean }) {
  return (
    <span className={active ? 'badge badge--ok' : 'badge badge--muted'}>
      {active ? 'Active' : 'Deactivated'}
    </span>
  );
}

export function UsersTable({ users }: { users: User[] }) {
  return (
    <div className="table-wrap">
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
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
