import { PageHeading } from '../../../components/page-heading';
import { EmptyState } from '../../../components/status';

/** The manager's triage queue. Referral intake and triage arrive with the referrals feature. */
export function ReferralsRoute() {
  return (
    <section className="page">
      <PageHeading>Referrals</PageHeading>
      <EmptyState title="No referrals waiting for triage.">
        <p>New referrals will appear here for you to check eligibility and allocate to an advocate.</p>
      </EmptyState>
    </section>
  );
}
