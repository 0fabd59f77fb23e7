import { useCallback, useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, following changes (a tablet turned, a window resized). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Below this width the calendar grids become a list (phones, a tablet split screen). */
export const NARROW_SCREEN = '(max-width: 47.99rem)';
