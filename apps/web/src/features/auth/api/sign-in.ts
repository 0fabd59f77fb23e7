import { unwrap } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api, session } from '../../../lib/api';

export interface SignInInput {
  email: string;
  password: string;
}

export async function signIn(input: SignInInput) {
  const answer = await unwrap(api.POST('/api/auth/login', { body: input }));
  session.signedIn(answer);
  return answer.user;
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
