import { LOCAL_AUTHORITY_LABELS, SOURCE_LABELS, londonDate } from '@beacon/domain';
import { Link } from 'react-router';
import { DueDate, EligibilityTag, PriorityTag, StatusTag } from '../../../components/referral-tags';
import { paths } from '../../../config/paths';
import { formatDay } from '../../../lib/format';
import { SERVICE_SHORT_LABELS, daysText, personName } from '../../../lib/referrals';
import type { ReferralSummary } from '../api/get-referrals';
import { TableWrap } from '../../../components/table-wrap';

/**
 * Referrals as rows that link to each referral. A queue shows source and eligibility (what triage
 * decides on); `withStatus`, for mixed lists, shows status and advocate instead.
 */
export function ReferralsTable({
  referrals,
  caption,
  withStatus = false,
}: {
  referrals: ReferralSummary[];
  caption: string;
  withStatus?: boolean;
}) {
  const today = londonDate();
  return (
    <TableWrap>
      <table className="table table--referrals">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Person</th>
            <th scope="col">Service</th>
            {withStatus && <th scope="col">Status</th>}
            {!withStatus && <th scope="col">Source</th>}
            <th scope="col">Area</th>
            <th scope="col">Priority</th>
            <th scope="col">Received</th>
            <th scope="col">Contact due</th>
            {withStatus ? <th scope="col">Advocate</th> : <th scope="col">Eligibility</th>}
          </tr>
        </thead>
        <tbody>
          {referrals.map((referral) => (
            <tr key={referral.id}>
              <th scope="row" className="nowrap">
                <Link to={paths.referral.getHref(referral.id)}>{referral.reference}</Link>
              </th>
              <td className="cell-person">{personName(referral.client)}</td>
              <td>{SERVICE_SHORT_LABELS[referral.serviceType]}</td>
              {withStatus && (
                <td>
                  <StatusTag status={referral.status} />
                </td>
              )}
              {!withStatus && <td>{SOURCE_LABELS[referral.source]}</td>}
              <td>{LOCAL_AUTHORITY_LABELS[referral.localAuthority]}</td>
              <td>
                <PriorityTag priority={referral.priority} />
              </td>
              <td>
                <span className="nowrap">{formatDay(referral.receivedAt)}</span>
                <span className="cell-note nowrap">
                  {referral.firstContactAt
                    ? `seen after ${daysText(referral.daysWaiting)}`
                    : `${daysText(referral.daysWaiting)} waiting`}
                </span>
              </td>
              <td>
                <DueDate referral={referral} today={today} />
              </td>
              {withStatus ? (
                <td>{referral.allocatedAdvocate?.displayName ?? <span className="muted">—</span>}</td>
              ) : (
                <td>
                  <EligibilityTag eligible={referral.eligible} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
