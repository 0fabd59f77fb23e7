import { useQuery } from '@tanstack/react-query';
import { signpostingServicesQueryOptions } from '../../../lib/signposting';

/** Every entry, retired ones too: admins maintain the whole directory. */
export function useSignpostingDirectory() {
  return useQuery(signpostingServicesQueryOptions(true));
}
