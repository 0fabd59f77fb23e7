import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { reloadUser, session } from '../lib/api';
import { clearDrafts, hasDraftsOf, markSignedIn, sessionDraftStorage } from '../lib/drafts';
import { createQueryClient } from '../lib/query-client';

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    // Refused for a step that comes first (choose a password, set up two-step verification): the
    // account as the API has it now tells the shell which page to show.
    const reload = () => void reloadUser().catch(() => undefined);
    return createQueryClient({ onEnrolmentRequired: reload, onPasswordChangeRequired: reload });
  });

  // Whatever ends the session (sign out here or in another tab, expiry), nothing fetched for it may stay on screen.
  // Drafts of forms outlive an expired session or an inactivity sign-out (they are restored after
  // signing in again), but not a deliberate sign-out, nor the next person to sign in on this tab.
  useEffect(() => {
    let previous = session.getState().status;
    return session.subscribe(() => {
      const state = session.getState();
      if (state.status === 'signed-out') queryClient.clear();
      if (state.status === 'signed-out' && state.reason === 'signed-out') clearDrafts(sessionDraftStorage());
      if (state.status === 'signed-in') {
        clearDrafts(sessionDraftStorage(), state.user.id);
        // Signed in again after being signed out with drafts kept: each says so when restored.
        const storage = sessionDraftStorage();
        if (previous === 'signed-out' && hasDraftsOf(storage, state.user.id))
          markSignedIn(storage, state.user.id);
      }
      previous = state.status;
    });
  }, [queryClient]);

  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
