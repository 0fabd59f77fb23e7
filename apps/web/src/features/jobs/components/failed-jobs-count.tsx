import { can } from '@beacon/domain';
import { useUser } from '../../../lib/use-session';
import { useJobs } from '../api/get-jobs';
import { failedJobs } from '../utils/status';

/** Beside "Jobs" in the navigation: how many jobs' latest run failed (nothing when none). */
export function FailedJobsCount() {
  const user = useUser();
  const jobs = useJobs({ poll: false, enabled: can(user.roles, 'jobs.list') });
  const failed = failedJobs(jobs.data).length;
  if (failed === 0) return null;
  return (
    <span className="nav__count nav__count--danger" data-testid="failed-jobs-count">
      {failed}
      <span className="visually-hidden">{failed === 1 ? ' job failed' : ' jobs failed'}</span>
    </span>
  );
}
