import { PageHeading } from '../../../components/page-heading';
import { EmptyState } from '../../../components/status';

/** The advocate's own cases. Referrals, and so allocations, arrive with the referrals feature. */
export function CaseloadRoute() {
  return (
    <section className="page">
      <PageHeading>My caseload</PageHeading>
      <EmptyState title="No cases allocated to you yet.">
        <p>When a manager allocates a referral to you, it will appear here with its next steps.</p>
      </EmptyState>
    </section>
  );
}
