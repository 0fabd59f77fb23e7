import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { clientsKey } from './search-clients';

export type ClientInput = Schemas['ClientInput'];
export type CreatedClient = Schemas['CreatedClientDto'];

/** The answer names possible duplicates (same name and date of birth) for the person to check. */
export function createClient(body: ClientInput) {
  return unwrap(api.POST('/api/clients', { body }));
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createClient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientsKey }),
  });
}
