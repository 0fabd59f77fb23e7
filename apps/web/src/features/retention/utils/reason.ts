/** The API's rule for an anonymisation reason: 5 to 500 characters once trimmed. */
export const REASON_MIN = 5;
export const REASON_MAX = 500;

export function reasonProblem(text: string): string | null {
  const reason = text.trim();
  if (!reason) return 'Say why this case is being anonymised';
  if (reason.length < REASON_MIN) return `The reason must be at least ${REASON_MIN} characters`;
  if (reason.length > REASON_MAX) return `The reason must be at most ${REASON_MAX} characters`;
  return null;
}

/** "Closed 9 years ago": how long ago an ISO instant was, in whole years (at least months). */
export function ageOf(iso: string, now = new Date()): string {
  const then = new Date(iso);
  let months = (now.getUTCFullYear() - then.getUTCFullYear()) * 12 + now.getUTCMonth() - then.getUTCMonth();
  if (now.getUTCDate() < then.getUTCDate()) months -= 1;
  if (months >= 12) {
    const years = Math.floor(months / 12);
    return `${years} year${years === 1 ? '' : 's'} ago`;
  }
  return `${Math.max(months, 0)} month${months === 1 ? '' : 's'} ago`;
}
