import { SERVICE_TYPE_LABELS, STATUS_LABELS, isReferralStatus, londonDate } from '@beacon/domain';
import { useId, useState } from 'react';
import { Button } from '../../../components/button';
import { TextArea } from '../../../components/fields';
import { FormDialog } from '../../../components/form-dialog';
import { LiveRegion, Notice } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { EmptyState, Loading } from '../../../components/status';
import { formatDate } from '../../../lib/format';
import { errorText } from '../../../lib/problems';
import { useAnonymise } from '../api/anonymise';
import { useRetentionDue, type RetentionDue } from '../api/get-retention-due';
import { REASON_MAX, ageOf, reasonProblem } from '../utils/reason';
import { TableWrap } from '../../../components/table-wrap';
import { QueryError } from '../../../components/query-error';

type Message = { tone: 'success' | 'error'; text: string };

const dateOf = (iso: string) => formatDate(londonDate(new Date(iso)));

/**
 * The retention review queue (admins): cases closed or declined longer ago than their service's
 * retention period. Nothing is deleted on its own: an admin confirms each anonymisation with a
 * reason, and both the queue and the decision are in the audit trail.
 */
export function RetentionRoute() {
  const due = useRetentionDue();
  const anonymise = useAnonymise();
  const reasonId = useId();
  const [chosen, setChosen] = useState<RetentionDue | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const items = due.data?.items ?? [];

  function open(item: RetentionDue) {
    anonymise.reset();
    setChosen(item);
    setReason('');
    setProblem(null);
    setMessage(null);
  }

  function confirm() {
    if (!chosen) return;
    const invalid = reasonProblem(reason);
    setProblem(invalid);
    if (invalid) return;
    anonymise.mutate(
      { id: chosen.id, reason: reason.trim() },
      {
        onSuccess: () => {
          setMessage({ tone: 'success', text: `${chosen.reference} is anonymised.` });
          setChosen(null);
        },
        onError: (error) => {
          setMessage({ tone: 'error', text: errorText(error) });
          setChosen(null);
        },
      },
    );
  }

  return (
    <section className="page">
      <PageHeading>Retention review</PageHeading>
      <p className="lead">
        Cases closed or declined longer ago than their service’s retention period. Anonymising removes the
        person’s details and the case’s text (notes in every version, meeting details, reasons) and keeps
        dates, statuses and counts, so reports still add up. Nothing is deleted, and nothing happens without
        your confirmation.
      </p>
      <LiveRegion>{message ? <Notice tone={message.tone}>{message.text}</Notice> : null}</LiveRegion>
      {due.isPending ? (
        <Loading label="Loading the review queue…" />
      ) : due.isError ? (
        <QueryError title="The review queue could not be loaded" query={due} />
      ) : items.length === 0 ? (
        <EmptyState title="No case is due for review.">
          <p>Cases appear here when their retention period after closure has passed.</p>
        </EmptyState>
      ) : (
        <TableWrap>
          <table className="table">
            <caption className="visually-hidden">Cases due for anonymisation review, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Service</th>
                <th scope="col">Status</th>
                <th scope="col">Closed</th>
                <th scope="col">Retention</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{item.reference}</td>
                  <td>{SERVICE_TYPE_LABELS[item.serviceType]}</td>
                  <td>{isReferralStatus(item.status) ? STATUS_LABELS[item.status] : item.status}</td>
                  <td>
                    {dateOf(item.closedAt)}
                    <br />
                    <span className="muted">{ageOf(item.closedAt)}</span>
                  </td>
                  <td>
                    {item.retentionYears} years, due since {dateOf(item.dueSince)}
                  </td>
                  <td>
                    <Button variant="secondary" onClick={() => open(item)}>
                      Anonymise…
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <FormDialog
        open={chosen !== null}
        title={chosen ? `Anonymise ${chosen.reference}` : 'Anonymise'}
        submitLabel="Anonymise this case"
        busyLabel="Anonymising…"
        tone="danger"
        busy={anonymise.isPending}
        problems={problem ? [{ fieldId: reasonId, text: problem }] : []}
        onSubmit={confirm}
        onCancel={() => setChosen(null)}
      >
        <p>
          This cannot be undone. The person’s name, contact details and date of birth go too once none of
          their cases is still held in full.
        </p>
        <TextArea
          id={reasonId}
          label="Why now"
          hint="For example the review this is part of. Kept in the audit trail."
          value={reason}
          maxLength={REASON_MAX}
          rows={3}
          error={problem ?? undefined}
          onChange={(event) => setReason(event.target.value)}
        />
      </FormDialog>
    </section>
  );
}
