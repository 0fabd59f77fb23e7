import { Link } from 'react-router';
import { VisitStatusTag } from '../../../components/visit-tags';
import { paths } from '../../../config/paths';
import { formatShortDay, formatTimeRange } from '../../../lib/format';
import { isMissed, type Visit } from '../../../lib/visits';

/**
 * Ward visits as a list of big rows: ward, day and time, where the visit stands and what to do
 * next (log it, or open it). Made to be tapped on a tablet as well as clicked.
 */
export function VisitList({ visits, today, label }: { visits: Visit[]; today: string; label: string }) {
  return (
    <ul className="visit-list" aria-label={label}>
      {visits.map((visit) => {
        const toLog = visit.status === 'PLANNED' && visit.date <= today;
        return (
          <li
            key={visit.id}
            className={isMissed(visit) ? 'visit-list__item visit-list__item--missed' : 'visit-list__item'}
          >
            <div className="visit-list__what">
              <span className="visit-list__ward">{visit.wardName}</span>
              <span className="visit-list__where">{visit.hospitalName}</span>
            </div>
            <div className="visit-list__when">
              <span className="nowrap">{formatShortDay(visit.date)}</span>{' '}
              <span className="nowrap">{formatTimeRange(visit.startsAt, visit.endsAt)}</span>
            </div>
            <div className="visit-list__status">
              <VisitStatusTag visit={visit} />
            </div>
            <div className="visit-list__action">
              <Link
                className={toLog ? 'button button--primary' : 'button button--secondary'}
                to={paths.visit.getHref(visit.id, visit.date)}
                aria-label={`${toLog ? 'Log' : 'Open'} the visit to ${visit.wardName}, ${formatShortDay(visit.date)}`}
              >
                {toLog ? 'Log' : 'Open'}
              </Link>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
