import { isProblem } from '@beacon/api-client';
import { SERVICE_TYPE_LABELS, can } from '@beacon/domain';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Button } from '../../../components/button';
import { Notice } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { EligibilityTag, PriorityTag, StatusTag } from '../../../components/referral-tags';
import { EmptyState, Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { errorText } from '../../../lib/problems';
import { personName } from '../../../lib/referrals';
import { useUser } from '../../../lib/use-session';
import { useReferral } from '../api/get-referral';
import { CaseTimeline } from '../components/case-timeline';
import { EqualityMonitoringCard } from '../components/equality-monitoring-card';
import { MeetingsSection } from '../components/meetings-section';
import { RecordsAccessSection } from '../components/records-access-section';
import { ReferralActions, type ActionMessage } from '../components/referral-actions';
import {
  AuthorisationCard,
  EligibilityCard,
  HistoryCard,
  ImhaInformationCard,
  OutcomeCard,
  ReferralOverview,
  ReferralStatusCard,
  ReferrerCard,
  ScopeCard,
  SignpostingCard,
} from '../components/referral-details';

export function ReferralRoute() {
  const { referralId = '' } = useParams();
  // A fresh page (and fresh messages) for each referral.
  return <ReferralPage key={referralId} referralId={referralId} />;
}

function ReferralPage({ referralId }: { referralId: string }) {
  const me = useUser();
  const location = useLocation();
  const referral = useReferral(referralId);
  const received = (location.state as { notice?: string } | null)?.notice;
  const [message, setMessage] = useState<ActionMessage | null>(
    received ? { tone: 'success', text: received } : null,
  );
  const messageRef = useRef<HTMLDivElement>(null);

  // After an action the dialog is gone: the outcome takes focus, so nobody is left on nothing.
  useEffect(() => {
    if (message && message.text !== received) messageRef.current?.focus();
  }, [message, received]);

  const back = can(me.roles, 'referrals.triage') ? (
    <Link to={paths.referrals.getHref()}>Referrals</Link>
  ) : me.roles.includes('ADVOCATE') ? (
    <Link to={paths.caseload.getHref()}>My caseload</Link>
  ) : (
    <Link to={paths.home.getHref()}>Home</Link>
  );

  if (referral.isPending) return <Loading label="Loading the referral…" />;
  if (referral.isError) {
    // 404 is also the answer for a referral that is not this person's: the page never says which.
    const notFound = isProblem(referral.error, 404) || isProblem(referral.error, 400);
    return (
      <section className="page page--narrow">
        <p className="breadcrumb">{back}</p>
        <PageHeading>{notFound ? 'Referral not found' : 'The referral could not be loaded'}</PageHeading>
        <EmptyState
          title={
            notFound ? 'There is no referral at this address that you can open.' : errorText(referral.error)
          }
        >
          {notFound ? (
            <p>Check the link, or find the referral from your list.</p>
          ) : (
            <Button onClick={() => referral.refetch()}>Try again</Button>
          )}
        </EmptyState>
      </section>
    );
  }

  const data = referral.data;
  const name = personName(data.client);
  return (
    <section className="page">
      <p className="breadcrumb">{back}</p>
      <div className="page-header referral-header">
        <div>
          <PageHeading title={`${data.reference} – ${name}`}>
            {data.reference} <span className="page-heading__sub">{name}</span>
          </PageHeading>
          <p className="tags">
            <StatusTag status={data.status} />
            <PriorityTag priority={data.priority} />
            <EligibilityTag eligible={data.eligible} />
            <span className="muted">{SERVICE_TYPE_LABELS[data.serviceType]}</span>
          </p>
        </div>
        <ReferralActions referral={data} onMessage={setMessage} />
      </div>
      <div ref={messageRef} tabIndex={-1} className="live-region" aria-live="polite" aria-atomic="true">
        {message && (
          <Notice tone={message.tone} title={message.title}>
            <p>{message.text}</p>
          </Notice>
        )}
      </div>
      <div className="referral-layout">
        <div className="referral-layout__main">
          <ReferralOverview referral={data} />
          {can(me.roles, 'timeline.read') && <CaseTimeline referral={data} />}
          {can(me.roles, 'meetings.list') && <MeetingsSection referral={data} />}
          {can(me.roles, 'recordsAccess.list') && <RecordsAccessSection referral={data} />}
          <EligibilityCard referral={data} />
          <ScopeCard referral={data} />
          <SignpostingCard referral={data} />
          <OutcomeCard referral={data} />
          <HistoryCard referral={data} />
        </div>
        <div className="referral-layout__side">
          <ReferralStatusCard referral={data} />
          <ReferrerCard referral={data} />
          <AuthorisationCard referral={data} />
          <ImhaInformationCard referral={data} />
          <EqualityMonitoringCard clientId={data.clientId} />
        </div>
      </div>
    </section>
  );
}
