import { useState } from 'react';
import { conflictOf, type Conflict, type Versioned } from './conflicts';

/**
 * The conflict, if any, of a form or dialog that sends versioned changes to `record` (kept live by
 * its query, so a 409 reloads it). Call `sending(record)` as each change is sent. While a change
 * applied again from a conflict notice is on its way (`busy`), that notice stays.
 */
export function useConflict<T extends Versioned>(
  record: T | null | undefined,
  problem: unknown,
  busy: boolean,
): { conflict: Conflict<T> | null; sending: (on: T) => void } {
  const [sent, setSent] = useState<{ on: T; from: Conflict<T> | null } | null>(null);
  const found = conflictOf(problem, sent?.on ?? null, record);
  return {
    conflict: found ?? (busy && sent?.from ? sent.from : null),
    sending: (on) => setSent({ on, from: found }),
  };
}
