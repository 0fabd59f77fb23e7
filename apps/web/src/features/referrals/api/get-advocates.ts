import { useQuery } from '@tanstack/react-query';
import { advocatesQueryOptions } from '../../../lib/advocates';

export { advocatesKey, getAdvocates, type Advocate } from '../../../lib/advocates';

export function getAdvocatesQueryOptions() {
  return advocatesQueryOptions();
}

export function useAdvocates({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...advocatesQueryOptions(), enabled });
}
