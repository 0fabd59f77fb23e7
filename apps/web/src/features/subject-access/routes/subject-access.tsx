import { londonDate } from '@beacon/domain';
import { useEffect, useRef, useState } from 'react';
import { AccessReasonDialog } from '../../../components/access-reason-dialog';
import { Button } from '../../../components/button';
import { LiveRegion, Notice } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { PersonFinder } from '../../../components/person-finder';
import { isAccessReasonRequired } from '../../../lib/access-reason';
import { describeClient, type ClientRecord } from '../../../lib/client-search';
import { saveFile } from '../../../lib/download';
import { errorText } from '../../../lib/problems';
import { personName } from '../../../lib/referrals';
import { useAccessReason } from '../../../lib/use-access-reason';
import { useExportSubjectAccess } from '../api/export-subject-access';
import { SubjectAccessSummary } from '../components/subject-access-summary';
import { subjectAccessFilename } from '../utils/subject-access';

/**
 * A subject access request (UK GDPR Article 15): find the person, export everything Beacon holds
 * about them with the reason (the SAR reference), then download the JSON and print the summary.
 * Nothing of it is kept once the page is left.
 */
export function SubjectAccessRoute() {
  const searchReason = useAccessReason('clients.list');
  const exporter = useExportSubjectAccess();
  const [person, setPerson] = useState<ClientRecord | null>(null);
  const [asking, setAsking] = useState(false);
  const [lastReason, setLastReason] = useState('');
  const result = exporter.data && exporter.data.clientId === person?.id ? exporter.data : null;
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  function choose(client: ClientRecord | null) {
    exporter.reset();
    setPerson(client);
  }

  function download() {
    if (!result) return;
    saveFile(
      new Blob([result.json], { type: 'application/json' }),
      subjectAccessFilename(result.clientId, londonDate()),
    );
  }

  return (
    <section className="page">
      <div className="no-print">
        <PageHeading>Subject access</PageHeading>
        <p className="lead">
          When someone asks for the information Beacon holds about them, find them here and export everything
          held: their record, referrals with history, notes with every version, meetings, records access and
          authorisations. Searching and exporting are kept in the audit trail with your reasons.
        </p>

        <section className="card" aria-labelledby="sar-person-title">
          <h2 id="sar-person-title" className="section-title">
            1. The person
          </h2>
          {person ? (
            <div className="chosen" aria-live="polite">
              <p className="chosen__name">
                <strong>{personName(person)}</strong>
                <span className="muted choice-list__meta">{describeClient(person)}</span>
              </p>
              <Button variant="link" onClick={() => choose(null)}>
                Change person
              </Button>
            </div>
          ) : (
            <PersonFinder id="sar-person" reason={searchReason} onChoose={choose} />
          )}
        </section>

        {person && (
          <section className="card" aria-labelledby="sar-export-title">
            <h2 id="sar-export-title" className="section-title">
              2. Export
            </h2>
            <p>
              Exports everything held about {personName(person)} as one file, and shows it below in a form to
              read and print.
            </p>
            <Button variant="primary" onClick={() => setAsking(true)} disabled={exporter.isPending}>
              {exporter.isPending ? 'Exporting…' : 'Export everything held'}
            </Button>
            <LiveRegion politeness="assertive">
              {exporter.isError && (
                <Notice
                  tone="error"
                  title={
                    isAccessReasonRequired(exporter.error)
                      ? 'Beacon needs a reason for the export'
                      : 'The export did not work'
                  }
                >
                  <p>{errorText(exporter.error)}</p>
                </Notice>
              )}
            </LiveRegion>
          </section>
        )}
      </div>

      {result && (
        <>
          <div ref={resultRef} tabIndex={-1} className="no-print sar__ready">
            <Notice tone="success" title="The export is ready">
              <p>
                Download the file to send to {personName(person ?? result.data.client)} (or keep with the
                request), and print the summary below if a paper copy is wanted.
              </p>
              <div className="actions">
                <Button variant="primary" onClick={download}>
                  Download JSON
                </Button>
                <Button onClick={() => window.print()}>Print</Button>
              </div>
            </Notice>
          </div>
          <SubjectAccessSummary data={result.data} />
        </>
      )}

      <AccessReasonDialog
        id="sar-export"
        open={asking}
        title={person ? `Export everything held about ${personName(person)}?` : 'Export'}
        label="Reason for the export"
        hint="For example the subject access request reference (SAR-2026-014). It is kept in the audit trail with the export."
        submitLabel="Export everything held"
        initial={lastReason || searchReason.reason || ''}
        onCancel={() => setAsking(false)}
        onGive={(reason) => {
          if (!person) return;
          setAsking(false);
          setLastReason(reason);
          exporter.mutate({ clientId: person.id, reason });
        }}
      />
    </section>
  );
}
