import { ProblemError } from '@beacon/api-client';
import {
  AUTHORISATION_METHODS,
  AUTHORISATION_METHOD_LABELS,
  AUTHORISATION_STATE_LABELS,
  type AuthorisationMethod,
} from '@beacon/domain';
import { useState, type KeyboardEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { RadioGroup, TextArea, TextField } from '../../../components/fields';
import { Loading } from '../../../components/status';
import { formatDate } from '../../../lib/format';
import { useFormProblems } from '../../../lib/problems';
import { personName } from '../../../lib/referrals';
import { useCreateAuthorisation } from '../api/create-authorisation';
import { useCreateClient, type CreatedClient } from '../api/create-client';
import { useAuthorisations, type Authorisation } from '../api/get-authorisations';
import { INTAKE_IDS, clientInput, type IntakeDraft } from '../utils/intake';
import { QueryError } from '../../../components/query-error';

const AUTH_FIELDS = {
  authorisedName: { id: 'auth-name', label: 'Name of the person authorised' },
  authorisedRelationship: { id: 'auth-relationship', label: 'Their relationship to the carer' },
  scope: { id: 'auth-scope', label: 'What they may do' },
  givenOn: { id: 'auth-given-on', label: 'Date given' },
  method: { id: 'auth-method-VERBAL', label: 'How it was given' },
  expiresOn: { id: 'auth-expires-on', label: 'Expiry date' },
};

const DEFAULT_SCOPE = 'Refer the carer to the advocacy service and speak with us on their behalf';

function describe(authorisation: Authorisation) {
  return [
    `given ${formatDate(authorisation.givenOn)} ${AUTHORISATION_METHOD_LABELS[authorisation.method].toLowerCase()}`,
    authorisation.expiresOn ? `until ${formatDate(authorisation.expiresOn)}` : 'no expiry',
    AUTHORISATION_STATE_LABELS[authorisation.state],
  ].join(' · ');
}

/**
 * A carers referral made by someone else goes ahead only with the carer's authorisation for that
 * person: choose one in force, or record it here. A new carer's record is saved first, since an
 * authorisation belongs to a person on record.
 */
export function AuthorisationSection({
  draft,
  today,
  error,
  onChoose,
  onClientCreated,
  onPersonProblem,
}: {
  draft: IntakeDraft;
  today: string;
  error?: string;
  onChoose: (authorisationId: string) => void;
  onClientCreated: (client: CreatedClient) => void;
  /** A refusal of the new carer's details, for the person fields above. */
  onPersonProblem: (error: unknown) => void;
}) {
  const carerId = draft.personMode === 'existing' ? (draft.client?.id ?? null) : null;
  const authorisations = useAuthorisations(carerId);
  const items = authorisations.data?.items ?? [];
  const anyValid = items.some((item) => item.state === 'VALID');
  const [recording, setRecording] = useState(false);
  const waitingForCarer = draft.personMode === 'existing' && !draft.client;
  const showForm =
    !waitingForCarer && (recording || draft.personMode === 'new' || (authorisations.isSuccess && !anyValid));

  return (
    <section
      id={INTAKE_IDS.authorisation}
      tabIndex={-1}
      className={['form-section', error ? 'field--error' : null].filter(Boolean).join(' ')}
      aria-labelledby="intake-authorisation-title"
    >
      <h2 id="intake-authorisation-title" className="section-title">
        Carer’s authorisation
      </h2>
      <p className="muted">
        Someone other than the carer is making this referral, so the carer must have authorised them to
        contact the service. Choose an authorisation in force, or record the one the carer has given.
      </p>
      {error && (
        <p className="field__error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {waitingForCarer && <p>Find the carer above first.</p>}
      {carerId &&
        (authorisations.isPending ? (
          <Loading label="Loading the carer’s authorisations…" />
        ) : authorisations.isError ? (
          <QueryError title="The carer’s authorisations could not be loaded" query={authorisations} />
        ) : items.length === 0 ? (
          <p>{draft.client ? personName(draft.client) : 'The carer'} has no authorisations on record.</p>
        ) : (
          <RadioGroup
            id="intake-authorisation-choice"
            legend="Authorisations on record"
            hint="Only an authorisation in force today can be used."
            options={items.map((item) => ({
              value: item.id,
              label: `${item.authorisedName} (${item.authorisedRelationship})`,
              hint: describe(item),
              disabled: item.state !== 'VALID',
            }))}
            value={draft.authorisationId}
            onChange={onChoose}
          />
        ))}
      {showForm ? (
        <NewAuthorisation
          draft={draft}
          carerId={carerId}
          today={today}
          canCancel={recording && anyValid}
          onStart={() => setRecording(true)}
          onCancel={() => setRecording(false)}
          onRecorded={(id) => {
            setRecording(false);
            onChoose(id);
          }}
          onClientCreated={onClientCreated}
          onPersonProblem={onPersonProblem}
        />
      ) : (
        !waitingForCarer &&
        authorisations.isSuccess && (
          <div>
            <Button onClick={() => setRecording(true)}>Record a new authorisation</Button>
          </div>
        )
      )}
    </section>
  );
}

function NewAuthorisation({
  draft,
  carerId,
  today,
  canCancel,
  onStart,
  onCancel,
  onRecorded,
  onClientCreated,
  onPersonProblem,
}: {
  draft: IntakeDraft;
  carerId: string | null;
  today: string;
  canCancel: boolean;
  /** Keeps this form on screen while the carer's record is created and the list reloads. */
  onStart: () => void;
  onCancel: () => void;
  onRecorded: (id: string) => void;
  onClientCreated: (client: CreatedClient) => void;
  onPersonProblem: (error: unknown) => void;
}) {
  const createClient = useCreateClient();
  const createAuthorisation = useCreateAuthorisation();
  // null: follow what was typed about the referrer above, until changed here.
  const [name, setName] = useState<string | null>(null);
  const [relationship, setRelationship] = useState<string | null>(null);
  const [scope, setScope] = useState(DEFAULT_SCOPE);
  const [givenOn, setGivenOn] = useState(today);
  const [method, setMethod] = useState<AuthorisationMethod | ''>('');
  const [expiresOn, setExpiresOn] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const { byField, summary } = useFormProblems(problem, AUTH_FIELDS);
  const busy = createClient.isPending || createAuthorisation.isPending;
  const authorisedName = name ?? draft.referrer.name;
  const authorisedRelationship = relationship ?? draft.referrer.relationship;

  async function record() {
    if (busy) return;
    if (!method) {
      setProblem(
        new ProblemError(400, {
          errors: [{ field: 'method', message: 'is required: choose how it was given' }],
        }),
      );
      return;
    }
    setProblem(null);
    onStart();
    let carer = carerId;
    // A carer created here is handed to the form only once their authorisation is saved (or
    // refused), so the list of their authorisations is never read before it holds the new one.
    let created: CreatedClient | null = null;
    if (!carer) {
      try {
        created = await createClient.mutateAsync(clientInput(draft));
        carer = created.id;
      } catch (error) {
        onPersonProblem(error);
        return;
      }
    }
    try {
      const authorisation = await createAuthorisation.mutateAsync({
        carerClientId: carer,
        authorisedName: authorisedName.trim(),
        authorisedRelationship: authorisedRelationship.trim(),
        scope: scope.trim(),
        givenOn,
        method: method as AuthorisationMethod,
        ...(expiresOn ? { expiresOn } : {}),
      });
      if (created) onClientCreated(created);
      onRecorded(authorisation.id);
    } catch (error) {
      if (created) onClientCreated(created);
      setProblem(error);
    }
  }

  // These fields sit inside the referral form: Enter records the authorisation, not the referral.
  function onKeyDown(event: KeyboardEvent<HTMLFieldSetElement>) {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      void record();
    }
  }

  return (
    <fieldset className="fieldset subsection" onKeyDown={onKeyDown}>
      <legend className="field__label">Record the carer’s authorisation</legend>
      {!carerId && (
        <p className="field__hint">
          Recording it first saves the carer’s details above as a new record in Beacon.
        </p>
      )}
      <ErrorSummary items={summary} title="The authorisation was not recorded" />
      <div className="field-row">
        <TextField
          id={AUTH_FIELDS.authorisedName.id}
          label="Name of the person authorised"
          autoComplete="off"
          value={authorisedName}
          error={byField.authorisedName}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          id={AUTH_FIELDS.authorisedRelationship.id}
          label="Their relationship to the carer"
          hint="For example: son, neighbour"
          autoComplete="off"
          value={authorisedRelationship}
          error={byField.authorisedRelationship}
          onChange={(event) => setRelationship(event.target.value)}
        />
      </div>
      <TextArea
        id={AUTH_FIELDS.scope.id}
        label="What they may do"
        rows={2}
        value={scope}
        error={byField.scope}
        onChange={(event) => setScope(event.target.value)}
      />
      <RadioGroup
        id="auth-method"
        legend="How it was given"
        inline
        options={AUTHORISATION_METHODS.map((value) => ({ value, label: AUTHORISATION_METHOD_LABELS[value] }))}
        value={method}
        error={byField.method}
        onChange={setMethod}
      />
      <div className="field-row">
        <TextField
          id={AUTH_FIELDS.givenOn.id}
          label="Date given"
          type="date"
          max={today}
          className="field--date"
          value={givenOn}
          error={byField.givenOn}
          onChange={(event) => setGivenOn(event.target.value)}
        />
        <TextField
          id={AUTH_FIELDS.expiresOn.id}
          label="Expiry date (optional)"
          hint="The last day it is in force"
          type="date"
          className="field--date"
          value={expiresOn}
          error={byField.expiresOn}
          onChange={(event) => setExpiresOn(event.target.value)}
        />
      </div>
      <div className="actions">
        <Button variant="secondary" onClick={() => void record()} disabled={busy}>
          {busy ? 'Recording…' : 'Record authorisation'}
        </Button>
        {canCancel && (
          <Button variant="link" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        )}
      </div>
    </fieldset>
  );
}
