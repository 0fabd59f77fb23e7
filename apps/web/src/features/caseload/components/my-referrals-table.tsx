import { Link } from 'react-router';
import { StatusTag } from '../../../components/referral-tags';
import { paths } from '../../../config/paths';
import { formatDay } from '../../../lib/format';
import { SERVICE_SHORT_LABELS, personName, type ReferralSummary } from '../../../lib/referrals';
import { TableWrap } from '../../../components/table-wrap';

/** Referrals this person took, and where each one is now. */
export function MyReferralsTable({ referrals }: { referrals: ReferralSummary[] }) {
  return (
    <TableWrap>
      <table className="table">
        <caption className="visually-hidden">Referrals I took, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Person</th>
            <th scope="col">Service</th>
            <th scope="col">Received</th>
            <th scope="col">Status</th>
            <th scope="col">Advocate</th>
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
              <td className="nowrap">{formatDay(referral.receivedAt)}</td>
              <td>
                <StatusTag status={referral.status} />
              </td>
              <td>
                {referral.allocatedAdvocate?.displayName ?? <span className="muted">Not allocated</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
