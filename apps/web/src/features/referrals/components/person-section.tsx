import { LOCAL_AUTHORITY_LABELS } from '@beacon/domain';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { RadioGroup, TextField } from '../../../components/fields';
import { Notice } from '../../../components/notice';
import { Loading } from '../../../components/status';
import { formatDate } from '../../../lib/format';
import { personName } from '../../../lib/referrals';
import { useDebounced } from '../../../lib/use-debounced';
import type { CreatedClient } from '../api/create-client';
import { useClientSearch } from '../api/search-clients';
import { INTAKE_IDS, type ClientRef, type IntakeDraft } from '../utils/intake';
import { QueryError } from '../../../components/query-error';
import { DemographicFields } from './demographic-fields';

type ErrorFor = (...fields: string[]) => string | undefined;

function describe(client: ClientRef & { nhsNumber?: string | null }) {
  return [
    client.dateOfBirth ? `born ${formatDate(client.dateOfBirth)}` : 'date of birth not recorded',
    LOCAL_AUTHORITY_LABELS[client.localAuthority],
    client.nhsNumber ? `NHS ${client.nhsNumber}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Who the referral is for: someone already on record (searched for), or a new person. */
export function PersonSection({
  draft,
  onPerson,
  onChoose,
  errorFor,
  created,
}: {
  draft: IntakeDraft;
  onPerson: (patch: Partial<IntakeDraft['person']> & { personMode?: IntakeDraft['personMode'] }) => void;
  onChoose: (client: ClientRef | null) => void;
  errorFor: ErrorFor;
  /** A record created on this page (for a carer's authorisation), with the possible duplicates the API named. */
  created: CreatedClient | null;
}) {
  const { person } = draft;
  // After choosing or changing the person, focus goes to what replaced the control just used.
  const [moved, setMoved] = useState(false);
  const choose = (client: ClientRef | null) => {
    setMoved(true);
    onChoose(client);
  };
  const set = (key: keyof IntakeDraft['person']) => (event: { target: { value: string } }) =>
    onPerson({ [key]: event.target.value });

  return (
    <section className="form-section" aria-labelledby="intake-person-title">
      <h2 id="intake-person-title" className="section-title">
        The person
      </h2>
      <RadioGroup
        id="intake-person-mode"
        legend="Is the person already on record?"
        inline
        options={[
          { value: 'existing', label: 'Yes, find them' },
          { value: 'new', label: 'No, a new person' },
        ]}
        value={draft.personMode}
        onChange={(personMode) => onPerson({ personMode })}
      />
      {draft.personMode === 'existing' ? (
        draft.client ? (
          <ChosenClient
            client={draft.client}
            created={created}
            focus={moved}
            onChange={() => choose(null)}
            onUse={choose}
          />
        ) : (
          <ClientFinder focus={moved} onChoose={choose} error={errorFor('clientId', 'client')} />
        )
      ) : (
        <>
          <div className="field-row">
            <TextField
              id={INTAKE_IDS.firstName}
              label="First name"
              autoComplete="off"
              value={person.firstName}
              error={errorFor('client.firstName')}
              onChange={set('firstName')}
            />
            <TextField
              id={INTAKE_IDS.lastName}
              label="Last name"
              autoComplete="off"
              value={person.lastName}
              error={errorFor('client.lastName')}
              onChange={set('lastName')}
            />
          </div>
          <PossibleMatches draft={draft} onUse={choose} />
          <div className="field-row">
            <TextField
              id={INTAKE_IDS.personDob}
              label="Date of birth (optional)"
              type="date"
              className="field--date"
              value={person.dateOfBirth}
              error={errorFor('client.dateOfBirth', 'facts.dateOfBirth')}
              onChange={set('dateOfBirth')}
            />
            <TextField
              id={INTAKE_IDS.nhsNumber}
              label="NHS number (optional)"
              hint="10 digits"
              inputMode="numeric"
              autoComplete="off"
              value={person.nhsNumber}
              error={errorFor('client.nhsNumber')}
              onChange={set('nhsNumber')}
            />
          </div>
          <div className="field-row">
            <TextField
              id={INTAKE_IDS.phone}
              label="Phone (optional)"
              type="tel"
              autoComplete="off"
              value={person.phone}
              error={errorFor('client.phone')}
              onChange={set('phone')}
            />
            <TextField
              id={INTAKE_IDS.email}
              label="Email (optional)"
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={person.email}
              error={errorFor('client.email')}
              onChange={set('email')}
            />
          </div>
          <TextField
            id={INTAKE_IDS.address}
            label="Address (optional)"
            autoComplete="off"
            value={person.address}
            error={errorFor('client.address')}
            onChange={set('address')}
          />
          <fieldset className="fieldset">
            <legend>Equality monitoring (optional)</legend>
            <p className="field__hint">
              Ask only if the person is happy to answer; commissioners see these only as counts.
            </p>
            <DemographicFields
              idPrefix="intake"
              value={person}
              onChange={(field, answer) => onPerson({ [field]: answer })}
              errorFor={(field) => errorFor(`client.${field}`)}
            />
          </fieldset>
        </>
      )}
    </section>
  );
}

function ClientFinder({
  onChoose,
  error,
  focus,
}: {
  onChoose: (client: ClientRef) => void;
  error?: string;
  focus: boolean;
}) {
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim());
  const search = useClientSearch(query);
  const results = query.length >= 2 ? (search.data?.items ?? []) : [];

  return (
    <div className="finder">
      <TextField
        id={INTAKE_IDS.clientSearch}
        label="Find the person"
        hint="Name, NHS number or a referral reference (at least 2 characters)"
        type="search"
        autoComplete="off"
        autoFocus={focus}
        value={q}
        error={error}
        onChange={(event) => setQ(event.target.value)}
      />
      <div aria-live="polite" className="finder__results">
        {query.length < 2 ? null : search.isPending ? (
          <Loading label="Searching…" />
        ) : search.isError ? (
          <QueryError title="The search did not work" query={search} />
        ) : results.length === 0 ? (
          <p className="muted">
            Nobody on record matches “{query}”. Choose “No, a new person” to enter their details.
          </p>
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
                    <span className="muted choice-list__meta">{describe(client)}</span>
                  </span>
                  <Button
                    onClick={() => onChoose(client)}
                    aria-label={`Choose ${personName(client)}, ${describe(client)}`}
                  >
                    Choose
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

function ChosenClient({
  client,
  created,
  focus,
  onChange,
  onUse,
}: {
  client: ClientRef;
  created: CreatedClient | null;
  focus: boolean;
  onChange: () => void;
  onUse: (client: ClientRef) => void;
}) {
  const duplicates = created?.id === client.id ? created.possibleDuplicates : [];
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, client.id]);
  return (
    <>
      <div ref={ref} tabIndex={-1} className="chosen" aria-live="polite">
        <p className="chosen__name">
          <strong>{personName(client)}</strong>
          <span className="muted choice-list__meta">{describe(client)}</span>
        </p>
        <Button variant="link" onClick={onChange}>
          Change person
        </Button>
      </div>
      {created?.id === client.id && (
        <Notice
          tone={duplicates.length ? 'info' : 'success'}
          title={`${personName(client)}’s record was created.`}
        >
          {duplicates.length > 0 && (
            <>
              <p>
                Beacon already holds {duplicates.length === 1 ? 'a record' : `${duplicates.length} records`}{' '}
                with the same name and date of birth. If it is the same person, use that record instead:
              </p>
              <ul className="choice-list">
                {duplicates.map((duplicate) => (
                  <li key={duplicate.id} className="choice-list__item">
                    <span>
                      <strong>{personName(duplicate)}</strong>
                      <span className="muted choice-list__meta">{describe(duplicate)}</span>
                    </span>
                    <Button onClick={() => onUse(duplicate)}>Use this record</Button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Notice>
      )}
    </>
  );
}

/** While a new person's name is typed: people already on record with that name, to avoid a duplicate. */
function PossibleMatches({ draft, onUse }: { draft: IntakeDraft; onUse: (client: ClientRef) => void }) {
  const name = `${draft.person.firstName.trim()} ${draft.person.lastName.trim()}`.trim();
  const ready = draft.person.firstName.trim().length > 0 && draft.person.lastName.trim().length > 1;
  const query = useDebounced(ready ? name : '', 500);
  const search = useClientSearch(query);
  const matches = query && query === name ? (search.data?.items ?? []) : [];
  return (
    <div aria-live="polite">
      {matches.length > 0 && (
        <Notice title="Already on record?">
          <p>
            {matches.length === 1 ? 'Someone' : `${matches.length} people`} with this name{' '}
            {matches.length === 1 ? 'is' : 'are'} already on record. If it is the same person, use their
            record.
          </p>
          <ul className="choice-list">
            {matches.slice(0, 5).map((client) => (
              <li key={client.id} className="choice-list__item">
                <span>
                  <strong>{personName(client)}</strong>
                  <span className="muted choice-list__meta">{describe(client)}</span>
                </span>
                <Button onClick={() => onUse(client)}>Use this record</Button>
              </li>
            ))}
          </ul>
        </Notice>
      )}
    </div>
  );
}
