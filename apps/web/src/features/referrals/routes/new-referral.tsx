import { can } from '@beacon/domain';
import { Link, useNavigate } from 'react-router';
import { PageHeading } from '../../../components/page-heading';
import { paths } from '../../../config/paths';
import { personName } from '../../../lib/referrals';
import { useUser } from '../../../lib/use-session';
import { IntakeForm } from '../components/intake-form';

export function NewReferralRoute() {
  const navigate = useNavigate();
  const me = useUser();
  const back = can(me.roles, 'referrals.triage')
    ? { href: paths.referrals.getHref(), label: 'Referrals' }
    : { href: paths.caseload.getHref(), label: 'My caseload' };
  return (
    <section className="page">
      <p className="breadcrumb">
        <Link to={back.href}>{back.label}</Link>
      </p>
      <PageHeading>New referral</PageHeading>
      <p className="lead">
        Record who the referral is for and why. The preview shows whether the person is eligible as you
        answer; the referral then waits for a manager to triage it.
      </p>
      <IntakeForm
        onCreated={(referral) =>
          navigate(paths.referral.getHref(referral.id), {
            state: {
              notice: `Referral ${referral.reference} for ${personName(referral.client)} was received.`,
            },
          })
        }
      />
    </section>
  );
}
