import { unwrap } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { AmendNoteBody } from '../utils/casework';
import { useCaseworkCache } from './casework-cache';

/** A new version of a note (its author or a manager); every earlier version stays readable. */
export function amendNote(noteId: string, body: AmendNoteBody) {
  return unwrap(api.POST('/api/notes/{id}/amend', { params: { path: { id: noteId } }, body }));
}

export function useAmendNote(referralId: string) {
  return useMutation({
    mutationFn: ({ noteId, body }: { noteId: string; body: AmendNoteBody }) => amendNote(noteId, body),
    ...useCaseworkCache(referralId),
  });
}
