import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { MessageRegion, type Message } from '../../../components/notice';
import { describeSession, SessionsTable, type SignedInSession } from '../../../components/sessions-table';
import { EmptyState, Loading } from '../../../components/status';
import { errorText } from '../../../lib/problems';
import { useEndUserSession } from '../api/end-user-session';
import { useUserSessions } from '../api/get-user-sessions';
import type { User } from '../api/get-users';
import { QueryError } from '../../../components/query-error';

/** Where an account is signed in, for an admin to end one (a lost tablet, a shared computer). */
export function UserSessions({ user }: { user: User }) {
  const sessions = useUserSessions(user.id);
  const end = useEndUserSession(user.id);
  const [ending, setEnding] = useState<SignedInSession | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const items = sessions.data?.items ?? [];

  function confirm() {
    if (!ending) return;
    const description = describeSession(ending);
    end.mutate(ending.id, {
      onSuccess: () => {
        setEnding(null);
        setMessage({ tone: 'success', text: `Session ended: ${description}.` });
      },
      onError: (error) => {
        setEnding(null);
        setMessage({ tone: 'error', text: errorText(error) });
      },
    });
  }

  return (
    <section className="card" aria-labelledby="user-sessions-title">
      <h2 id="user-sessions-title" className="section-title">
        Sessions
      </h2>
      <p className="muted">Where {user.displayName} is signed in now, newest first.</p>
      <MessageRegion message={message} />
      {sessions.isPending ? (
        <Loading label="Loading sessions…" />
      ) : sessions.isError ? (
        <QueryError title="The sessions could not be loaded" query={sessions} />
      ) : items.length === 0 ? (
        <EmptyState title={`${user.displayName} is not signed in anywhere.`} />
      ) : (
        <SessionsTable
          sessions={items}
          caption={`Where ${user.displayName} is signed in, newest first`}
          endLabel="End session"
          busyId={end.isPending ? ending?.id : null}
          onEnd={(session) => {
            setMessage(null);
            setEnding(session);
          }}
        />
      )}
      <ConfirmDialog
        open={ending !== null}
        title={`End this session of ${user.displayName}?`}
        confirmLabel="End session"
        tone="danger"
        busy={end.isPending}
        onCancel={() => setEnding(null)}
        onConfirm={confirm}
      >
        <p>{ending ? `${describeSession(ending)}${ending.ip ? `, from ${ending.ip}` : ''}.` : ''}</p>
        <p>
          It is signed out at once. {user.displayName} can sign in again with their password; to stop that,
          deactivate the account.
        </p>
      </ConfirmDialog>
    </section>
  );
}
