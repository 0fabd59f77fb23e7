import { isProblem } from '@beacon/api-client';
import { can, londonDate } from '@beacon/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { Notice } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { EmptyState, Loading } from '../../../components/status';
import { VisitStatusTag } from '../../../components/visit-tags';
import { paths } from '../../../config/paths';
import { parseDateParam } from '../../../lib/dates';
import {
  formatDateTime,
  formatLongDate,
  formatMinutes,
  formatShortDay,
  formatTimeRange,
} from '../../../lib/format';
import { errorText, isStaleVersion } from '../../../lib/problems';
import { useDraftWaiting } from '../../../lib/use-draft';
import { useUser } from '../../../lib/use-session';
import { visitQueryOptions } from '../../../lib/visit-queries';
import type { Visit } from '../../../lib/visits';
import { useCancelVisit } from '../api/cancel-visit';
import { useLogVisit } from '../api/log-visit';
import { useMoveVisit } from '../api/move-visit';
import { CancelVisitDialog } from '../components/cancel-visit-dialog';
import { MoveVisitDialog } from '../components/move-visit-dialog';
import { VisitLogForm } from '../components/visit-log-form';
import { heldSummary } from '../utils/visit-forms';

type Message = { tone: 'success' | 'info' | 'error'; title?: string; text: string; addReferral?: boolean };

export function VisitRoute() {
  const { visitId = '' } = useParams();
  const [params] = useSearchParams();
  // A fresh page (and fresh messages) for each visit.
  return <VisitPage key={visitId} visitId={visitId} date={parseDateParam(params.get('date'))} />;
}

function VisitPage({ visitId, date }: { visitId: string; date: string | null }) {
  const me = useUser();
  const options = visitQueryOptions(visitId, date);
  const visit = useQuery(options);
  const back = me.roles.includes('ADVOCATE') ? (
    <Link to={paths.caseload.getHref()}>My caseload</Link>
  ) : (
    <Link to={paths.calendar.getHref()}>Calendar</Link>
  );

  if (visit.isPending) return <Loading label="Loading the visit…" />;
  if (visit.isError) {
    const notFound = isProblem(visit.error, 404) || isProblem(visit.error, 400);
    return (
      <section className="page page--narrow">
        <p className="breadcrumb">{back}</p>
        <PageHeading>{notFound ? 'Visit not found' : 'The visit could not be loaded'}</PageHeading>
        <EmptyState
          title={
            notFound ? 'There is no ward visit at this address that you can open.' : errorText(visit.error)
          }
        >
          {notFound ? (
            <p>Find the visit from your caseload or the calendar.</p>
          ) : (
            <Button onClick={() => visit.refetch()}>Try again</Button>
          )}
        </EmptyState>
      </section>
    );
  }
  return <VisitDetails visit={visit.data} visitKey={options.queryKey} back={back} />;
}

function VisitDetails({
  visit,
  visitKey,
  back,
}: {
  visit: Visit;
  visitKey: readonly unknown[];
  back: ReactNode;
}) {
  const me = useUser();
  const [today] = useState(() => londonDate());
  const [message, setMessage] = useState<Message | null>(null);
  const draftWaiting = useDraftWaiting();
  // A log (or its correction) being typed when the session ended comes back, as does a cancellation.
  const [correcting, setCorrecting] = useState(
    () => visit.status !== 'PLANNED' && draftWaiting(`visit-log.${visit.id}`),
  );
  const [dialog, setDialog] = useState<'move' | 'cancel' | null>(() =>
    visit.status === 'PLANNED' &&
    can(me.roles, 'visits.reschedule') &&
    draftWaiting(`cancel-visit.${visit.id}`)
      ? 'cancel'
      : null,
  );
  const [opening, setOpening] = useState(0);
  const messageRef = useRef<HTMLDivElement>(null);
  const log = useLogVisit(visit.id, visitKey);
  const move = useMoveVisit(visit.id, visitKey);
  const cancel = useCancelVisit(visit.id, visitKey);
  const mayReschedule = can(me.roles, 'visits.reschedule');
  const planned = visit.status === 'PLANNED';
  // A visit is logged on its day or after; before then it can only be moved or cancelled ahead.
  const ahead = planned && visit.date > today;
  // A log on its way stays on screen: if someone else logged the visit first, the reloaded visit is
  // no longer planned, and the form must stay with its answers and the conflict notice.
  const showForm = (planned && !ahead) || correcting || log.isPending;

  // After a change the form or dialog is gone: the outcome takes focus, so nobody is left on nothing.
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const refused = (error: unknown, close: () => void) => {
    // A stale version stays where it was made, with what changed and the person's answers.
    if (isStaleVersion(error)) return;
    if ((isProblem(error, 409) || isProblem(error, 422)) && !error.fieldErrors.length) {
      close();
      setMessage({ tone: 'error', title: 'This could not be done', text: error.detail });
    }
    // Field errors stay beside their fields.
  };

  function openDialog(name: 'move' | 'cancel') {
    move.reset();
    cancel.reset();
    setMessage(null);
    setOpening((n) => n + 1);
    setDialog(name);
  }

  return (
    <section className="page visit-page">
      <p className="breadcrumb">{back}</p>
      <PageHeading title={`Ward visit: ${visit.wardName}, ${formatShortDay(visit.date)}`}>
        Ward visit: {visit.wardName} <span className="page-heading__sub">{visit.hospitalName}</span>
      </PageHeading>
      <p className="tags">
        <VisitStatusTag visit={visit} />
        {visit.moved && visit.plannedDate && (
          <span className="tag tag--muted">Moved from {formatShortDay(visit.plannedDate)}</span>
        )}
      </p>
      <dl className="summary-list summary-list--plain visit-page__when">
        <div>
          <dt>When</dt>
          <dd>
            {formatLongDate(visit.date)}, {formatTimeRange(visit.startsAt, visit.endsAt)}
          </dd>
        </div>
        {visit.advocateId !== me.id && (
          <div>
            <dt>Advocate</dt>
            <dd>{visit.advocateName}</dd>
          </div>
        )}
      </dl>

      <div ref={messageRef} tabIndex={-1} className="live-region" aria-live="polite" aria-atomic="true">
        {message && (
          <Notice tone={message.tone} title={message.title}>
            <p>{message.text}</p>
            {message.addReferral && <AddReferralLink visit={visit} />}
          </Notice>
        )}
      </div>

      {showForm ? (
        <section className="form-section visit-page__log" aria-labelledby="visit-log-title">
          <h2 id="visit-log-title" className="section-title">
            {planned ? 'Log this visit' : 'Correct the log'}
          </h2>
          <VisitLogForm
            visit={visit}
            today={today}
            busy={log.isPending}
            problem={log.error}
            submitLabel={planned ? 'Save the log' : 'Save the corrected log'}
            onCancel={correcting && !planned ? () => setCorrecting(false) : undefined}
            onDiscard={() => setCorrecting(false)}
            onSubmit={(body, saved) =>
              log.mutate(body, {
                onSuccess: (after) => {
                  saved();
                  setCorrecting(false);
                  setMessage(
                    after.status === 'HELD'
                      ? {
                          tone: 'success',
                          title: 'Visit logged as held',
                          text: `${heldSummary(after)}, ${formatMinutes(after.minutesSpent)}.`,
                          addReferral: after.newReferrals > 0,
                        }
                      : {
                          tone: 'success',
                          title: 'Visit logged as cancelled',
                          text: after.cancelReason ?? '',
                        },
                  );
                },
                onError: (error) => {
                  // Logged or changed by someone else meanwhile: the form stays, with the answers.
                  if (isStaleVersion(error)) setCorrecting(true);
                  refused(error, () => setCorrecting(false));
                },
              })
            }
          />
        </section>
      ) : ahead ? (
        <section className="card card--tight" aria-labelledby="visit-ahead-title">
          <h2 id="visit-ahead-title" className="section-title">
            Still to come
          </h2>
          <p>Log this visit on {formatLongDate(visit.date)} or after, once it has happened.</p>
        </section>
      ) : (
        <LoggedVisit
          visit={visit}
          onCorrect={() => {
            setMessage(null);
            log.reset();
            setCorrecting(true);
          }}
        />
      )}

      {planned && mayReschedule && (
        <section className="card card--tight" aria-labelledby="visit-plan-title">
          <h2 id="visit-plan-title" className="section-title">
            Change the plan
          </h2>
          <p className="muted">
            Moving or cancelling ahead changes this visit only, not the weekly schedule.
          </p>
          <div className="actions actions--tight">
            <Button onClick={() => openDialog('move')}>Move this visit</Button>
            <Button variant="danger" onClick={() => openDialog('cancel')}>
              Cancel this visit
            </Button>
          </div>
          <MoveVisitDialog
            key={`move-${opening}`}
            visit={visit}
            open={dialog === 'move'}
            busy={move.isPending}
            problem={move.error}
            onCancel={() => setDialog(null)}
            onSubmit={(body) =>
              move.mutate(body, {
                onSuccess: (after) => {
                  setDialog(null);
                  setMessage({
                    tone: 'success',
                    text: `Visit moved to ${formatLongDate(after.date)}, ${formatTimeRange(after.startsAt, after.endsAt)}.`,
                  });
                },
                onError: (error) => refused(error, () => setDialog(null)),
              })
            }
          />
          <CancelVisitDialog
            key={`cancel-${opening}`}
            visit={visit}
            open={dialog === 'cancel'}
            busy={cancel.isPending}
            problem={cancel.error}
            onCancel={() => setDialog(null)}
            onSubmit={(body) =>
              cancel.mutate(body, {
                onSuccess: () => {
                  setDialog(null);
                  setMessage({ tone: 'success', text: 'Visit cancelled.' });
                },
                onError: (error) => refused(error, () => setDialog(null)),
              })
            }
          />
        </section>
      )}
    </section>
  );
}

/** The intake form, started as a referral picked up on this visit. */
function AddReferralLink({ visit }: { visit: Visit }) {
  const me = useUser();
  if (!can(me.roles, 'referrals.create')) return null;
  return (
    <Link
      className="button button--primary button--large"
      to={paths.newReferral.getHref({ visitId: visit.id, date: visit.date })}
    >
      Add referral picked up on this visit
    </Link>
  );
}

function LoggedVisit({ visit, onCorrect }: { visit: Visit; onCorrect: () => void }) {
  const rows: [string, ReactNode][] =
    visit.status === 'HELD'
      ? [
          ['Patients seen', visit.patientsSeen],
          ['New referrals', visit.newReferrals],
          ['Time spent', formatMinutes(visit.minutesSpent)],
          [
            'Note',
            visit.note ? <span className="pre-line">{visit.note}</span> : <span className="muted">None</span>,
          ],
        ]
      : [
          ['Reason', visit.cancelReason ?? <span className="muted">Not recorded</span>],
          ['Time spent', formatMinutes(visit.minutesSpent)],
          ...(visit.note
            ? ([
                [
                  'Note',
                  <span className="pre-line" key="note">
                    {visit.note}
                  </span>,
                ],
              ] as [string, ReactNode][])
            : []),
        ];
  return (
    <section className="card card--tight" aria-labelledby="visit-logged-title">
      <h2 id="visit-logged-title" className="section-title">
        {visit.status === 'HELD' ? 'Held' : 'Cancelled'}
      </h2>
      <dl className="summary-list summary-list--plain">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {visit.loggedAt && (
          <div>
            <dt>Logged</dt>
            <dd>{formatDateTime(visit.loggedAt)}</dd>
          </div>
        )}
      </dl>
      <div className="actions actions--tight">
        {visit.status === 'HELD' && visit.newReferrals > 0 && <AddReferralLink visit={visit} />}
        <Button onClick={onCorrect}>Correct the log</Button>
      </div>
    </section>
  );
}
