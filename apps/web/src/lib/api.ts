import { createApiClient, isProblem, unwrap } from '@beacon/api-client';
import { Session } from './session';

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
    channel: typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('beacon-session') : undefined,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  },
);

export const api = createApiClient({
  baseUrl: '',
  getAccessToken: session.getAccessToken,
  refresh: session.refresh,
});
