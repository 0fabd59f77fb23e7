import { can } from '@beacon/domain';
import { useUser } from '../../../lib/use-session';
import { useReminderCount } from '../api/get-reminders';

/** Beside "My caseload" in the navigation: how many reminders wait (nothing when none). */
export function ReminderCount() {
  const user = useUser();
  const count = useReminderCount(can(user.roles, 'reminders.list'));
  const open = count.data?.open ?? 0;
  if (open === 0) return null;
  return (
    <span className="nav__count" data-testid="reminder-count">
      {open}
      <span className="visually-hidden">{open === 1 ? ' reminder' : ' reminders'}</span>
    </span>
  );
}
