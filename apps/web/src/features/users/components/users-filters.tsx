import { ROLES, isRole } from '@beacon/domain';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../../components/fields';
import { ROLE_LABELS } from '../../../lib/roles';
import type { UserFilters } from '../api/get-users';

const SEARCH_DELAY_MS = 300;

/** The filters live in the address, so a filtered list can be shared, bookmarked and returned to with Back. */
export function useUserFilters(): [
  UserFilters,
  (change: Partial<Record<'q' | 'role' | 'active', string>>) => void,
] {
  const [params, setParams] = useSearchParams();
  const role = params.get('role');
  const active = params.get('active');
  const filters: UserFilters = {
    q: params.get('q')?.trim() || undefined,
    role: isRole(role) ? role : undefined,
    active: active === 'true' ? true : active === 'false' ? false : undefined,
  };
  const update = useCallback(
    (change: Partial<Record<'q' | 'role' | 'active', string>>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(change)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filters, update];
}

export function UsersFilters({
  filters,
  onChange,
}: {
  filters: UserFilters;
  onChange: (change: Partial<Record<'q' | 'role' | 'active', string>>) => void;
}) {
  const [q, setQ] = useState(filters.q ?? '');

  useEffect(() => {
    if (q.trim() === (filters.q ?? '')) return;
    const timer = window.setTimeout(() => onChange({ q: q.trim() }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [q, filters.q, onChange]);

  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter users"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ q: q.trim() });
      }}
    >
      <TextField
        id="users-q"
        label="Search by name or email"
        type="search"
        value={q}
        maxLength={100}
        onChange={(event) => setQ(event.target.value)}
        className="filters__search"
      />
      <SelectField
        id="users-role"
        label="Role"
        value={filters.role ?? ''}
        onChange={(event) => onChange({ role: event.target.value })}
      >
        <option value="">Any role</option>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="users-active"
        label="Status"
        value={filters.active === undefined ? '' : String(filters.active)}
        onChange={(event) => onChange({ active: event.target.value })}
      >
        <option value="">Any status</option>
        <option value="true">Active</option>
        <option value="false">Deactivated</option>
      </SelectField>
    </form>
  );
}
