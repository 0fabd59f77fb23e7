import { useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { MessageRegion, type Message } from '../../../components/notice';
import { Loading } from '../../../components/status';
import { formatDateTime } from '../../../lib/format';
import { errorText } from '../../../lib/problems';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from '../api/calendar-feed';
import { QueryError } from '../../../components/query-error';

/**
 * A private address for a phone or Outlook calendar to subscribe to. It is shown once, when made;
 * replacing it stops the old one at once, and revoking stops it altogether.
 */
export function FeedPanel() {
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'replace' | 'revoke' | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const active = feed.data?.active ?? false;

  function make() {
    setMessage(null);
    setCopied(false);
    create.mutate(undefined, {
      onSuccess: (answer) => {
        setConfirm(null);
        setUrl(answer.url);
      },
      onError: (error) => {
        setConfirm(null);
        setMessage({ tone: 'error', text: errorText(error) });
      },
    });
  }

  function stop() {
    setMessage(null);
    revoke.mutate(undefined, {
      onSuccess: () => {
        setConfirm(null);
        setUrl(null);
        setMessage({
          tone: 'success',
          text: 'Calendar feed revoked. Calendars subscribed to it stop updating.',
        });
      },
      onError: (error) => {
        setConfirm(null);
        setMessage({ tone: 'error', text: errorText(error) });
      },
    });
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission: select the address so it can be copied by hand.
      input.current?.select();
    }
  }

  return (
    <section className="card card--tight feed-panel" aria-labelledby="feed-title">
      <h2 id="feed-title" className="section-title">
        Calendar feed
      </h2>
      <p>
        See your ward visits and meetings in your phone or Outlook calendar. The feed carries ward visits
        (ward, hospital and time) and meetings (their kind and time) only: no names, references or case
        details.
      </p>
      <MessageRegion message={message} />
      {url && (
        <div className="feed-panel__url notice notice--success">
          <p className="notice__title">Your new feed address</p>
          <p>Copy it now and add it to your calendar app as a subscription. It is shown only this once.</p>
          <div className="copy-field">
            <label htmlFor="feed-url" className="visually-hidden">
              Feed address
            </label>
            <input
              ref={input}
              id="feed-url"
              className="input copy-field__input"
              readOnly
              value={url}
              onFocus={(event) => event.target.select()}
            />
            <Button variant="primary" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </div>
          <p className="field__hint" aria-live="polite">
            {copied
              ? 'The address is on your clipboard.'
              : 'Anyone with this address can see your visit times: keep it to yourself.'}
          </p>
        </div>
      )}
      {feed.isPending ? (
        <Loading label="Checking your feed…" />
      ) : feed.isError ? (
        <QueryError title="Your calendar feed could not be checked" query={feed} />
      ) : active ? (
        <>
          <p className="muted">
            Feed active{feed.data.createdAt ? ` since ${formatDateTime(feed.data.createdAt)}` : ''}.
          </p>
          <div className="actions actions--tight">
            <Button onClick={() => setConfirm('replace')} disabled={create.isPending}>
              Replace the address
            </Button>
            <Button variant="danger" onClick={() => setConfirm('revoke')} disabled={revoke.isPending}>
              Revoke the feed
            </Button>
          </div>
        </>
      ) : (
        <div className="actions actions--tight">
          <Button variant="primary" onClick={make} disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create a calendar feed'}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirm === 'replace'}
        title="Replace your feed address?"
        confirmLabel="Replace the address"
        busy={create.isPending}
        onConfirm={make}
        onCancel={() => setConfirm(null)}
      >
        <p>The current address stops working at once. Calendars subscribed to it need the new one.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'revoke'}
        title="Revoke your calendar feed?"
        confirmLabel="Revoke the feed"
        tone="danger"
        busy={revoke.isPending}
        onConfirm={stop}
        onCancel={() => setConfirm(null)}
      >
        <p>The address stops working at once, and subscribed calendars stop updating.</p>
      </ConfirmDialog>
    </section>
  );
}
