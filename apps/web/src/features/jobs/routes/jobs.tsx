import { useState } from 'react';
import { Button } from '../../../components/button';
import { MessageRegion, Notice, type Message } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { Loading } from '../../../components/status';
import { TableWrap } from '../../../components/table-wrap';
import { formatDateTime } from '../../../lib/format';
import { errorText } from '../../../lib/problems';
import { useJobs, type JobRun, type JobStatus, type Watched } from '../api/get-jobs';
import { useRunJob } from '../api/run-job';
import { failedJobs, schedulerQuiet } from '../utils/status';

function Outcome({ run }: { run: JobRun }) {
  return run.outcome === 'SUCCEEDED' ? (
    <span className="tag tag--ok">Succeeded</span>
  ) : (
    <span className="tag tag--danger">Failed</span>
  );
}

function LastRun({ job }: { job: JobStatus }) {
  if (!job.lastRun) return <span className="muted">Not run yet</span>;
  return (
    <>
      <Outcome run={job.lastRun} /> <span className="nowrap">{formatDateTime(job.lastRun.finishedAt)}</span>
      {job.lastRun.trigger === 'MANUAL' && <span className="muted"> (run now)</span>}
      <br />
      <span className="job-summary">{job.lastRun.summary}</span>
    </>
  );
}

function Queue({ job }: { job: JobStatus }) {
  const parts = [
    job.active > 0 ? `${job.active} running` : null,
    job.queued > 0 ? `${job.queued} waiting` : null,
    job.failedLast7Days > 0 ? `${job.failedLast7Days} failed in 7 days` : null,
  ].filter(Boolean);
  return <>{parts.length ? parts.join(', ') : <span className="muted">Idle</span>}</>;
}

/**
 * Background jobs (admins): each job's schedule, its last run and what came of it, the next run
 * and its queue, and "Run now". A failed run, such as a broken audit chain, is shown first.
 */
export function JobsRoute() {
  const [watched, setWatched] = useState<Watched | null>(null);
  const jobs = useJobs({ watch: watched });
  const run = useRunJob();
  const [message, setMessage] = useState<Message | null>(null);
  const status = jobs.data;
  const failed = failedJobs(status);
  const [now] = useState(() => Date.now());

  function runNow(job: JobStatus) {
    setMessage(null);
    // A little before the click, so a run that finishes before the answer arrives still counts.
    const since = Date.now() - 2000;
    run.mutate(job.name, {
      onSuccess: () => {
        setWatched({ job: job.name, since });
        setMessage({
          tone: 'success',
          text: `${job.title}: queued. It starts within seconds; this page follows it.`,
        });
      },
      onError: (error) => setMessage({ tone: 'error', text: errorText(error) }),
    });
  }

  return (
    <section className="page">
      <PageHeading>Background jobs</PageHeading>
      <p className="lead">
        Work Beacon does on a schedule: advocates’ reminders, the retention review queue and the nightly check
        of the audit trail. Times are UK time.
      </p>
      <MessageRegion message={message} />
      {jobs.isPending ? (
        <Loading label="Loading the jobs…" />
      ) : jobs.isError && !status ? (
        <QueryError title="The jobs could not be loaded" query={jobs} />
      ) : status ? (
        <>
          {failed.map((job) => (
            <Notice key={job.name} tone="error" title={`${job.title} failed`}>
              <p>{job.lastRun?.summary}</p>
              {job.name === 'audit-verify' && (
                <p>Compare the audit trail with a backup and find out who had the database owner’s access.</p>
              )}
            </Notice>
          ))}
          {!status.enabled && (
            <Notice tone="warning" title="Jobs are switched off in this API process">
              <p>
                JOBS_ENABLED is false here. Other processes may still run them (see when they last looked).
              </p>
            </Notice>
          )}
          {schedulerQuiet(status, now) && (
            <Notice tone="warning" title="No process is running jobs">
              <p>
                {status.schedulerSeenAt
                  ? `Schedules were last looked at ${formatDateTime(status.schedulerSeenAt)}.`
                  : 'Schedules have never been looked at.'}{' '}
                Scheduled jobs do not run until an API process with JOBS_ENABLED starts.
              </p>
            </Notice>
          )}
          <TableWrap>
            <table className="table jobs-table">
              <caption className="visually-hidden">Background jobs</caption>
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">Schedule</th>
                  <th scope="col">Last run</th>
                  <th scope="col">Next run</th>
                  <th scope="col">Queue</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {status.items.map((job) => (
                  <tr key={job.name}>
                    <th scope="row">
                      {job.title}
                      <br />
                      <span className="muted job-summary">{job.description}</span>
                    </th>
                    <td>{job.every}</td>
                    <td>
                      <LastRun job={job} />
                    </td>
                    <td className="nowrap">{job.nextRunAt ? formatDateTime(job.nextRunAt) : '—'}</td>
                    <td>
                      <Queue job={job} />
                    </td>
                    <td>
                      <Button
                        variant="secondary"
                        onClick={() => runNow(job)}
                        disabled={run.isPending}
                        aria-label={`Run now: ${job.title}`}
                      >
                        Run now
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <h2 className="section-title jobs-runs-title">Latest runs</h2>
          {status.recentRuns.length === 0 ? (
            <p className="muted">No job has run yet.</p>
          ) : (
            <TableWrap>
              <table className="table">
                <caption className="visually-hidden">The latest runs of any job, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Finished</th>
                    <th scope="col">Job</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">What came of it</th>
                  </tr>
                </thead>
                <tbody>
                  {status.recentRuns.map((r) => (
                    <tr key={r.id}>
                      <td className="nowrap">{formatDateTime(r.finishedAt)}</td>
                      <td>
                        {status.items.find((item) => item.name === r.job)?.title ?? r.job}
                        {r.trigger === 'MANUAL' && <span className="muted"> (run now)</span>}
                      </td>
                      <td>
                        <Outcome run={r} />
                      </td>
                      <td className="job-summary">{r.summary}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      ) : null}
    </section>
  );
}
