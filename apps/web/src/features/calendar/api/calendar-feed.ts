import { unwrap } from '@beacon/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const calendarFeedKey = ['calendar-feed'] as const;

/** Whether this person has a calendar feed, and since when (never its address: that is shown once). */
export function getCalendarFeed() {
  return unwrap(api.GET('/api/calendar/feed'));
}

export function getCalendarFeedQueryOptions() {
  return queryOptions({ queryKey: calendarFeedKey, queryFn: getCalendarFeed });
}

export function useCalendarFeed() {
  return useQuery(getCalendarFeedQueryOptions());
}

/** A new secret address (any earlier one stops working); the answer holds the address, once. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/calendar/feed')),
    onSuccess: (feed) => queryClient.setQueryData(calendarFeedKey, { ...feed, url: null }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.DELETE('/api/calendar/feed').then(() => undefined),
    onSuccess: () => queryClient.setQueryData(calendarFeedKey, { active: false, url: null, createdAt: null }),
  });
}
