import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { hospitalsKey } from '../../../lib/hospitals';

export type CreateWardBody = Schemas['CreateWardInput'];

export function createWard(body: CreateWardBody) {
  return unwrap(api.POST('/api/wards', { body }));
}

/** Wards are listed under the hospitals key: one invalidation refreshes both. */
export function useCreateWard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWard,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hospitalsKey }),
  });
}
