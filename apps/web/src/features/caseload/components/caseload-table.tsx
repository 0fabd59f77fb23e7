import { Link } from 'react-router';
import { DueDate, PriorityTag, StatusTag } from '../../../components/referral-tags';
import { paths } from '../../../config/paths';
import { formatDay } from '../../../lib/format';
import { SERVICE_SHORT_LABELS, daysText, personName } from '../../../lib/referrals';
import type { CaseloadReferral } from '../api/get-caseload';

export function CaseloadTable({ referrals, today }: { referrals: CaseloadReferral[]; today: string }) {
  return (
    <div className="table-wrap">
      <table className="table table--referrals">
        <caption className="visually-hidden">My open cases, those awaiting first contact first</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Person</th>
            <th scope="col">Service</th>
            <th scope="col">Status</th>
            <th scope="col">Priority</th>
            <th scope="col">Received</th>
            <th scope="col">Contact due</th>
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
                {referral.firstContactAt ? (
                  <StatusTag status={referral.status} />
                ) : (
                  <span className="tag tag--warning">Awaiting first contact</span>
                )}
              </td>
              <td>
                <PriorityTag priority={referral.priority} />
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
