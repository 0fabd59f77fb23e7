import { isProblem, unwrap } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { sessionsKey } from './get-sessions';

/** Signs out one of the person's own sessions (a lost tablet): it ends on its next request. */
export async function endSession(id: string): Promise<void> {
  try {
    await unwrap(api.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } }));
  } catch (error) {
    // Already over (signed out there, or expired): the outcome asked for.
    if (!isProblem(error, 404)) throw error;
  }
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
