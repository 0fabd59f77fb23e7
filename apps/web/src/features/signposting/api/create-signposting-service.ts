import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { signpostingKey } from '../../../lib/signposting';

export type CreateSignpostingBody = Schemas['CreateSignpostingServiceInput'];

export function createSignpostingService(body: CreateSignpostingBody) {
  return unwrap(api.POST('/api/signposting-services', { body }));
}

export function useCreateSignpostingService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSignpostingService,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: signpostingKey }),
  });
}
