import { unwrap } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { CreateNoteBody } from '../utils/casework';
import { useCaseworkCache } from './casework-cache';

/** A new case note; a contact, visit or meeting note is the first contact when there was none. */
export function createNote(referralId: string, body: CreateNoteBody) {
  return unwrap(api.POST('/api/referrals/{id}/notes', { params: { path: { id: referralId } }, body }));
}

export function useCreateNote(referralId: string) {
  return useMutation({
    mutationFn: (body: CreateNoteBody) => createNote(referralId, body),
    ...useCaseworkCache(referralId),
  });
}
