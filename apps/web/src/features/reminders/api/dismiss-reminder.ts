import { unwrap } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { remindersKey } from './get-reminders';

export function dismissReminder(id: string) {
  return unwrap(api.POST('/api/reminders/{id}/dismiss', { params: { path: { id } } }));
}

export function useDismissReminder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => dismissReminder(id),
    // Dismissed, or gone meanwhile (404): the list has changed either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: remindersKey }),
  });
}
