import { londonDate } from '@beacon/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { MessageRegion, type Message } from '../../../components/notice';
import { QueryError } from '../../../components/query-error';
import { Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { errorText } from '../../../lib/problems';
import { useDismissReminder } from '../api/dismiss-reminder';
import { useReminders, type Reminder } from '../api/get-reminders';
import { describeReminder } from '../utils/describe';

/** Where a reminder leads: its case, or its ward visit. */
function hrefOf(reminder: Reminder): string | null {
  if (reminder.referralId) return paths.referral.getHref(reminder.referralId);
  if (reminder.visitId) return paths.visit.getHref(reminder.visitId, reminder.dueOn);
  return null;
}

/**
 * The advocate's reminders (made hourly by the reminders job): ward visits today, meetings
 * tomorrow, active cases without contact for 14 days. Each opens its case or visit, and can be
 * dismissed; it then stays away while it is due.
 */
export function RemindersPanel() {
  const [today] = useState(() => londonDate());
  const reminders = useReminders();
  const dismiss = useDismissReminder();
  const [message, setMessage] = useState<Message | null>(null);
  const items = reminders.data?.pages.flatMap((page) => page.items) ?? [];

  function onDismiss(reminder: Reminder, title: string) {
    setMessage(null);
    dismiss.mutate(reminder.id, {
      onSuccess: () => setMessage({ tone: 'success', text: `Dismissed: ${title}.` }),
      onError: (error) => setMessage({ tone: 'error', text: errorText(error) }),
    });
  }

  return (
    <section
      className={items.length > 0 ? 'dashboard__section dashboard__section--attention' : 'dashboard__section'}
      aria-labelledby="reminders-title"
    >
      <h2 id="reminders-title" className="section-title">
        Reminders
      </h2>
      <MessageRegion message={message} />
      {reminders.isPending ? (
        <Loading label="Loading your reminders…" />
      ) : reminders.isError && !reminders.data ? (
        <QueryError title="Your reminders could not be loaded" query={reminders} />
      ) : items.length === 0 ? (
        <p className="muted">
          No reminders. Ward visits today, meetings tomorrow and cases without contact for 14 days show here.
        </p>
      ) : (
        <>
          <ul className="reminder-list" aria-label="Reminders">
            {items.map((reminder) => {
              const { title, detail } = describeReminder(reminder, today);
              const href = hrefOf(reminder);
              return (
                <li key={reminder.id} className={`reminder-list__item reminder-list__item--${reminder.kind}`}>
                  <div>
                    <span className="reminder-list__title">{title}</span>
                    <span className="reminder-list__detail">{detail}</span>
                  </div>
                  <div className="reminder-list__actions">
                    {href && (
                      <Link
                        className="button button--secondary"
                        to={href}
                        aria-label={`Open: ${title}, ${detail}`}
                      >
                        Open
                      </Link>
                    )}
                    <Button
                      variant="secondary"
                      onClick={() => onDismiss(reminder, title)}
                      disabled={dismiss.isPending}
                      aria-label={`Dismiss: ${title}, ${detail}`}
                    >
                      Dismiss
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
          {reminders.hasNextPage && (
            <div className="actions actions--center">
              <Button onClick={() => reminders.fetchNextPage()} disabled={reminders.isFetchingNextPage}>
                {reminders.isFetchingNextPage ? 'Loading…' : 'Show more'}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
