import { isProblem } from '@beacon/api-client';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isProblemType } from './problems';

export interface QueryClientOptions {
  /**
   * A request was refused because the person must set up two-step verification first (their
   * grace ended while Beacon was open): the app reloads the account and shows the set-up page.
   */
  onEnrolmentRequired?: () => void;
  /**
   * A request was refused because the person's password is one an admin gave (reset meanwhile,
   * say): the app reloads the account and shows the page to choose their own.
   */
  onPasswordChangeRequired?: () => void;
}

/** Which step a refused request says the person must take before anything else, if any. */
export function requiredAccountStep(error: unknown): 'password-change' | 'mfa-enrolment' | null {
  if (!isProblem(error, 403)) return null;
  if (isProblemType(error, 'password-change-required')) return 'password-change';
  if (isProblemType(error, 'mfa-enrolment-required')) return 'mfa-enrolment';
  return null;
}

export function createQueryClient({
  onEnrolmentRequired,
  onPasswordChangeRequired,
}: QueryClientOptions = {}): QueryClient {
  const onError = (error: unknown) => {
    const step = requiredAccountStep(error);
    if (step === 'mfa-enrolment') onEnrolmentRequired?.();
    if (step === 'password-change') onPasswordChangeRequired?.();
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
