import {
  DEMOGRAPHIC_FIELDS,
  DEMOGRAPHIC_FIELD_NAMES,
  can,
  demographicLabel,
  NOT_RECORDED,
} from '@beacon/domain';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { FormDialog } from '../../../components/form-dialog';
import { Notice } from '../../../components/notice';
import { QueryError } from '../../../components/query-error';
import { Loading } from '../../../components/status';
import { errorText, isStaleVersion, useFormProblems } from '../../../lib/problems';
import { useUser } from '../../../lib/use-session';
import {
  useClient,
  useUpdateClientMonitoring,
  type Client,
  type UpdateClientInput,
} from '../api/client-monitoring';
import { DemographicFields, NO_ANSWERS, type DemographicAnswers } from './demographic-fields';

const FIELDS = Object.fromEntries(
  DEMOGRAPHIC_FIELD_NAMES.map((field) => [
    field,
    { id: `monitoring-${field}`, label: DEMOGRAPHIC_FIELDS[field].label },
  ]),
);

const answersOf = (client: Client): DemographicAnswers => ({
  ageBand: client.ageBand ?? '',
  gender: client.gender ?? '',
  ethnicity: client.ethnicity ?? '',
  disability: client.disability ?? '',
});

/**
 * The person's equality-monitoring answers (optional questions counted in Reports), with a way to
 * record or change them. Read from the person's record (the read is audited).
 */
export function EqualityMonitoringCard({ clientId }: { clientId: string }) {
  const me = useUser();
  const client = useClient(clientId);
  const update = useUpdateClientMonitoring(clientId);
  const [editing, setEditing] = useState(false);
  const [answers, setAnswers] = useState<DemographicAnswers>(NO_ANSWERS);
  const { byField, summary } = useFormProblems(update.error, FIELDS);

  function open(record: Client) {
    update.reset();
    setAnswers(answersOf(record));
    setEditing(true);
  }

  function save(record: Client) {
    const body: UpdateClientInput = { version: record.version };
    for (const field of DEMOGRAPHIC_FIELD_NAMES) {
      const answer = answers[field] || null;
      if (answer !== (record[field] ?? null)) (body as Record<string, unknown>)[field] = answer;
    }
    update.mutate(body, { onSuccess: () => setEditing(false) });
  }

  return (
    <section className="card card--tight" aria-labelledby="monitoring-title">
      <h2 id="monitoring-title" className="section-title">
        Equality monitoring
      </h2>
      {client.isPending ? (
        <Loading label="Loading…" />
      ) : client.isError ? (
        <QueryError title="The person’s answers could not be loaded" query={client} />
      ) : (
        <>
          <dl className="summary-list">
            {DEMOGRAPHIC_FIELD_NAMES.map((field) => (
              <div key={field} className="summary-list__row">
                <dt>{DEMOGRAPHIC_FIELDS[field].label}</dt>
                <dd>{demographicLabel(field, client.data[field] ?? NOT_RECORDED)}</dd>
              </div>
            ))}
          </dl>
          {can(me.roles, 'clients.update') && (
            <Button onClick={() => open(client.data)}>Record answers</Button>
          )}
          <FormDialog
            open={editing}
            title="Equality monitoring"
            submitLabel="Save answers"
            busyLabel="Saving…"
            busy={update.isPending}
            problems={isStaleVersion(update.error) ? [] : summary}
            conflict={
              isStaleVersion(update.error) ? (
                <Notice tone="error" title="Someone else changed these answers">
                  <p>{errorText(update.error)} The answers shown outside this dialog are the newest.</p>
                </Notice>
              ) : undefined
            }
            onSubmit={() => save(client.data)}
            onCancel={() => setEditing(false)}
          >
            <p className="field__hint">
              Optional. Ask only if the person is happy to answer; “Not asked” leaves the question unrecorded.
            </p>
            <DemographicFields
              idPrefix="monitoring"
              value={answers}
              onChange={(field, answer) => setAnswers((previous) => ({ ...previous, [field]: answer }))}
              errorFor={(field) => byField[field]}
            />
          </FormDialog>
        </>
      )}
    </section>
  );
}
