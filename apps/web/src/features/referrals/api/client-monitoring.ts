import { unwrap, type Schemas } from '@beacon/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { clientsKey } from './search-clients';

export type Client = Schemas['ClientDto'];
export type UpdateClientInput = Schemas['UpdateClientInput'];

const clientKey = (id: string) => [...clientsKey, 'one', id] as const;

/** The person's record (each read is audited as client.read). */
export function getClientQueryOptions(id: string) {
  return queryOptions({
    queryKey: clientKey(id),
    queryFn: () => unwrap(api.GET('/api/clients/{id}', { params: { path: { id } } })),
  });
}

export function useClient(id: string) {
  return useQuery(getClientQueryOptions(id));
}

/** Changes the equality-monitoring answers; a stale version (409) reloads the record. */
export function useUpdateClientMonitoring(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateClientInput) =>
      unwrap(api.PATCH('/api/clients/{id}', { params: { path: { id } }, body })),
    onSuccess: (client) => queryClient.setQueryData(clientKey(id), client),
    onError: () => queryClient.invalidateQueries({ queryKey: clientKey(id) }),
  });
}
