import { isProblem } from '@beacon/api-client';
import { errorText } from '../../../lib/problems';

export const CONFLICT_TEXT = 'Someone else changed this account; the latest version is shown';

/** The sentence for a refused change: a stale version, a rule (422, in the server's words) or anything else. */
export function problemText(error: unknown): string {
  if (isProblem(error, 409) && !error.fieldErrors.length) return CONFLICT_TEXT;
  return errorText(error);
}
