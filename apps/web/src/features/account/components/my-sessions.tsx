import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { MessageRegion, type Message } from '../../../components/notice';
import { describeSession, SessionsTable, type SignedInSession } from '../../../components/sessions-table';
import { Loading } from '../../../components/status';
import { errorText } from '../../../lib/problems';
import { useEndSession } from '../api/end-session';
import { useSessions } from '../api/get-sessions';
import { QueryError } from '../../../components/query-error';

/** "Where you're signed in": this device marked, any other can be signed out from here. */
export function MySessions() {
  const sessions = useSessions();
  const end = useEndSession();
  const [ending, setEnding] = useState<SignedInSession | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const items = sessions.data?.items ?? [];
  const others = items.filter((session) => !session.current).length;

  function confirm() {
    if (!ending) return;
    const description = describeSession(ending);
    end.mutate(ending.id, {
      onSuccess: () => {
        setEnding(null);
        setMessage({ tone: 'success', text: `Signed out: ${description}.` });
      },
      onError: (error) => {
        setEnding(null);
        setMessage({ tone: 'error', text: errorText(error) });
      },
    });
  }

  return (
    <section className="card" aria-labelledby="my-sessions-title">
      <h2 id="my-sessions-title" className="section-title">
        Where you’re signed in
      </h2>
      <p className="muted">
        Each browser you have signed in on. If you do not recognise one, or have left yourself signed in on a
        shared computer or a lost tablet, sign it out, then change your password.
      </p>
      <MessageRegion message={message} />
      {sessions.isPending ? (
        <Loading label="Loading your sessions…" />
      ) : sessions.isError ? (
        <QueryError title="Your sessions could not be loaded" query={sessions} />
      ) : (
        <>
          <p className="result-count muted">
            {others === 0
              ? 'You are signed in on this device only.'
              : `You are signed in on this device and ${others === 1 ? '1 other' : `${others} others`}.`}
          </p>
          <SessionsTable
            sessions={items}
            caption="Where you are signed in, newest first"
            endLabel="Sign out this session"
            busyId={end.isPending ? ending?.id : null}
            onEnd={(session) => {
              setMessage(null);
              setEnding(session);
            }}
          />
        </>
      )}
      <ConfirmDialog
        open={ending !== null}
        title="Sign out this session?"
        confirmLabel="Sign out session"
        busy={end.isPending}
        onCancel={() => setEnding(null)}
        onConfirm={confirm}
      >
        <p>{ending ? `${describeSession(ending)}${ending.ip ? `, from ${ending.ip}` : ''}.` : ''}</p>
        <p>It is signed out at once: whoever uses it next will need your password to sign in again.</p>
      </ConfirmDialog>
    </section>
  );
}
