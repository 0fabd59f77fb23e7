import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { TextField } from '../../../components/fields';
import { londonDayStart } from '../../../lib/format';
import { useFormProblems } from '../../../lib/problems';
import type { AuditFilters } from '../api/get-audit-events';

const KEYS = ['clientId', 'entityType', 'entityId', 'actorId', 'from', 'to'] as const;
type Key = (typeof KEYS)[number];
export type AuditFilterValues = Record<Key, string>;

const FIELDS = {
  clientId: { id: 'audit-person-search', label: 'Person' },
  entityType: { id: 'audit-entity-type', label: 'Entity type' },
  entityId: { id: 'audit-entity-id', label: 'Entity id' },
  actorId: { id: 'audit-actor-id', label: 'Actor id' },
  from: { id: 'audit-from', label: 'From' },
  to: { id: 'audit-to', label: 'To' },
};

/**
 * The filters as typed (dates as London calendar days) live in the address, the person as their
 * record's id (never a name); the API gets instants:
 * `from` at the start of its day and `to` at the end of its day, so both days are included.
 */
export function useAuditFilters(): [AuditFilterValues, AuditFilters, (values: AuditFilterValues) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(KEYS.map((key) => [key, params.get(key) ?? ''])) as AuditFilterValues;
  const query: AuditFilters = {
    entityType: values.entityType || undefined,
    entityId: values.entityId || undefined,
    actorId: values.actorId || undefined,
    clientId: values.clientId || undefined,
    from: londonDayStart(values.from),
    to: londonDayStart(values.to, 1),
  };
  const apply = (next: AuditFilterValues) =>
    setParams(new URLSearchParams(Object.entries(next).filter(([, value]) => value.trim() !== '')), {
      replace: true,
    });
  return [values, query, apply];
}

export function AuditFiltersForm({
  values,
  error,
  onApply,
}: {
  values: AuditFilterValues;
  error: unknown;
  onApply: (values: AuditFilterValues) => void;
}) {
  const [draft, setDraft] = useState(values);
  const { byField, summary } = useFormProblems(error, FIELDS);
  const set = (key: Key) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: event.target.value });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(Object.fromEntries(KEYS.map((key) => [key, draft[key].trim()])) as AuditFilterValues);
  }

  function clear() {
    const empty = Object.fromEntries(KEYS.map((key) => [key, ''])) as AuditFilterValues;
    setDraft(empty);
    onApply(empty);
  }

  return (
    <form
      className="filters filters--audit"
      role="search"
      aria-label="Filter audit events"
      onSubmit={submit}
      noValidate
    >
      <ErrorSummary items={summary} title="These filters cannot be used" />
      <TextField
        id={FIELDS.entityType.id}
        label="Entity type"
        list="audit-entity-types"
        value={draft.entityType}
        error={byField.entityType}
        onChange={set('entityType')}
      />
      <datalist id="audit-entity-types">
        <option value="user" />
        <option value="client" />
        <option value="referral" />
      </datalist>
      <TextField
        id={FIELDS.entityId.id}
        label="Entity id"
        spellCheck={false}
        value={draft.entityId}
        error={byField.entityId}
        onChange={set('entityId')}
      />
      <TextField
        id={FIELDS.actorId.id}
        label="Actor id"
        spellCheck={false}
        value={draft.actorId}
        error={byField.actorId}
        onChange={set('actorId')}
      />
      <TextField
        id={FIELDS.from.id}
        label="From"
        type="date"
        value={draft.from}
        error={byField.from}
        onChange={set('from')}
      />
      <TextField
        id={FIELDS.to.id}
        label="To"
        type="date"
        value={draft.to}
        error={byField.to}
        onChange={set('to')}
      />
      <div className="actions filters__actions">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        <Button onClick={clear}>Clear</Button>
      </div>
    </form>
  );
}
