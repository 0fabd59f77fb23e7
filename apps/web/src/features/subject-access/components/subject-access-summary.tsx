import {
  AUTHORISATION_METHOD_LABELS,
  CLOSURE_OUTCOME_LABELS,
  ISSUE_LABELS,
  LOCAL_AUTHORITY_LABELS,
  MEETING_KIND_LABELS,
  NOTE_KIND_LABELS,
  PRIORITY_LABELS,
  RECORDS_ACCESS_BASIS_LABELS,
  SERVICE_TYPE_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
} from '@beacon/domain';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime, formatMinutes } from '../../../lib/format';
import { personName } from '../../../lib/referrals';
import {
  exportCounts,
  type SarMeeting,
  type SarNote,
  type SarRecordsAccess,
  type SarReferral,
  type SubjectAccessExport,
} from '../utils/subject-access';
import { TableWrap } from '../../../components/table-wrap';

/** The words for a stored code, or the code itself when it is one this screen does not know. */
function label(labels: Readonly<Record<string, string>>, value: string | null): string | null {
  return value === null ? null : (labels[value] ?? value);
}

const EVENT_LABELS: Record<string, string> = {
  RECEIVED: 'Received',
  TRIAGE_ACCEPT: 'Accepted at triage',
  TRIAGE_DECLINE: 'Declined',
  ALLOCATE: 'Allocated',
  RECORD_FIRST_CONTACT: 'First contact made',
  CLOSE: 'Closed',
};

const when = (iso: string | null) => (iso ? formatDateTime(iso) : null);
const day = (date: string | null) => (date ? formatDate(date) : null);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function NotRecorded() {
  return <span className="muted">Not recorded</span>;
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div>
      <dt>{term}</dt>
      <dd>{empty ? <NotRecorded /> : children}</dd>
    </div>
  );
}

/**
 * Everything held about one person, laid out to be read and printed: their details, then each
 * referral with its history, signposting, notes (every version), meetings and records access,
 * then the authorisations they gave. The JSON download is the complete record; this is its
 * readable form.
 */
export function SubjectAccessSummary({ data }: { data: SubjectAccessExport }) {
  const { client } = data;
  const name = personName(client) || 'this person';
  const counts = exportCounts(data);
  return (
    <article className="sar" aria-labelledby="sar-title">
      <header className="sar__header">
        <h2 id="sar-title" className="section-title">
          Everything held about {name}
        </h2>
        <p className="muted">
          Exported from Beacon {data.exportedAt ? `on ${formatDateTime(data.exportedAt)} (UK time)` : ''}.{' '}
          {data.about}
        </p>
        <p>
          {[
            plural(counts.referrals, 'referral', 'referrals'),
            plural(counts.notes, 'case note', 'case notes'),
            plural(counts.meetings, 'meeting', 'meetings'),
            plural(counts.recordsAccess, 'records access entry', 'records access entries'),
            plural(counts.authorisations, 'authorisation', 'authorisations'),
          ].join(', ')}
          .
        </p>
      </header>

      <section className="sar__section" aria-labelledby="sar-person-title">
        <h3 id="sar-person-title" className="sar__heading">
          Personal details
        </h3>
        <dl className="summary-list">
          <Item term="Name">{name}</Item>
          <Item term="Date of birth">{day(client.dateOfBirth)}</Item>
          <Item term="NHS number">{client.nhsNumber}</Item>
          <Item term="Phone">{client.phone}</Item>
          <Item term="Email">{client.email && <span className="break">{client.email}</span>}</Item>
          <Item term="Address">{client.address && <span className="pre-line">{client.address}</span>}</Item>
          <Item term="Local authority">{label(LOCAL_AUTHORITY_LABELS, client.localAuthority)}</Item>
          <Item term="Record created">
            {client.createdAt &&
              `${formatDateTime(client.createdAt)}${client.createdByName ? ` by ${client.createdByName}` : ''}`}
          </Item>
          <Item term="Record id">
            <code className="id">{client.id}</code>
          </Item>
        </dl>
      </section>

      <section className="sar__section" aria-labelledby="sar-referrals-title">
        <h3 id="sar-referrals-title" className="sar__heading">
          Referrals ({data.referrals.length})
        </h3>
        {data.referrals.length === 0 ? (
          <p className="muted">No referrals are held for {name}.</p>
        ) : (
          data.referrals.map((referral) => <Referral key={referral.id} referral={referral} />)
        )}
      </section>

      <section className="sar__section" aria-labelledby="sar-authorisations-title">
        <h3 id="sar-authorisations-title" className="sar__heading">
          Authorisations ({data.authorisations.length})
        </h3>
        <p className="muted">
          People {name} has authorised to make a referral or share information on their behalf as a carer.
        </p>
        {data.authorisations.length === 0 ? (
          <p className="muted">None held.</p>
        ) : (
          data.authorisations.map((a) => (
            <dl key={a.id} className="summary-list sar__block">
              <Item term="Authorised">
                {a.authorisedName}
                {a.authorisedRelationship && ` (${a.authorisedRelationship})`}
              </Item>
              <Item term="For">{a.scope}</Item>
              <Item term="Given">
                {[day(a.givenOn), label(AUTHORISATION_METHOD_LABELS, a.method)].filter(Boolean).join(', ')}
              </Item>
              <Item term="Expires">{a.expiresOn ? day(a.expiresOn) : 'No expiry'}</Item>
              {a.withdrawnAt && (
                <Item term="Withdrawn">
                  {formatDateTime(a.withdrawnAt)}
                  {a.withdrawnByName && ` by ${a.withdrawnByName}`}
                  {a.withdrawalReason && `: ${a.withdrawalReason}`}
                </Item>
              )}
              <Item term="Recorded by">{a.recordedByName}</Item>
            </dl>
          ))
        )}
      </section>
    </article>
  );
}

function Referral({ referral: r }: { referral: SarReferral }) {
  const titleId = `sar-referral-${r.id}`;
  return (
    <section className="sar__referral" aria-labelledby={titleId}>
      <h4 id={titleId} className="sar__referral-title">
        {r.reference}
        {r.serviceType && <span className="muted"> · {label(SERVICE_TYPE_LABELS, r.serviceType)}</span>}
      </h4>
      <dl className="summary-list">
        <Item term="Status">{label(STATUS_LABELS, r.status)}</Item>
        <Item term="Received">{when(r.receivedAt)}</Item>
        <Item term="Referred by">
          {[
            label(SOURCE_LABELS, r.source),
            r.referrer &&
              [r.referrer.name, r.referrer.relationship, r.referrer.organisation].filter(Boolean).join(', '),
          ]
            .filter(Boolean)
            .join(': ')}
        </Item>
        {r.referrer && (r.referrer.phone || r.referrer.email) && (
          <Item term="Referrer’s contact">
            {[r.referrer.phone, r.referrer.email].filter(Boolean).join(' · ')}
          </Item>
        )}
        <Item term="Priority">{label(PRIORITY_LABELS, r.priority)}</Item>
        <Item term="Help wanted with">
          {r.issues.length ? r.issues.map((issue) => label(ISSUE_LABELS, issue)).join(', ') : null}
        </Item>
        <Item term="In their words">{r.summary && <span className="pre-line">{r.summary}</span>}</Item>
        <Item term="Eligible">
          {r.eligible === null ? null : r.eligible ? 'Yes' : 'No'}
          {r.eligibilityReasons.length > 0 && (
            <ul className="reasons">
              {r.eligibilityReasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
        </Item>
        <Item term="Advocate">{r.allocatedAdvocateName}</Item>
        <Item term="First contact">{when(r.firstContactAt)}</Item>
        <Item term="Due by">{day(r.dueDate)}</Item>
        {r.declineReason && <Item term="Declined because">{r.declineReason}</Item>}
        {(r.outcome || r.closedAt) && (
          <Item term="Closed">
            {[when(r.closedAt), label(CLOSURE_OUTCOME_LABELS, r.outcome), r.closureReason]
              .filter(Boolean)
              .join(' · ')}
          </Item>
        )}
      </dl>

      <h5 className="sar__subheading">History</h5>
      {r.history.length === 0 ? (
        <p className="muted">No history recorded.</p>
      ) : (
        <TableWrap>
          <table className="table">
            <caption className="visually-hidden">History of {r.reference}</caption>
            <thead>
              <tr>
                <th scope="col">When (UK)</th>
                <th scope="col">What</th>
                <th scope="col">Status</th>
                <th scope="col">By</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {r.history.map((event) => (
                <tr key={event.id}>
                  <td className="nowrap">{when(event.at)}</td>
                  <td>{EVENT_LABELS[event.action] ?? event.action}</td>
                  <td>
                    {[label(STATUS_LABELS, event.fromStatus), label(STATUS_LABELS, event.toStatus)]
                      .filter(Boolean)
                      .join(' → ')}
                  </td>
                  <td>{event.actorName ?? <NotRecorded />}</td>
                  <td>{event.reason ?? <span className="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {r.signposting.length > 0 && (
        <>
          <h5 className="sar__subheading">Signposted to</h5>
          <ul className="signposts">
            {r.signposting.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong>
                {s.note && <span className="signposts__note">{s.note}</span>}
                {s.createdAt && <span className="signposts__when muted">{formatDateTime(s.createdAt)}</span>}
              </li>
            ))}
          </ul>
        </>
      )}

      <h5 className="sar__subheading">Case notes ({r.notes.length})</h5>
      {r.notes.length === 0 ? (
        <p className="muted">No case notes.</p>
      ) : (
        r.notes.map((note) => <Note key={note.id} note={note} />)
      )}

      <h5 className="sar__subheading">Meetings ({r.meetings.length})</h5>
      {r.meetings.length === 0 ? <p className="muted">No meetings.</p> : <Meetings meetings={r.meetings} />}

      <h5 className="sar__subheading">Records access ({r.recordsAccess.length})</h5>
      {r.recordsAccess.length === 0 ? (
        <p className="muted">No records accessed.</p>
      ) : (
        <RecordsAccess items={r.recordsAccess} />
      )}
    </section>
  );
}

function Note({ note }: { note: SarNote }) {
  return (
    <div className="sar__note">
      <p className="sar__note-meta">
        <strong>{label(NOTE_KIND_LABELS, note.kind) ?? 'Note'}</strong>
        {[
          when(note.createdAt),
          note.createdByName,
          note.minutesSpent !== null ? formatMinutes(note.minutesSpent) : null,
        ]
          .filter(Boolean)
          .map((part) => ` · ${part}`)
          .join('')}
      </p>
      {note.versions.map((version, index) => (
        <div key={`${version.version ?? index}`} className="sar__version">
          <p className="muted sar__version-meta">
            Version {version.version ?? index + 1}
            {version.createdAt && `, ${formatDateTime(version.createdAt)}`}
            {version.createdByName && `, ${version.createdByName}`}
            {version.reason && ` · Reason for the change: ${version.reason}`}
          </p>
          <p className="pre-line">{version.body}</p>
        </div>
      ))}
    </div>
  );
}

function Meetings({ meetings }: { meetings: SarMeeting[] }) {
  return (
    <TableWrap>
      <table className="table">
        <caption className="visually-hidden">Meetings</caption>
        <thead>
          <tr>
            <th scope="col">When (UK)</th>
            <th scope="col">Kind</th>
            <th scope="col">Where</th>
            <th scope="col">Who was there</th>
            <th scope="col">Outcome</th>
            <th scope="col">Recorded by</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr key={m.id}>
              <td className="nowrap">
                {when(m.startsAt)}
                {m.durationMinutes !== null && (
                  <span className="cell-note">{formatMinutes(m.durationMinutes)}</span>
                )}
              </td>
              <td>{label(MEETING_KIND_LABELS, m.kind)}</td>
              <td>
                {m.location}
                {m.inPrivate !== null && (
                  <span className="cell-note">{m.inPrivate ? 'In private' : 'Not in private'}</span>
                )}
              </td>
              <td>{m.attendees.join(', ') || <NotRecorded />}</td>
              <td className="pre-line">{m.outcome ?? <NotRecorded />}</td>
              <td>{m.createdByName ?? <NotRecorded />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function RecordsAccess({ items }: { items: SarRecordsAccess[] }) {
  return (
    <TableWrap>
      <table className="table">
        <caption className="visually-hidden">Records access</caption>
        <thead>
          <tr>
            <th scope="col">On</th>
            <th scope="col">Records</th>
            <th scope="col">Held by</th>
            <th scope="col">Basis</th>
            <th scope="col">Recorded by</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td className="nowrap">{day(a.accessedOn) ?? <NotRecorded />}</td>
              <td>{a.recordsDescription ?? <NotRecorded />}</td>
              <td>{a.heldBy ?? <NotRecorded />}</td>
              <td>{label(RECORDS_ACCESS_BASIS_LABELS, a.basis) ?? <NotRecorded />}</td>
              <td>{a.recordedByName ?? <NotRecorded />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
