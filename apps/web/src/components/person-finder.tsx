import { useEffect, useRef, useState } from 'react';
import { isAccessReasonRequired } from '../lib/access-reason';
import { describeClient, useClientSearchWithReason, type ClientRecord } from '../lib/client-search';
import { errorText } from '../lib/problems';
import { personName } from '../lib/referrals';
import type { AccessReason } from '../lib/use-access-reason';
import { useDebounced } from '../lib/use-debounced';
import { AccessReasonDialog } from './access-reason-dialog';
import { Button } from './button';
import { TextField } from './fields';
import { Notice } from './notice';
import { Loading } from './status';
import { QueryError } from './query-error';

/**
 * Finding someone on record by name, reference or NHS number. For an admin this is opening case
 * content, so the first search of the session asks why (the page keeps the answer in memory).
 */
export function PersonFinder({
  id,
  reason,
  label = 'Find the person',
  onChoose,
}: {
  id: string;
  reason: AccessReason;
  label?: string;
  onChoose: (client: ClientRecord) => void;
}) {
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim());
  const search = useClientSearchWithReason(query, reason.reason, reason.ready);
  const results = query.length >= 2 ? (search.data?.items ?? []) : [];
  const refused = isAccessReasonRequired(search.error);
  // Once a reason is given, the search takes focus. Not autoFocus: the field appears while the
  // modal dialog is still open (the page behind it inert), so it waits until the dialog has closed.
  const focusSearch = useRef(false);
  useEffect(() => {
    if (focusSearch.current && !reason.asking) {
      focusSearch.current = false;
      document.getElementById(`${id}-search`)?.focus();
    }
  });

  return (
    <div className="finder">
      {reason.ready ? (
        <>
          <TextField
            id={`${id}-search`}
            label={label}
            hint="Name, NHS number or a referral reference (at least 2 characters)"
            type="search"
            autoComplete="off"
            autoFocus={reason.needed}
            value={q}
            onChange={(event) => setQ(event.target.value)}
            onKeyDown={(event) => {
              // Searching is as you type; Enter must not submit a form around the finder.
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
          {reason.needed && reason.reason && (
            <p className="muted finder__reason">
              Your reason, kept with each search: “{reason.reason}”.{' '}
              <Button variant="link" onClick={reason.ask}>
                Change reason
              </Button>
            </p>
          )}
        </>
      ) : (
        <div className="finder__start">
          <p className="muted">
            Looking someone up opens their record, so Beacon asks why first. Your reason is kept in the audit
            trail with each search.
          </p>
          <Button variant="primary" onClick={reason.ask}>
            Find a person
          </Button>
        </div>
      )}
      <div aria-live="polite" className="finder__results">
        {!reason.ready || query.length < 2 ? null : search.isPending ? (
          <Loading label="Searching…" />
        ) : refused ? (
          <Notice tone="error" title="Beacon needs a reason for this search">
            <p>{errorText(search.error)}</p>
            <Button onClick={reason.refused}>Give a reason</Button>
          </Notice>
        ) : search.isError ? (
          <QueryError title="The search did not work" query={search} />
        ) : results.length === 0 ? (
          <p className="muted">Nobody on record matches “{query}”.</p>
        ) : (
          <>
            <p className="visually-hidden">
              {results.length === 1 ? '1 person found' : `${results.length} people found`}
            </p>
            <ul className="choice-list">
              {results.map((client) => (
                <li key={client.id} className="choice-list__item">
                  <span>
                    <strong>{personName(client)}</strong>
                    <span className="muted choice-list__meta">{describeClient(client)}</span>
                  </span>
                  <Button
                    onClick={() => onChoose(client)}
                    aria-label={`Choose ${personName(client)}, ${describeClient(client)}`}
                  >
                    Choose
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <AccessReasonDialog
        id={`${id}-why`}
        open={reason.asking}
        initial={reason.reason ?? ''}
        onGive={(given) => {
          focusSearch.current = true;
          reason.give(given);
        }}
        onCancel={reason.cancel}
      />
    </div>
  );
}
