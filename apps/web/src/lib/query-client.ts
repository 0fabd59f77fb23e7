import { isProblem } from '@beacon/api-client';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isProblemType } from './problems';

export interface QueryClientOptions {
  /**
   * A request was refused because the person must set up two-step verification first (their
   * grace ended while Beacon was open): the app reloads the account and shows the set-up page.
   */
  onEnrolmentRequired?: () => void;
}

export function createQueryClient({ onEnrolmentRequired }: QueryClientOptions = {}): QueryClient {
  const onError = (error: unknown) => {
    if (isProblem(error, 403) && isProblemType(error, 'mfa-enrolment-required')) onEnrolmentRequired?.();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will answer the same again; only transient failures are worth another try.
        retry: (failures, error) => failures < 2 && !(isProblem(error) && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
