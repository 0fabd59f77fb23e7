import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { sessionsKey } from './get-sessions';

export type ChangePasswordInput = Schemas['ChangePasswordDto'];

/** Changes the password; the API ends every other session of the person (this one stays). */
export function changePassword(body: ChangePasswordInput) {
  return unwrap(api.POST('/api/auth/password', { body }));
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
