import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useAccountCache } from './account-cache';

export type UpdateUserInput = Schemas['UpdateUserDto'];

export function updateUser(id: string, body: UpdateUserInput) {
  return unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body }));
}

export function useUpdateUser(id: string) {
  return useMutation({ mutationFn: (body: UpdateUserInput) => updateUser(id, body), ...useAccountCache(id) });
}
