import { ProblemError } from '@beacon/api-client';
import { can, type ServiceType } from '@beacon/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { TextField } from '../../../components/fields';
import { LiveRegion, Notice } from '../../../components/notice';
import { QueryError } from '../../../components/query-error';
import { Loading } from '../../../components/status';
import { errorText, isStaleVersion, useFormProblems } from '../../../lib/problems';
import { useUser } from '../../../lib/use-session';
import { useUpdateWaitingTargets, useWaitingTargets, type WaitingTarget } from '../api/waiting-targets';
import { formatDays } from '../utils/figures';

/** Each service's waiting-time target: managers read them here, admins change them. */
export function TargetsPanel() {
  const me = useUser();
  const targets = useWaitingTargets();
  return (
    <section className="report-section no-print" aria-labelledby="targets-title">
      <h2 id="targets-title" className="section-title">
        Waiting-time targets
      </h2>
      <p className="muted report-section__note">
        Days from a referral being received to first contact, per service: what “within target” is measured
        against. Set them to your contracts’ numbers.
      </p>
      {targets.isPending ? (
        <Loading label="Loading targets…" />
      ) : targets.isError ? (
        <QueryError title="The targets could not be loaded" query={targets} />
      ) : can(me.roles, 'reports.targetsManage') ? (
        <TargetsForm
          key={targets.data.items.map((t) => `${t.serviceType}${t.version}`).join()}
          items={targets.data.items}
        />
      ) : (
        <ul className="targets-list">
          {targets.data.items.map((t) => (
            <li key={t.serviceType}>
              {t.label}: <strong>{formatDays(t.targetDays)}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TargetsForm({ items }: { items: WaitingTarget[] }) {
  const update = useUpdateWaitingTargets();
  const [days, setDays] = useState<Record<string, string>>(() =>
    Object.fromEntries(items.map((t) => [t.serviceType, String(t.targetDays)])),
  );
  const [problem, setProblem] = useState<unknown>(null);
  const fields = useMemo(
    () =>
      Object.fromEntries(
        items.map((t) => [t.serviceType, { id: `target-${t.serviceType}`, label: t.label }]),
      ),
    [items],
  );
  const { byField, summary } = useFormProblems(problem, fields);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = items
      .filter(
        (t) =>
          !/^\d+$/.test(days[t.serviceType] ?? '') || +days[t.serviceType] < 1 || +days[t.serviceType] > 365,
      )
      .map((t) => ({ field: t.serviceType, message: 'must be a whole number of days from 1 to 365' }));
    if (errors.length) {
      setProblem(new ProblemError(400, { errors }));
      return;
    }
    setProblem(null);
    const changes = items
      .filter((t) => Number(days[t.serviceType]) !== t.targetDays)
      .map((t) => ({
        serviceType: t.serviceType as ServiceType,
        targetDays: Number(days[t.serviceType]),
        version: t.version,
      }));
    update.mutate(changes);
  }

  return (
    <form className="targets-form" onSubmit={submit} noValidate aria-label="Waiting-time targets">
      <ErrorSummary items={summary} />
      <div className="targets-form__fields">
        {items.map((t) => (
          <TextField
            key={t.serviceType}
            id={`target-${t.serviceType}`}
            label={`${t.label} (days)`}
            inputMode="numeric"
            className="field--narrow"
            value={days[t.serviceType] ?? ''}
            error={byField[t.serviceType]}
            onChange={(event) => setDays((d) => ({ ...d, [t.serviceType]: event.target.value }))}
          />
        ))}
      </div>
      <Button type="submit" variant="primary" disabled={update.isPending}>
        {update.isPending ? 'Saving…' : 'Save targets'}
      </Button>
      <LiveRegion politeness={update.isError ? 'assertive' : 'polite'}>
        {update.isError ? (
          <Notice tone="error" title="The targets were not all saved">
            <p>
              {isStaleVersion(update.error)
                ? 'Someone else changed them meanwhile. The form shows their numbers now: check them and save again.'
                : errorText(update.error)}
            </p>
          </Notice>
        ) : update.isSuccess ? (
          <p className="muted">Targets saved. The figures above use them.</p>
        ) : null}
      </LiveRegion>
    </form>
  );
}
