import {
  LOCAL_AUTHORITIES,
  LOCAL_AUTHORITY_LABELS,
  REFERRAL_STATUSES,
  SERVICE_TYPES,
  SERVICE_TYPE_LABELS,
  STATUS_LABELS,
} from '@beacon/domain';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/button';
import { SelectField, TextField } from '../../../components/fields';
import { useAdvocates } from '../api/get-advocates';
import type { ReferralFilters as Filters } from '../api/get-referrals';
import { REPORT_FILTER_KEYS, type FilterKey } from '../utils/filters';

const SEARCH_DELAY_MS = 300;

export function ReferralFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (change: Partial<Record<FilterKey, string>>) => void;
}) {
  const advocates = useAdvocates();
  const [q, setQ] = useState(filters.q ?? '');
  // The address's search changed from outside (a link from global search, Back): the box follows.
  // Not while someone types a single character, which the address leaves unfiltered.
  const [asked, setAsked] = useState(filters.q);
  if (filters.q !== asked) {
    setAsked(filters.q);
    const wanted = filters.q ?? '';
    const shown = q.trim();
    if (wanted !== shown && !(wanted === '' && shown.length < 2)) setQ(wanted);
  }

  useEffect(() => {
    const typed = q.trim();
    if (typed === (filters.q ?? '') || (typed.length === 1 && !filters.q)) return;
    const timer = window.setTimeout(() => onChange({ q: typed.length >= 2 ? typed : '' }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [q, filters.q, onChange]);

  const any = Boolean(
    filters.q || filters.status || filters.serviceType || filters.advocateId || filters.localAuthority,
  );

  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter referrals"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ q: q.trim() });
      }}
    >
      <TextField
        id="referrals-q"
        label="Search"
        hint="Name, reference or NHS number"
        type="search"
        value={q}
        maxLength={100}
        onChange={(event) => setQ(event.target.value)}
        className="filters__search"
      />
      <SelectField
        id="referrals-status"
        label="Status"
        value={filters.status?.length === 1 ? filters.status[0] : ''}
        onChange={(event) => onChange({ status: event.target.value })}
      >
        <option value="">Any status</option>
        {REFERRAL_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="referrals-service"
        label="Service"
        value={filters.serviceType ?? ''}
        onChange={(event) => onChange({ serviceType: event.target.value })}
      >
        <option value="">Any service</option>
        {SERVICE_TYPES.map((service) => (
          <option key={service} value={service}>
            {SERVICE_TYPE_LABELS[service]}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="referrals-advocate"
        label="Advocate"
        value={filters.advocateId ?? ''}
        onChange={(event) => onChange({ advocateId: event.target.value })}
      >
        <option value="">Any advocate</option>
        {(advocates.data?.items ?? []).map((advocate) => (
          <option key={advocate.id} value={advocate.id}>
            {advocate.displayName}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="referrals-area"
        label="Area"
        value={filters.localAuthority ?? ''}
        onChange={(event) => onChange({ localAuthority: event.target.value })}
      >
        <option value="">Any area</option>
        {LOCAL_AUTHORITIES.map((area) => (
          <option key={area} value={area}>
            {LOCAL_AUTHORITY_LABELS[area]}
          </option>
        ))}
      </SelectField>
      {any && (
        <div className="filters__actions">
          <Button
            variant="link"
            onClick={() => {
              setQ('');
              onChange({
                q: '',
                status: '',
                serviceType: '',
                advocateId: '',
                localAuthority: '',
                ...Object.fromEntries(REPORT_FILTER_KEYS.map((key) => [key, ''])),
              });
            }}
          >
            Clear filters
          </Button>
        </div>
      )}
    </form>
  );
}
