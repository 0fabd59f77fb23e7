import { Link, useNavigate } from 'react-router';
import { PageHeading } from '../../../components/page-heading';
import { paths } from '../../../config/paths';
import { NewUserForm } from '../components/new-user-form';
import { createdNotice } from '../utils/temporary-password';

export function NewUserRoute() {
  const navigate = useNavigate();
  return (
    <section className="page page--narrow">
      <p className="breadcrumb">
        <Link to={paths.admin.users.getHref()}>Users</Link>
      </p>
      <PageHeading>New user</PageHeading>
      <NewUserForm
        onCreated={(user) =>
          navigate(paths.admin.user.getHref(user.id), {
            state: {
              notice: createdNotice(user),
            },
          })
        }
      />
    </section>
  );
}
