import { createApiClient, isProblem, unwrap } from '@beacon/api-client';
import { Session, type SessionUser } from './session';

/**
 * Tabs of the app talk on this channel: sign-in and sign-out (the session) and activity (the
 * inactivity clock, see use-inactivity.ts). One object per tab, as a channel never hears itself.
 */
export const sessionChannel: BroadcastChannel | undefined =
  typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('beacon-session') : undefined;

/** The one session of this tab and the typed API client that uses it. */
export const session = new Session(
  {
    refresh: async () => {
      try {
        return await unwrap(api.POST('/api/auth/refresh'));
      } catch (error) {
        if (isProblem(error, 401)) return null;
        throw error;
      }
    },
    logout: async () => {
      await api.POST('/api/auth/logout');
    },
  },
  {
    locks: typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : undefined,
    channel: sessionChannel,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    refreshOnlyWhenActive: true,
  },
);

export const api = createApiClient({
  baseUrl: '',
  getAccessToken: session.getAccessToken,
  refresh: session.refresh,
});

/**
 * The signed-in account as the API has it now (GET /api/auth/me), taken into this tab's session:
 * after something changed it (two-step verification turned on or off), so the shell follows.
 */
export async function reloadUser(): Promise<SessionUser> {
  const me = await unwrap(api.GET('/api/auth/me'));
  session.userChanged(me);
  return me;
}
