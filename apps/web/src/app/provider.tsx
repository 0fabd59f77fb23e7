import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { reloadUser, session } from '../lib/api';
import { clearNoteDrafts, sessionDraftStorage } from '../lib/drafts';
import { createQueryClient } from '../lib/query-client';

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    // Refused for a step that comes first (choose a password, set up two-step verification): the
    // account as the API has it now tells the shell which page to show.
    const reload = () => void reloadUser().catch(() => undefined);
    return createQueryClient({ onEnrolmentRequired: reload, onPasswordChangeRequired: reload });
  });

  // Whatever ends the session (sign out here or in another tab, expiry), nothing fetched for it may stay on screen.
  // Note drafts outlive an expired session or an inactivity sign-out (they are restored after
  // signing in again), but not a deliberate sign-out, nor the next person to sign in on this tab.
  useEffect(
    () =>
      session.subscribe(() => {
        const state = session.getState();
        if (state.status === 'signed-out') queryClient.clear();
        if (state.status === 'signed-out' && state.reason === 'signed-out')
          clearNoteDrafts(sessionDraftStorage());
        if (state.status === 'signed-in') clearNoteDrafts(sessionDraftStorage(), state.user.id);
      }),
    [queryClient],
  );

  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
