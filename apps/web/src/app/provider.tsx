import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { session } from '../lib/api';
import { createQueryClient } from '../lib/query-client';

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  // Whatever ends the session (sign out here or in another tab, expiry), nothing fetched for it may stay on screen.
  useEffect(
    () =>
      session.subscribe(() => {
        if (session.getState().status === 'signed-out') queryClient.clear();
      }),
    [queryClient],
  );

  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
