import { ProblemError } from '@beacon/api-client';
import {
  NOT_SET,
  changedFields,
  conflictOf,
  listValue,
  summariseConflict,
  withoutConflict,
  type ConflictSpec,
} from './conflicts';

interface Thing {
  version: number;
  status: string;
  owner: string | null;
  tags: string[];
  log: { id: string; by: string; at: string }[];
}

const spec: ConflictSpec<Thing> = {
  noun: 'thing',
  fields: [
    { label: 'Status', value: (t) => t.status },
    { label: 'Owner', value: (t) => t.owner },
    { label: 'Tags', value: (t) => listValue(t.tags, 'None') },
  ],
  events: (before, after) =>
    after.log
      .filter((entry) => !before.log.some((seen) => seen.id === entry.id))
      .map((entry) => ({ what: 'Changed', by: entry.by, at: entry.at })),
};

const before: Thing = {
  version: 3,
  status: 'Open',
  owner: null,
  tags: [],
  log: [{ id: 'a', by: 'Sam', at: 't1' }],
};
const after: Thing = {
  version: 4,
  status: 'Open',
  owner: 'Jordan',
  tags: ['urgent', 'ward'],
  log: [
    { id: 'a', by: 'Sam', at: 't1' },
    { id: 'b', by: 'Priya', at: 't2' },
  ],
};

const stale = new ProblemError(409, {
  type: 'urn:beacon:problem:stale-version',
  detail: 'Someone else changed this record after you loaded it. Reload it and try again.',
});
const otherConflict = new ProblemError(409, {
  type: 'urn:beacon:problem:conflict',
  detail: 'Already closed.',
});

describe('conflicts', () => {
  it('lists only the fields that differ, in the spec’s order, with “not set” for empty ones', () => {
    expect(changedFields(before, after, spec.fields)).toEqual([
      { label: 'Owner', before: NOT_SET, after: 'Jordan' },
      { label: 'Tags', before: 'None', after: 'urgent, ward' },
    ]);
    expect(changedFields(before, { ...before, version: 9 }, spec.fields)).toEqual([]);
  });

  it('summarises what happened in between and whether the change still applies', () => {
    expect(summariseConflict(spec, before, after)).toEqual({
      changes: changedFields(before, after, spec.fields),
      events: [{ what: 'Changed', by: 'Priya', at: 't2' }],
      blocked: null,
    });
    const blocked = summariseConflict(spec, before, after, (latest) =>
      latest.owner ? `It belongs to ${latest.owner} now.` : null,
    );
    expect(blocked.blocked).toBe('It belongs to Jordan now.');
    expect(summariseConflict({ noun: 'x', fields: [] }, before, after).events).toEqual([]);
  });

  it('is a conflict only for a stale version of a change that was sent, the newer version once reloaded', () => {
    expect(conflictOf(stale, before, before)).toEqual({ before, latest: null });
    expect(conflictOf(stale, before, after)).toEqual({ before, latest: after });
    expect(conflictOf(stale, before, undefined)).toEqual({ before, latest: null });
    expect(conflictOf(stale, null, after)).toBeNull();
    expect(conflictOf(otherConflict, before, after)).toBeNull();
    expect(conflictOf(null, before, after)).toBeNull();
  });

  it('keeps a conflict out of the form’s own error summary', () => {
    expect(withoutConflict(stale)).toBeNull();
    expect(withoutConflict(otherConflict)).toBe(otherConflict);
    expect(withoutConflict(null)).toBeNull();
  });

  it('joins several values into one, or says none', () => {
    expect(listValue(['a', 'b'])).toBe('a, b');
    expect(listValue([])).toBeNull();
    expect(listValue([], 'None')).toBe('None');
  });
});
