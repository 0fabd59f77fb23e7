import { unwrap } from '@beacon/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { ClientRecord } from '../../../lib/client-search';
import { personName, type ReferralSummary } from '../../../lib/referrals';
import { isSearchable, mostRelevantReferral, SEARCH_MAX_LENGTH } from '../utils/search';

/** A handful of each: enough to spot the one meant, few enough to move through with the arrow keys. */
export const SEARCH_LIMIT = 8;

/**
 * Referrals matching a reference, a client's name or an NHS number. The API answers only those
 * the person may open (an advocate's own) and keeps the search in the audit trail.
 */
export function searchReferrals(q: string, limit = SEARCH_LIMIT) {
  return unwrap(api.GET('/api/referrals', { params: { query: { q, limit } } }));
}

/** People on record matching a name, a referral reference or an NHS number, scoped the same way. */
export function searchPeople(q: string) {
  return unwrap(api.GET('/api/clients', { params: { query: { q, limit: SEARCH_LIMIT } } }));
}

/**
 * Both searches for a normalised query, once it has at least two characters. Under the
 * referrals and clients keys, so changes to either refresh them; while a new query loads, the
 * previous results stay rather than flashing away.
 */
export function useGlobalSearch(query: string) {
  const enabled = isSearchable(query);
  const referrals = useQuery({
    queryKey: ['referrals', 'global-search', query],
    queryFn: () => searchReferrals(query),
    enabled,
    placeholderData: keepPreviousData,
  });
  const people = useQuery({
    queryKey: ['clients', 'global-search', query],
    queryFn: () => searchPeople(query),
    enabled,
    placeholderData: keepPreviousData,
  });
  return { enabled, referrals, people };
}

/**
 * The referral a person's result opens when none of theirs was among the results (the list stops
 * at a handful): their referrals found by their name, the most relevant of them. The client record
 * carries no referral id, so this is a second search.
 */
export async function findReferralOf(person: ClientRecord): Promise<ReferralSummary | undefined> {
  const name = personName(person).slice(0, SEARCH_MAX_LENGTH);
  if (!isSearchable(name)) return undefined;
  const page = await searchReferrals(name, 50);
  return mostRelevantReferral(page.items, person.id);
}
