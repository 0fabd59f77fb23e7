import { isProblem, unwrap } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { userSessionsKey } from './get-user-sessions';

/** Ends one of an account's sessions at once (its next request is refused). */
export async function endUserSession(userId: string, sessionId: string): Promise<void> {
  try {
    await unwrap(
      api.DELETE('/api/users/{id}/sessions/{sessionId}', { params: { path: { id: userId, sessionId } } }),
    );
  } catch (error) {
    // Already over (signed out, expired): the outcome asked for.
    if (!isProblem(error, 404)) throw error;
  }
}

export function useEndUserSession(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => endUserSession(userId, sessionId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userSessionsKey(userId) }),
  });
}
