import { unwrap } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { caseworkKey } from './casework-cache';

/** The case notes, each with every version (oldest first): what the timeline shows of a note, and its history. */
export function getNotes(referralId: string) {
  return unwrap(api.GET('/api/referrals/{id}/notes', { params: { path: { id: referralId } } }));
}

export function getNotesQueryOptions(referralId: string) {
  return queryOptions({ queryKey: caseworkKey(referralId, 'notes'), queryFn: () => getNotes(referralId) });
}

export function useNotes(referralId: string) {
  return useQuery(getNotesQueryOptions(referralId));
}
