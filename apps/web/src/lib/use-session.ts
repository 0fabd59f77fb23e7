import { useSyncExternalStore } from 'react';
import { session } from './api';
import type { SessionState, SessionUser } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useUser(): SessionUser {
  const state = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser() needs a signed-in session');
  return state.user;
}
