import { Link } from 'react-router';
import { DueDate, PriorityTag, StatusTag } from '../../../components/referral-tags';
import { paths } from '../../../config/paths';
import { formatDay, formatShortDay, formatTime } from '../../../lib/format';
import { londonDayOf } from '../../../lib/dates';
import { SERVICE_SHORT_LABELS, daysText, personName } from '../../../lib/referrals';
import type { CaseloadReferral } from '../api/get-caseload';
import type { NextMeeting } from '../utils/dashboard';
import { TableWrap } from '../../../components/table-wrap';

/** Open cases, each with its wait (or first contact) and its next meeting from the calendar. */
export function CaseloadTable({
  referrals,
  today,
  meetings,
}: {
  referrals: CaseloadReferral[];
  today: string;
  /** Next meeting by referral id; undefined while the calendar loads. */
  meetings: Map<string, NextMeeting> | undefined;
}) {
  return (
    <TableWrap>
      <table className="table table--referrals">
        <caption className="visually-hidden">My open cases, those awaiting first contact first</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Person</th>
            <th scope="col">Service</th>
            <th scope="col">Status</th>
            <th scope="col">Received</th>
            <th scope="col">Contact due</th>
            <th scope="col">Next meeting</th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((referral) => (
            <tr key={referral.id} className={referral.firstContactAt ? undefined : 'row--attention'}>
              <th scope="row" className="nowrap">
                <Link to={paths.referral.getHref(referral.id)}>{referral.reference}</Link>
              </th>
              <td className="cell-person">{personName(referral.client)}</td>
              <td>{SERVICE_SHORT_LABELS[referral.serviceType]}</td>
              <td>
                <span className="tags tags--cell">
                  {referral.firstContactAt ? (
                    <StatusTag status={referral.status} />
                  ) : (
                    <span className="tag tag--warning">Awaiting first contact</span>
                  )}
                  {referral.priority === 'URGENT' && <PriorityTag priority={referral.priority} />}
                </span>
              </td>
              <td>
                <span className="nowrap">{formatDay(referral.receivedAt)}</span>
                <span className="cell-note nowrap">
                  {referral.firstContactAt
                    ? `contacted ${formatDay(referral.firstContactAt)}`
                    : `${daysText(referral.daysWaiting)} waiting`}
                </span>
              </td>
              <td>
                {referral.firstContactAt ? (
                  <span className="muted">Met</span>
                ) : (
                  <DueDate referral={referral} today={today} />
                )}
              </td>
              <td>
                <NextMeetingCell meeting={meetings?.get(referral.id)} loading={!meetings} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function NextMeetingCell({ meeting, loading }: { meeting: NextMeeting | undefined; loading: boolean }) {
  if (loading) return <span className="muted">…</span>;
  if (!meeting) return <span className="muted">None booked</span>;
  return (
    <>
      <span className="nowrap">
        {formatShortDay(londonDayOf(meeting.startsAt))}, {formatTime(meeting.startsAt)}
      </span>
      <span className="cell-note">{meeting.kind}</span>
    </>
  );
}
