import { isProblem } from '@beacon/api-client';
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
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
