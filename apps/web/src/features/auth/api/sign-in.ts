import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api, session } from '../../../lib/api';

/** Email and password, and for an account with two-step verification the app's code or a recovery code. */
export type SignInInput = Schemas['LoginDto'];

export async function signIn(input: SignInInput) {
  const answer = await unwrap(api.POST('/api/auth/login', { body: input }));
  session.signedIn(answer);
  return answer.user;
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
