import { useState } from 'react';
import { Button } from '../../../components/button';
import { PersonFinder } from '../../../components/person-finder';
import { describeClient, type ClientRecord } from '../../../lib/client-search';
import { personName } from '../../../lib/referrals';
import { useAccessReason } from '../../../lib/use-access-reason';

/**
 * The "Person" filter: everything in the audit trail about one person. Finding them is a search
 * of case content, so an admin gives a reason first (asked once while on this page). Choosing or
 * removing the person applies at once; the address keeps only their record's id.
 */
export function PersonFilter({
  clientId,
  onChange,
}: {
  clientId: string;
  onChange: (clientId: string) => void;
}) {
  const reason = useAccessReason('clients.list');
  const [chosen, setChosen] = useState<ClientRecord | null>(null);
  const [finding, setFinding] = useState(false);
  const known = chosen && chosen.id === clientId ? chosen : null;

  return (
    <section className="filters filters--person" aria-labelledby="audit-person-title">
      <h2 id="audit-person-title" className="field__label person-filter__title">
        Person
      </h2>
      {clientId && !finding ? (
        <div className="chosen" aria-live="polite">
          <p className="chosen__name">
            {known ? (
              <>
                <strong>{personName(known)}</strong>
                <span className="muted choice-list__meta">{describeClient(known)}</span>
              </>
            ) : (
              <>
                <strong>One person’s record</strong>
                <code className="id">{clientId}</code>
              </>
            )}
          </p>
          <span className="row-actions">
            <Button variant="link" onClick={() => setFinding(true)}>
              Change person
            </Button>
            <Button variant="link" onClick={() => onChange('')}>
              Remove
            </Button>
          </span>
        </div>
      ) : (
        <>
          <p className="muted person-filter__hint">
            Everything about one person: their record, referrals, notes, meetings, records access and
            authorisations, and the lists that showed them.
          </p>
          <PersonFinder
            id="audit-person"
            reason={reason}
            onChoose={(client) => {
              setChosen(client);
              setFinding(false);
              onChange(client.id);
            }}
          />
          {finding && (
            <div className="actions">
              <Button onClick={() => setFinding(false)}>Keep the current person</Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
