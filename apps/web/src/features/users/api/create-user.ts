import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { userKey } from './get-user';
import { usersKey } from './get-users';

export type CreateUserInput = Schemas['CreateUserDto'];

export function createUser(body: CreateUserInput) {
  return unwrap(api.POST('/api/users', { body }));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: async (user) => {
      queryClient.setQueryData(userKey(user.id), user);
      await queryClient.invalidateQueries({ queryKey: [...usersKey, 'list'] });
    },
  });
}
