import {
  AUTHORISATION_METHOD_LABELS,
  AUTHORISATION_STATE_LABELS,
  CLOSURE_OUTCOME_LABELS,
  ISSUE_LABELS,
  LOCAL_AUTHORITY_LABELS,
  SERVICE_TYPE_LABELS,
  SOURCE_LABELS,
  type Issue,
} from '@beacon/domain';
import type { ReactNode } from 'react';
import { DueDate, EligibilityTag } from '../../../components/referral-tags';
import { Loading } from '../../../components/status';
import { formatDate, formatDateTime } from '../../../lib/format';
import { daysText, personName } from '../../../lib/referrals';
import { useAuthorisations } from '../api/get-authorisations';
import type { Referral } from '../api/get-referral';
import { factRows } from '../utils/facts';
import { eventLabel, signpostsByEvent } from '../utils/history';
import { IMHA_METHOD_LABELS } from '../utils/intake';
import { TableWrap } from '../../../components/table-wrap';
import { QueryError } from '../../../components/query-error';

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card card--tight" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="summary-list summary-list--plain">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const none = <span className="muted">Not recorded</span>;

/** Where the referral stands and its key dates: what a manager or advocate looks at first. */
export function ReferralStatusCard({ referral }: { referral: Referral }) {
  const ended = referral.status === 'DECLINED' || referral.status === 'CLOSED';
  const waiting = referral.firstContactAt
    ? `${daysText(referral.daysWaiting)} (received to first contact)`
    : ended
      ? `${daysText(referral.daysWaiting)} (no contact made)`
      : `${daysText(referral.daysWaiting)} so far`;
  return (
    <Card id="referral-status" title="Progress">
      <Rows
        rows={[
          [
            'Allocated advocate',
            referral.allocatedAdvocate?.displayName ?? <span className="muted">Not allocated</span>,
          ],
          ['Received', formatDateTime(referral.receivedAt)],
          ...(referral.status === 'DECLINED'
            ? []
            : ([['First contact due', <DueDate key="due" referral={referral} />]] as [string, ReactNode][])),
          [
            'First contact',
            referral.firstContactAt ? (
              formatDateTime(referral.firstContactAt)
            ) : (
              <span className="muted">Not yet</span>
            ),
          ],
          ['Days waiting', waiting],
          ['Taken by', referral.createdBy.displayName],
          ...(referral.closedAt
            ? ([
                [referral.status === 'DECLINED' ? 'Declined' : 'Closed', formatDateTime(referral.closedAt)],
              ] as [string, ReactNode][])
            : []),
        ]}
      />
    </Card>
  );
}

export function ReferralOverview({ referral }: { referral: Referral }) {
  return (
    <Card id="referral-overview" title="Referral">
      <Rows
        rows={[
          ['Person', personName(referral.client)],
          ['Date of birth', referral.client.dateOfBirth ? formatDate(referral.client.dateOfBirth) : none],
          ['Service', SERVICE_TYPE_LABELS[referral.serviceType]],
          ['Area', LOCAL_AUTHORITY_LABELS[referral.localAuthority]],
          ['Source', SOURCE_LABELS[referral.source]],
          ['Summary', referral.summary ? <span className="pre-line">{referral.summary}</span> : none],
        ]}
      />
    </Card>
  );
}

export function ReferrerCard({ referral }: { referral: Referral }) {
  const referrer = referral.referrer;
  if (!referrer) return null;
  return (
    <Card id="referral-referrer" title="Referrer">
      <Rows
        rows={[
          ['Name', referrer.name],
          ['Relationship or role', referrer.relationship ?? none],
          ['Organisation', referrer.organisation ?? none],
          ['Phone', referrer.phone ?? none],
          ['Email', referrer.email ? <span className="break">{referrer.email}</span> : none],
        ]}
      />
    </Card>
  );
}

export function EligibilityCard({ referral }: { referral: Referral }) {
  return (
    <Card id="referral-eligibility" title="Eligibility">
      <p>
        <EligibilityTag eligible={referral.eligibility.eligible} />{' '}
        {referral.eligibility.eligible
          ? `for ${SERVICE_TYPE_LABELS[referral.serviceType]}`
          : 'It can only be declined.'}
      </p>
      {referral.eligibility.reasons.length > 0 && (
        <ul className="reasons">
          {referral.eligibility.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      <h3 className="subheading">Facts recorded</h3>
      <Rows rows={factRows(referral.facts).map(({ label, value }) => [label, value])} />
    </Card>
  );
}

function IssueList({ issues }: { issues: readonly string[] }) {
  return (
    <ul className="inline-list">
      {issues.map((issue) => (
        <li key={issue}>{ISSUE_LABELS[issue as Issue] ?? issue}</li>
      ))}
    </ul>
  );
}

export function ScopeCard({ referral }: { referral: Referral }) {
  const { inScope, outOfScope } = referral.scope;
  return (
    <Card id="referral-scope" title="Issues and scope">
      <Rows
        rows={[
          [
            'In scope',
            inScope.length ? (
              <IssueList issues={inScope} />
            ) : (
              <span className="muted">None: decline and signpost</span>
            ),
          ],
          [
            'Out of scope',
            outOfScope.length ? (
              <>
                <IssueList issues={outOfScope} />
                <span className="tag tag--warning">Signpost</span>
              </>
            ) : (
              <span className="muted">None</span>
            ),
          ],
        ]}
      />
    </Card>
  );
}

export function ImhaInformationCard({ referral }: { referral: Referral }) {
  if (referral.serviceType !== 'IMHA') return null;
  const info = referral.imhaInformation;
  return (
    <Card id="referral-imha" title="Told about IMHA (section 130D)">
      {!info ? (
        <p className="muted">Not recorded at intake.</p>
      ) : (
        <Rows
          rows={[
            ['Told about IMHA', info.informed ? 'Yes' : 'No'],
            ...(info.informed
              ? ([
                  ['Date told', info.informedOn ? formatDate(info.informedOn) : none],
                  ['Told by', info.informedBy ?? none],
                  ['How', info.method ? IMHA_METHOD_LABELS[info.method] : none],
                ] as [string, ReactNode][])
              : []),
          ]}
        />
      )}
    </Card>
  );
}

/** The carer's authorisation the referral was made under (third-party carers referrals). */
export function AuthorisationCard({ referral }: { referral: Referral }) {
  const authorisations = useAuthorisations(referral.authorisationId ? referral.clientId : null);
  if (!referral.authorisationId) return null;
  const authorisation = authorisations.data?.items.find((item) => item.id === referral.authorisationId);
  return (
    <Card id="referral-authorisation" title="Carer’s authorisation">
      {authorisations.isPending ? (
        <Loading label="Loading the authorisation…" />
      ) : authorisations.isError ? (
        <QueryError title="The authorisation could not be loaded" query={authorisations} />
      ) : !authorisation ? (
        <p className="muted">The authorisation could not be found.</p>
      ) : (
        <Rows
          rows={[
            ['Authorised', `${authorisation.authorisedName} (${authorisation.authorisedRelationship})`],
            ['What they may do', authorisation.scope],
            [
              'Given',
              `${formatDate(authorisation.givenOn)}, ${AUTHORISATION_METHOD_LABELS[authorisation.method].toLowerCase()}`,
            ],
            ['Expires', authorisation.expiresOn ? formatDate(authorisation.expiresOn) : 'No expiry'],
            [
              'State today',
              <span
                key="state"
                className={authorisation.state === 'VALID' ? 'tag tag--ok' : 'tag tag--danger'}
              >
                {AUTHORISATION_STATE_LABELS[authorisation.state]}
              </span>,
            ],
          ]}
        />
      )}
    </Card>
  );
}

export function OutcomeCard({ referral }: { referral: Referral }) {
  if (referral.status === 'DECLINED') {
    return (
      <Card id="referral-outcome" title="Declined">
        <Rows rows={[['Reason', referral.declineReason ?? none]]} />
      </Card>
    );
  }
  if (referral.status === 'CLOSED') {
    return (
      <Card id="referral-outcome" title="Closed">
        <Rows
          rows={[
            ['Outcome', referral.outcome ? CLOSURE_OUTCOME_LABELS[referral.outcome] : none],
            ['Reason', referral.closureReason ?? none],
          ]}
        />
      </Card>
    );
  }
  return null;
}

export function SignpostingCard({ referral }: { referral: Referral }) {
  if (referral.signposting.length === 0 && referral.scope.outOfScope.length === 0) return null;
  return (
    <Card id="referral-signposting" title="Signposting">
      {referral.signposting.length === 0 ? (
        <p className="muted">No signposting recorded yet.</p>
      ) : (
        <ul className="signposts">
          {referral.signposting.map((signpost) => (
            <li key={signpost.id}>
              <strong>{signpost.name}</strong>
              {signpost.note && <span className="signposts__note">{signpost.note}</span>}
              <span className="muted signposts__when">{formatDateTime(signpost.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function HistoryCard({ referral }: { referral: Referral }) {
  const signposted = signpostsByEvent(referral.history, referral.signposting);
  return (
    <section className="card card--tight" aria-labelledby="referral-history">
      <h2 id="referral-history" className="section-title">
        History
      </h2>
      <TableWrap>
        <table className="table">
          <caption className="visually-hidden">Status history, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">By</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {referral.history.map((event) => (
              <tr key={event.id}>
                <td className="nowrap">{formatDateTime(event.at)}</td>
                <th scope="row">{eventLabel(event)}</th>
                <td>{event.actor.displayName}</td>
                <td>
                  {event.advocate && <p>To {event.advocate.displayName}</p>}
                  {event.reason && <p className="pre-line">{event.reason}</p>}
                  {signposted.has(event.id) && (
                    <p>
                      Signposted to{' '}
                      {signposted
                        .get(event.id)
                        ?.map((signpost) => signpost.name)
                        .join(', ')}
                    </p>
                  )}
                  {!event.advocate && !event.reason && !signposted.has(event.id) && (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
