import { useQuery } from '@tanstack/react-query';
import { Notice } from '../../../components/notice';
import { formatLongDate, formatTimeRange } from '../../../lib/format';
import { visitQueryOptions } from '../../../lib/visit-queries';

/**
 * Which ward visit a referral is being picked up on (from the visit's log), or, without one, that
 * a ward-visit referral needs no referrer.
 */
export function WardVisitNote({ visitId, visitDate }: { visitId: string; visitDate: string | null }) {
  const visit = useQuery({ ...visitQueryOptions(visitId, visitDate), enabled: !!visitId });
  if (!visitId) {
    return (
      <Notice>
        <p>Met on a ward visit: no referrer is needed. You are recorded as the person who took it.</p>
      </Notice>
    );
  }
  return (
    <div data-testid="ward-visit">
      <Notice title="Picked up on a ward visit">
        {visit.isPending ? (
          <p>Finding the visit…</p>
        ) : visit.isError ? (
          <p>The referral will be linked to the visit you logged. No referrer is needed.</p>
        ) : (
          <p>
            {visit.data.wardName}, {visit.data.hospitalName}: {formatLongDate(visit.data.date)},{' '}
            {formatTimeRange(visit.data.startsAt, visit.data.endsAt)}. No referrer is needed.
          </p>
        )}
      </Notice>
    </div>
  );
}
