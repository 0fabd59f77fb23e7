import { VISIT_STATUS_LABELS } from '@beacon/domain';
import { isMissed, type Visit } from '../lib/visits';

/** Where a visit stands, in words: planned, held, cancelled, and "not logged" once it is over. */
export function VisitStatusTag({ visit }: { visit: Pick<Visit, 'status' | 'missed'> }) {
  if (isMissed(visit)) return <span className="tag tag--danger">Not logged</span>;
  const tone =
    visit.status === 'HELD' ? 'tag--ok' : visit.status === 'CANCELLED' ? 'tag--muted' : 'tag--info';
  return <span className={`tag ${tone}`}>{VISIT_STATUS_LABELS[visit.status]}</span>;
}
