import { useMutation } from '@tanstack/react-query';
import { session } from '../../../lib/api';

/** Ends the session on the server; the app then clears its cached data and shows the sign-in page. */
export function useSignOut() {
  return useMutation({ mutationFn: () => session.signOut() });
}
