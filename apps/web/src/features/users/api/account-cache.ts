import { useQueryClient } from '@tanstack/react-query';
import { userKey } from './get-user';
import { usersKey, type User } from './get-users';

/**
 * What every change to one account does to the cache: the answer becomes the account's data and
 * lists refetch; a refusal (409 stale version above all) reloads the account so the latest is shown.
 */
export function useAccountCache(id: string) {
  const queryClient = useQueryClient();
  return {
    onSuccess: async (user: User) => {
      queryClient.setQueryData(userKey(id), user);
      await queryClient.invalidateQueries({ queryKey: [...usersKey, 'list'] });
    },
    onError: async () => {
      await queryClient.invalidateQueries({ queryKey: userKey(id) });
    },
  };
}
