import { can } from '@beacon/domain';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/page-heading';
import { paths } from '../../../config/paths';
import { personName } from '../../../lib/referrals';
import { useUser } from '../../../lib/use-session';
import { parseDateParam } from '../../../lib/dates';
import { IntakeForm } from '../components/intake-form';
import { initialIntake } from '../utils/intake';

export function NewReferralRoute() {
  const navigate = useNavigate();
  const me = useUser();
  const [params] = useSearchParams();
  // Read once: the form is the state from here on.
  const [initial] = useState(() => initialIntake(params));
  const visitDate = parseDateParam(params.get('visitDate'));
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
        initial={initial}
        visitDate={visitDate}
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
