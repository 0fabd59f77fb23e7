import { isProblem, unwrap } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { retentionKey } from './get-retention-due';

export function anonymise(id: string, reason: string) {
  return unwrap(
    api.POST('/api/retention/referrals/{id}/anonymise', { params: { path: { id } }, body: { reason } }),
  );
}

export function useAnonymise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => anonymise(id, reason),
    onSettled: async (_data, error) => {
      // Done, or someone else did it first (409): the queue has changed either way.
      if (!error || isProblem(error, 409)) await queryClient.invalidateQueries({ queryKey: retentionKey });
    },
  });
}
