import { unwrap, type Schemas } from '@beacon/api-client';
import { queryOptions } from '@tanstack/react-query';
import { api } from './api';

/**
 * Hospitals and their wards: reference data managed on the Hospitals page and chosen from when
 * a manager sets up a visit schedule, so both read one cache.
 */
export type Hospital = Schemas['HospitalDto'];
export type Ward = Schemas['WardDto'];

export const hospitalsKey = ['hospitals'] as const;
export const wardsKey = [...hospitalsKey, 'wards'] as const;

export function hospitalsQueryOptions() {
  return queryOptions({
    queryKey: [...hospitalsKey, 'list'],
    queryFn: () => unwrap(api.GET('/api/hospitals')),
    staleTime: 5 * 60_000,
  });
}

/** Every ward of every hospital (the area has a handful), hospital by hospital. */
export function wardsQueryOptions() {
  return queryOptions({
    queryKey: wardsKey,
    queryFn: () => unwrap(api.GET('/api/wards')),
    staleTime: 5 * 60_000,
  });
}

/** Wards grouped under their hospitals' names, in the order the API lists them. */
export function wardsByHospital(wards: readonly Ward[]): { hospitalName: string; wards: Ward[] }[] {
  const groups = new Map<string, Ward[]>();
  for (const ward of wards) groups.set(ward.hospitalName, [...(groups.get(ward.hospitalName) ?? []), ward]);
  return [...groups].map(([hospitalName, list]) => ({ hospitalName, wards: list }));
}
