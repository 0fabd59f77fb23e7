import { errorText, isStaleVersion } from '../../../lib/problems';

export const CONFLICT_TEXT = 'Someone else changed this account; the latest version is shown';

/** The sentence for a refused change: a stale version, a rule (422, in the server's words) or anything else. */
export function problemText(error: unknown): string {
  if (isStaleVersion(error)) return CONFLICT_TEXT;
  return errorText(error);
}
