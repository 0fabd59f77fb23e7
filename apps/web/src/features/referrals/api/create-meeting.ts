import { unwrap } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { CreateMeetingBody } from '../utils/casework';
import { useCaseworkCache } from './casework-cache';

/** A meeting with or about the person (open cases only: 409 case-not-open otherwise). */
export function createMeeting(referralId: string, body: CreateMeetingBody) {
  return unwrap(api.POST('/api/referrals/{id}/meetings', { params: { path: { id: referralId } }, body }));
}

export function useCreateMeeting(referralId: string) {
  return useMutation({
    mutationFn: (body: CreateMeetingBody) => createMeeting(referralId, body),
    ...useCaseworkCache(referralId),
  });
}
