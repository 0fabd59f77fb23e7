import type { CaseloadReferral } from '../api/get-caseload';

/**
 * The order an advocate works in: people still waiting for first contact first (soonest due
 * first, urgent before routine on the same day), then active cases, longest-running first.
 */
export function sortCaseload(referrals: readonly CaseloadReferral[]): CaseloadReferral[] {
  const rank = (r: CaseloadReferral) => (r.firstContactAt === null ? 0 : 1);
  return [...referrals].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 0 ? (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') : 0) ||
      (rank(a) === 0 ? Number(b.priority === 'URGENT') - Number(a.priority === 'URGENT') : 0) ||
      a.receivedAt.localeCompare(b.receivedAt),
  );
}
