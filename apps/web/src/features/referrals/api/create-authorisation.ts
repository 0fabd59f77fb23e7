import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { authorisationsKey } from './get-authorisations';

type AuthorisationList = Schemas['AuthorisationListDto'];

export type CreateAuthorisationBody = Schemas['CreateAuthorisationInput'];

export function createAuthorisation(body: CreateAuthorisationBody) {
  return unwrap(api.POST('/api/authorisations', { body }));
}

export function useCreateAuthorisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAuthorisation,
    onSuccess: async (authorisation) => {
      const key = authorisationsKey(authorisation.carerClientId);
      // Shown at once (newest first), even if a read of the list is still on its way.
      queryClient.setQueryData<AuthorisationList>(key, (list) =>
        list
          ? { items: [authorisation, ...list.items.filter((item) => item.id !== authorisation.id)] }
          : list,
      );
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
