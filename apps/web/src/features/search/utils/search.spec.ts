import type { ClientRecord } from '../../../lib/client-search';
import type { ReferralSummary } from '../../../lib/referrals';
import {
  canSearch,
  groupResults,
  isSearchable,
  mostRelevantReferral,
  normaliseQuery,
  rankPeople,
  rankReferrals,
  resultsSummary,
} from './search';

function person(
  id: string,
  firstName: string,
  lastName: string,
  dateOfBirth: string | null = null,
): ClientRecord {
  return {
    id,
    firstName,
    lastName,
    dateOfBirth,
    localAuthority: 'LEICESTER',
    nhsNumber: null,
    phone: null,
    email: null,
    address: null,
    ageBand: null,
    gender: null,
    ethnicity: null,
    disability: null,
    version: 1,
    createdAt: '2026-01-01T09:00:00.000Z',
  };
}

function referral(
  id: string,
  reference: string,
  client: ClientRecord,
  status: ReferralSummary['status'] = 'ACTIVE',
  receivedAt = '2026-11-01T09:00:00.000Z',
): ReferralSummary {
  return {
    id,
    reference,
    client: {
      id: client.id,
      firstName: client.firstName,
      lastName: client.lastName,
      dateOfBirth: client.dateOfBirth,
    },
    serviceType: 'IMHA',
    source: 'SELF',
    status,
    priority: 'ROUTINE',
    localAuthority: 'LEICESTER',
    eligible: true,
    receivedAt,
    dueDate: null,
    firstContactAt: null,
    daysWaiting: 0,
    allocatedAdvocateId: null,
    allocatedAdvocate: null,
    createdBy: { id: 'u1', displayName: 'Priya Shah' },
    version: 1,
  };
}

const marcus = person('c1', 'Marcus', 'Bell', '1987-01-19');
const belle = person('c2', 'Annabelle', 'Marsh');
const marcusOld = referral('r1', 'REF-2025-000007', marcus, 'CLOSED', '2025-03-01T09:00:00.000Z');
const marcusNow = referral('r2', 'REF-2026-000123', marcus, 'ALLOCATED', '2026-11-20T09:00:00.000Z');
const belleNow = referral('r3', 'REF-2026-000200', belle, 'RECEIVED', '2026-11-25T09:00:00.000Z');

describe('the search query', () => {
  it('trims and collapses spaces, and keeps at most 100 characters', () => {
    expect(normaliseQuery('  Marcus   Bell ')).toBe('Marcus Bell');
    expect(normaliseQuery('x'.repeat(150))).toHaveLength(100);
  });

  it('writes a loosely typed reference as the API stores it', () => {
    expect(normaliseQuery('ref-2026-000123')).toBe('REF-2026-000123');
    expect(normaliseQuery('REF 2026 000123')).toBe('REF-2026-000123');
    expect(normaliseQuery('ref2026000123')).toBe('REF-2026-000123');
    // A short number is the reference without its leading zeros…
    expect(normaliseQuery('ref 2026 123')).toBe('REF-2026-000123');
    // …but one typed with leading zeros is on its way to the full six digits: not padded.
    expect(normaliseQuery('REF-2026-0001')).toBe('REF-2026-0001');
  });

  it('joins an NHS number typed in groups', () => {
    expect(normaliseQuery('943 476 5919')).toBe('9434765919');
    expect(normaliseQuery('943-476-5919')).toBe('9434765919');
    expect(normaliseQuery('943 476')).toBe('943 476');
  });

  it('is sent from two characters', () => {
    expect(isSearchable(normaliseQuery(' M '))).toBe(false);
    expect(isSearchable(normaliseQuery('Ma'))).toBe(true);
    expect(isSearchable('')).toBe(false);
  });
});

describe('who may search', () => {
  it('is those who do casework, not admins who would have to give a reason', () => {
    expect(canSearch(['MANAGER'])).toBe(true);
    expect(canSearch(['ADVOCATE'])).toBe(true);
    expect(canSearch(['ADMIN', 'MANAGER'])).toBe(true);
    expect(canSearch(['ADMIN'])).toBe(false);
    expect(canSearch([])).toBe(false);
  });
});

describe('ranking and grouping results', () => {
  it('puts the referral whose reference was typed first, whatever its status or age', () => {
    const ranked = rankReferrals([belleNow, marcusNow, marcusOld], 'REF-2025-000007');
    expect(ranked.map((r) => r.id)).toEqual(['r1', 'r3', 'r2']);
  });

  it('puts the whole name typed first, then open cases before closed ones, otherwise newest first', () => {
    expect(rankReferrals([belleNow, marcusOld, marcusNow], 'marcus  BELL').map((r) => r.id)).toEqual([
      'r2',
      'r1',
      'r3',
    ]);
    expect(rankReferrals([belleNow, marcusOld, marcusNow], 'bel').map((r) => r.id)).toEqual([
      'r3',
      'r2',
      'r1',
    ]);
  });

  it('puts the person whose whole name was typed first, accents aside', () => {
    const zoe = person('c3', 'Zoë', 'Bell');
    expect(rankPeople([marcus, zoe], 'Zoe Bell').map((p) => p.id)).toEqual(['c3', 'c1']);
    expect(rankPeople([marcus, zoe], 'Bell').map((p) => p.id)).toEqual(['c1', 'c3']);
  });

  it('opens a person’s open referral before a closed one, the newest of those', () => {
    const older = referral('r4', 'REF-2026-000050', marcus, 'ACTIVE', '2026-06-01T09:00:00.000Z');
    expect(mostRelevantReferral([marcusOld, older, marcusNow, belleNow], 'c1')?.id).toBe('r2');
    expect(mostRelevantReferral([marcusOld, belleNow], 'c1')?.id).toBe('r1');
    expect(mostRelevantReferral([belleNow], 'c1')).toBeUndefined();
  });

  it('groups referrals then people, each option with a unique id and where it leads', () => {
    const results = groupResults('Bell', [marcusOld, marcusNow], [marcus, belle], 'gs');
    expect(results.groups.map((group) => group.label)).toEqual(['Referrals', 'People']);
    expect(results.options.map((option) => option.id)).toEqual([
      'gs-referral-r2',
      'gs-referral-r1',
      'gs-person-c1',
      'gs-person-c2',
    ]);
    const [, , marcusOption, belleOption] = results.options;
    expect(marcusOption.kind === 'person' && marcusOption.referral?.id).toBe('r2');
    // Nothing of hers among the results: the dialog looks her referral up when she is chosen.
    expect(belleOption.kind === 'person' && belleOption.referral).toBeUndefined();
    expect(new Set(results.options.map((option) => option.id)).size).toBe(4);
  });

  it('leaves out an empty group', () => {
    expect(groupResults('Marsh', [], [belle]).groups.map((group) => group.label)).toEqual(['People']);
    expect(groupResults('nobody', [], [])).toEqual({ groups: [], options: [] });
  });

  it('makes safe element ids from any id', () => {
    const odd = person('a b:c', 'Odd', 'Id');
    expect(groupResults('Id', [], [odd], 'gs').options[0].id).toBe('gs-person-a_b_c');
  });

  it('says what was found in words', () => {
    expect(resultsSummary(2, 1)).toBe('2 referrals and 1 person found');
    expect(resultsSummary(1, 0)).toBe('1 referral found');
    expect(resultsSummary(0, 3)).toBe('3 people found');
    expect(resultsSummary(0, 0)).toBe('Nothing found');
  });
});
