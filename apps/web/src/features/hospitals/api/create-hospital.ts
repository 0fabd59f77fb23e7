import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { hospitalsKey } from '../../../lib/hospitals';

export type CreateHospitalBody = Schemas['CreateHospitalInput'];

export function createHospital(body: CreateHospitalBody) {
  return unwrap(api.POST('/api/hospitals', { body }));
}

export function useCreateHospital() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createHospital,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hospitalsKey }),
  });
}
