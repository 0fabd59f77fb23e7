import { isProblem } from '@beacon/api-client';
import { can } from '@beacon/domain';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Button } from '../../../components/button';
import { errorText } from '../../../lib/problems';
import { LiveRegion, Notice } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { EmptyState, Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { roleList } from '../../../lib/roles';
import { useUser } from '../../../lib/use-session';
import { useUserAccount } from '../api/get-user';
import { AccountStatus } from '../components/account-status';
import { EditUserForm } from '../components/edit-user-form';
import { UserMfa } from '../components/user-mfa';
import { UserPassword } from '../components/user-password';
import { UserSessions } from '../components/user-sessions';
import { problemText } from '../components/problem-text';

type Message = { tone: 'success' | 'error' | 'info'; text: string };

export function UserRoute() {
  const { userId = '' } = useParams();
  // A fresh page (and fresh messages) for each account.
  return <UserPage key={userId} userId={userId} />;
}

function UserPage({ userId }: { userId: string }) {
  const me = useUser();
  const location = useLocation();
  const account = useUserAccount(userId);
  const created = (location.state as { notice?: string } | null)?.notice;
  const [message, setMessage] = useState<Message | null>(created ? { tone: 'success', text: created } : null);

  const refused = (error: unknown) => setMessage({ tone: 'error', text: problemText(error) });

  const back = (
    <p className="breadcrumb">
      <Link to={paths.admin.users.getHref()}>Users</Link>
    </p>
  );

  if (account.isPending) return <Loading label="Loading the account…" />;
  if (account.isError) {
    return (
      <section className="page page--narrow">
        {back}
        <PageHeading>
          {isProblem(account.error, 404) ? 'Account not found' : 'Account could not be loaded'}
        </PageHeading>
        <EmptyState
          title={
            isProblem(account.error, 404) ? 'There is no account at this address.' : errorText(account.error)
          }
        >
          {isProblem(account.error, 404) ? (
            <p>
              Check the link, or find the account in the{' '}
              <Link to={paths.admin.users.getHref()}>list of users</Link>.
            </p>
          ) : (
            <Button onClick={() => account.refetch()} disabled={account.isFetching}>
              {account.isFetching ? 'Trying again…' : 'Try again'}
            </Button>
          )}
        </EmptyState>
      </section>
    );
  }

  const user = account.data;
  return (
    <section className="page page--narrow">
      {back}
      <PageHeading title={user.displayName}>{user.displayName}</PageHeading>
      <dl className="summary-list">
        <div>
          <dt>Email</dt>
          <dd className="break">{user.email}</dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{roleList(user.roles)}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(user.createdAt)}</dd>
        </div>
        <div>
          <dt>Last changed</dt>
          <dd>{formatDateTime(user.updatedAt)}</dd>
        </div>
      </dl>
      <LiveRegion politeness={message?.tone === 'error' ? 'assertive' : 'polite'}>
        {message && (
          <Notice tone={message.tone}>
            <p>{message.text}</p>
          </Notice>
        )}
      </LiveRegion>
      {can(me.roles, 'users.update') && (
        <div className="card">
          <EditUserForm
            key={user.id}
            user={user}
            onSaved={() => setMessage({ tone: 'success', text: 'Changes saved.' })}
            onRefused={refused}
          />
        </div>
      )}
      <AccountStatus
        user={user}
        myRoles={me.roles}
        onDone={(text) => setMessage({ tone: 'success', text })}
        onRefused={refused}
      />
      <UserPassword user={user} me={me} onRefused={refused} />
      <UserMfa
        user={user}
        me={me}
        onDone={(text) => setMessage({ tone: 'success', text })}
        onRefused={refused}
      />
      {can(me.roles, 'users.sessions') && <UserSessions user={user} />}
    </section>
  );
}
