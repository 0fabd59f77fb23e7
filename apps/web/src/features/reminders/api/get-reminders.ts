import { unwrap, type Schemas } from '@beacon/api-client';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type Reminder = Schemas['ReminderDto'];

/** Everything about reminders: dismissing one refreshes the list and the count together. */
export const remindersKey = ['reminders'] as const;
const listKey = [...remindersKey, 'list'] as const;
const countKey = [...remindersKey, 'count'] as const;

const PAGE_SIZE = 50;

export function getReminders(cursor?: string) {
  return unwrap(api.GET('/api/reminders', { params: { query: { limit: PAGE_SIZE, cursor } } }));
}

export function getReminderCount() {
  return unwrap(api.GET('/api/reminders/count'));
}

export function useReminders() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: listKey,
      queryFn: ({ pageParam }) => getReminders(pageParam),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
}

/** The number in the navigation: looked at again on each page after a minute (reminders change hourly). */
export function useReminderCount(enabled: boolean) {
  return useQuery(
    queryOptions({ queryKey: countKey, queryFn: getReminderCount, staleTime: 60_000, enabled }),
  );
}
