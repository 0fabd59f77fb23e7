import { isProblem, unwrap, type Schemas } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { signpostingKey } from '../../../lib/signposting';

export type UpdateSignpostingBody = Schemas['UpdateSignpostingServiceInput'];

/** Changes, retires (`active: false`) or restores an entry; earlier signposts keep the name they had. */
export function updateSignpostingService(id: string, body: UpdateSignpostingBody) {
  return unwrap(api.PATCH('/api/signposting-services/{id}', { params: { path: { id } }, body }));
}

export function useUpdateSignpostingService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSignpostingBody }) =>
      updateSignpostingService(id, body),
    onSettled: async (_data, error) => {
      // Success changes the list; a stale version (409) means someone else did: reload either way.
      if (!error || isProblem(error, 409) || isProblem(error, 404))
        await queryClient.invalidateQueries({ queryKey: signpostingKey });
    },
  });
}
